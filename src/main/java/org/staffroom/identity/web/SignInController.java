package org.staffroom.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.staffroom.identity.Accounts;

/** The sign-in page (Spring Security handles what it posts). */
@Controller
class SignInController {

    static final String VIEW = "identity/login";

    private final Accounts accounts;

    SignInController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String signIn() {
        return accounts.setupNeeded() ? "redirect:/setup" : VIEW;
    }
}
