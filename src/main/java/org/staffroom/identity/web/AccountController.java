package org.staffroom.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.Passkeys;
import org.staffroom.identity.PersonalLinks;
import org.staffroom.identity.TwoFactor;
import org.staffroom.identity.internal.SessionRegistry;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** Account settings: name, password, sessions, access tokens, and deleting the account. */
@Controller
class AccountController {

    static final String VIEW = "identity/account";
    static final String DELETE_VIEW = "identity/account-delete";

    record NameForm(String displayName) {
    }

    record PasswordForm(String currentPassword, String newPassword) {
    }

    record TokenForm(String name) {
    }

    record DeleteForm(String password) {
    }

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final SessionRegistry sessions;
    private final TwoFactor twoFactor;
    private final Passkeys passkeys;
    private final List<PersonalLinks> links;

    AccountController(Accounts accounts, AccessTokens tokens, SessionRegistry sessions, TwoFactor twoFactor,
            Passkeys passkeys, List<PersonalLinks> links) {
        this.links = links;
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request, Model model) {
        return page(me, request, model);
    }

    private String page(CurrentAccount me, HttpServletRequest request, Model model) {
        model.addAttribute("account", accounts.get(me.id()));
        if (!model.containsAttribute("nameForm")) {
            model.addAttribute("nameForm", new NameForm(accounts.get(me.id()).displayName()));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", ""));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(""));
        }
        model.addAttribute("sessions", sessions.list(me.id(), request.getSession().getId()));
        model.addAttribute("tokens", tokens.list(me.id()));
        model.addAttribute("links", links.stream().flatMap(feature -> feature.of(me.id()).stream()).toList());
        model.addAttribute("twoFactorEnabled", twoFactor.enabled(me.id()));
        model.addAttribute("passkeys", passkeys.list(me.id()));
        return VIEW;
    }

    @PostMapping("/account/name")
    String rename(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("nameForm") NameForm form,
            BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            accounts.rename(me.id(), form.displayName());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return page(me, request, model);
        }
        redirect.addFlashAttribute("notice", "account.nameSaved");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(me.id(), form.currentPassword(), form.newPassword(), request.getSession().getId());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return page(me, request, model);
        }
        redirect.addFlashAttribute("notice", "account.passwordSaved");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/{handle}/revoke")
    String revokeSession(@AuthenticationPrincipal CurrentAccount me, @PathVariable String handle,
            RedirectAttributes redirect) {
        sessions.revoke(me.id(), handle);
        redirect.addFlashAttribute("notice", "account.sessionRevoked");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/revoke-all")
    String signOutEverywhere(@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
            HttpServletResponse response) {
        accounts.signOutEverywhere(me.id(), null);
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/login?signedOut";
    }

    @PostMapping("/account/tokens")
    String createToken(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("tokenForm") TokenForm form,
            BindingResult result, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("newToken", tokens.createPersonal(me.id(), form.name()).token());
            model.addAttribute("tokenForm", new TokenForm(""));
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
        }
        return page(me, request, model);
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID tokenId,
            RedirectAttributes redirect) {
        tokens.revoke(me.id(), tokenId);
        redirect.addFlashAttribute("notice", "account.tokenRevoked");
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/{passkeyId}/remove")
    String removePasskey(@AuthenticationPrincipal CurrentAccount me, @PathVariable String passkeyId,
            RedirectAttributes redirect) {
        passkeys.remove(me.id(), passkeyId);
        redirect.addFlashAttribute("notice", "passkeys.removed");
        return "redirect:/account";
    }

    @GetMapping("/account/delete")
    String deleteForm(Model model) {
        model.addAttribute("form", new DeleteForm(""));
        return DELETE_VIEW;
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") DeleteForm form,
            BindingResult result, HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.delete(me.id(), form.password());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return DELETE_VIEW;
        }
        new SecurityContextLogoutHandler().logout(request, response, null);
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        return "redirect:/login?deleted";
    }
}
