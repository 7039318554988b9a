package org.staffroom.identity.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.TwoFactor;
import org.staffroom.identity.WebSignIn;
import org.staffroom.identity.internal.LoginThrottle;
import org.staffroom.identity.internal.PendingSecondStep;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** Setting up two-step sign-in, and the second step of signing in. */
@Controller
class TwoFactorController {

    static final String SETUP_VIEW = "identity/two-factor-setup";
    static final String SIGN_IN_VIEW = "identity/two-factor-signin";
    private static final String SETUP_ATTRIBUTE = "staffroom.twoFactorSetup";

    record CodeForm(String code) {
    }

    record DisableForm(String password) {
    }

    private final TwoFactor twoFactor;
    private final WebSignIn signIn;
    private final LoginThrottle throttle;

    TwoFactorController(TwoFactor twoFactor, WebSignIn signIn, LoginThrottle throttle) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.throttle = throttle;
    }

    @GetMapping("/account/two-factor")
    String setup(@AuthenticationPrincipal CurrentAccount me, HttpSession session, Model model) {
        if (twoFactor.enabled(me.id())) {
            return "redirect:/account";
        }
        TwoFactor.Setup setup = twoFactor.newSetup();
        session.setAttribute(SETUP_ATTRIBUTE, setup.secret());
        model.addAttribute("setup", setup);
        model.addAttribute("form", new CodeForm(""));
        return SETUP_VIEW;
    }

    @PostMapping("/account/two-factor")
    String enable(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") CodeForm form,
            BindingResult result, HttpSession session, Model model, RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(SETUP_ATTRIBUTE);
        try {
            twoFactor.enable(me.id(), secret, form.code());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            if (secret == null) {
                return "redirect:/account/two-factor";
            }
            TwoFactor.Setup again = twoFactor.newSetup();
            session.setAttribute(SETUP_ATTRIBUTE, again.secret());
            model.addAttribute("setup", again);
            return SETUP_VIEW;
        }
        session.removeAttribute(SETUP_ATTRIBUTE);
        redirect.addFlashAttribute("notice", "twoFactor.enabled");
        return "redirect:/account";
    }

    @PostMapping("/account/two-factor/disable")
    String disable(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute DisableForm form,
            RedirectAttributes redirect) {
        try {
            twoFactor.disable(me.id(), form.password());
            redirect.addFlashAttribute("notice", "twoFactor.disabled");
        } catch (DomainException.InvalidInput e) {
            redirect.addFlashAttribute("notice", "twoFactor.notDisabled");
        }
        return "redirect:/account";
    }

    @GetMapping("/login/two-factor")
    String secondStep(HttpSession session, Model model) {
        if (pending(session) == null) {
            return "redirect:/login";
        }
        model.addAttribute("form", new CodeForm(""));
        return SIGN_IN_VIEW;
    }

    @PostMapping("/login/two-factor")
    String checkSecondStep(@ModelAttribute("form") CodeForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession();
        PendingSecondStep pending = pending(session);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        String key = "second-step:" + pending.accountId();
        if (throttle.secondStepHeld(key)) {
            throw new DomainException.TooManyRequests();
        }
        if (!twoFactor.passes(pending.accountId(), form.code())) {
            throttle.secondStepFailed(key);
            result.rejectValue("code", "twoFactor.wrongCode", "twoFactor.wrongCode");
            return SIGN_IN_VIEW;
        }
        throttle.succeeded(key);
        session.removeAttribute(PendingSecondStep.ATTRIBUTE);
        signIn.signIn(pending.accountId(), request, response);
        return "redirect:/";
    }

    private static @Nullable PendingSecondStep pending(HttpSession session) {
        if (session.getAttribute(PendingSecondStep.ATTRIBUTE) instanceof PendingSecondStep pending
                && !pending.expired(Instant.now())) {
            return pending;
        }
        session.removeAttribute(PendingSecondStep.ATTRIBUTE);
        return null;
    }
}
