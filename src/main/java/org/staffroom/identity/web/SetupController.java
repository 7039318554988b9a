package org.staffroom.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.NewAccount;
import org.staffroom.identity.WebSignIn;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** The first visit to a new instance: create the first administrator. Gone (404) once any account exists. */
@Controller
class SetupController {

    static final String VIEW = "identity/setup";

    record SetupForm(String email, String displayName, String password) {
    }

    private final Accounts accounts;
    private final WebSignIn signIn;

    SetupController(Accounts accounts, WebSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (!accounts.setupNeeded()) {
            throw new DomainException.NotFound();
        }
        model.addAttribute("form", new SetupForm("", "", ""));
        return VIEW;
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            var id = accounts
                    .registerFirstAdministrator(new NewAccount(form.email(), form.displayName(), form.password()));
            signIn.signIn(id, request, response);
            return "redirect:/";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return VIEW;
        }
    }
}
