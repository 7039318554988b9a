package org.staffroom.identity.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.staffroom.identity.PasswordResets;
import org.staffroom.identity.internal.TrustedDevices;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.ClientKeys;
import org.staffroom.shared.web.FormErrors;

/** The pages that ask for a reset link and set a new password with it. */
@Controller
class PasswordResetController {

    static final String REQUEST_VIEW = "identity/password-reset";
    static final String CHOOSE_VIEW = "identity/password-choose";

    record ResetRequestForm(String email) {
    }

    record NewPasswordForm(String newPassword) {
    }

    private final PasswordResets resets;
    private final TrustedDevices devices;

    PasswordResetController(PasswordResets resets, TrustedDevices devices) {
        this.resets = resets;
        this.devices = devices;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("form", new ResetRequestForm(""));
        return REQUEST_VIEW;
    }

    /** Says the same whether or not the address has an account. */
    @PostMapping("/password-reset")
    String request(@ModelAttribute("form") ResetRequestForm form, Model model, HttpServletRequest request) {
        resets.request(form.email(), ClientKeys.of(request));
        model.addAttribute("sent", true);
        return REQUEST_VIEW;
    }

    @GetMapping("/password-reset/{token}")
    String chooseForm(@PathVariable String token, Model model) {
        if (!resets.isValid(token)) {
            throw new DomainException.Gone("passwordReset.expired");
        }
        model.addAttribute("form", new NewPasswordForm(""));
        return CHOOSE_VIEW;
    }

    @PostMapping("/password-reset/{token}")
    String choose(@PathVariable String token, @ModelAttribute("form") NewPasswordForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            UUID account = resets.complete(token, form.newPassword())
                    .orElseThrow(() -> new DomainException.Gone("passwordReset.expired"));
            // whoever opened the e-mailed link may sign in from this browser even while a stranger keeps the
            // account slowed (docs/security.md, "Throttling")
            devices.remember(request, response, account);
            return "redirect:/login?passwordChanged";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return CHOOSE_VIEW;
        }
    }
}
