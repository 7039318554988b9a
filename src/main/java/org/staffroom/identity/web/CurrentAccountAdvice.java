package org.staffroom.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;

/** The signed-in account's name for the page header; null when nobody is signed in. */
@ControllerAdvice
class CurrentAccountAdvice {

    private final Accounts accounts;

    CurrentAccountAdvice(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    AccountView me(@AuthenticationPrincipal CurrentAccount current) {
        return current == null ? null : accounts.find(current.id()).orElse(null);
    }
}
