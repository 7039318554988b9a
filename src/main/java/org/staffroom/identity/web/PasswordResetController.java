package org.staffroom.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.staffroom.identity.PasswordResets;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

@Controller
class PasswordResetController {

    static final String REQUEST_VIEW = "identity/password-reset";
    static final String CHOOSE_VIEW = "identity/password-choose";

    record ResetRequestForm(String email) {
    }

    record NewPasswordForm(String newPassword) {
    }

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("form", new ResetRequestForm(""));
        return REQUEST_VIEW;
    }

    /** Says the same whether or not the address has an account. */
    @PostMapping("/password-reset")
    String request(@ModelAttribute("form") ResetRequestForm form, Model model) {
        resets.request(form.email());
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
    String choose(@PathVariable String token, @ModelAttribute("form") NewPasswordForm form, BindingResult result) {
        try {
            if (!resets.complete(token, form.newPassword())) {
                throw new DomainException.Gone("passwordReset.expired");
            }
            return "redirect:/login?passwordChanged";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return CHOOSE_VIEW;
        }
    }
}
