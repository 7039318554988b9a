package org.staffroom.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.internal.LoginThrottle;
import org.staffroom.identity.internal.PasswordAuthenticator;
import org.staffroom.identity.internal.SigningKeys;
import org.staffroom.identity.internal.UnlockedSecrets;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.ClientKeys;

/**
 * Confirming the password to act anonymously, for someone who signed in without it (with a passkey): the
 * password unlocks their signing secret for the rest of the session.
 */
@Controller
class UnlockController {

    static final String VIEW = "identity/unlock";

    record UnlockForm(String password, String then) {
    }

    private final Accounts accounts;
    private final PasswordAuthenticator authenticator;
    private final LoginThrottle throttle;
    private final SigningKeys keys;
    private final UnlockedSecrets secrets;

    UnlockController(Accounts accounts, PasswordAuthenticator authenticator, LoginThrottle throttle, SigningKeys keys,
            UnlockedSecrets secrets) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.keys = keys;
        this.secrets = secrets;
    }

    @GetMapping("/account/unlock")
    String form(@RequestParam(defaultValue = "/") String then, Model model) {
        model.addAttribute("form", new UnlockForm("", local(then)));
        return VIEW;
    }

    @PostMapping("/account/unlock")
    String unlock(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") UnlockForm form,
            BindingResult result, HttpServletRequest request, HttpServletResponse response) {
        String email = accounts.get(me.id()).email();
        String client = ClientKeys.of(request);
        if (throttle.blocked(email, client)) {
            throw new DomainException.TooManyRequests();
        }
        String password = form.password() == null ? "" : form.password();
        if (authenticator.check(email, password).isEmpty()) {
            throttle.failed(email, client);
            result.rejectValue("password", "password.wrong");
            return VIEW;
        }
        throttle.succeeded(email);
        byte[] secret = keys.unlock(me.id(), password);
        try {
            secrets.keepInSession(request, response, me.id(), secret);
        } finally {
            SigningKeys.wipe(secret);
        }
        return "redirect:" + local(form.then());
    }

    /** Only a path on this site, so the form cannot send anyone elsewhere. */
    static String local(String then) {
        if (then == null || !then.startsWith("/") || then.startsWith("//") || then.contains("\\")
                || then.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return then;
    }
}
