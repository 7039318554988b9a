package org.staffroom.groups.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Invitations;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.NewAccount;
import org.staffroom.identity.WebSignIn;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.ClientKeys;
import org.staffroom.shared.web.FormErrors;

/** Invitations: the organiser's links and e-mails, and the page where an invited person joins. */
@Controller
class InvitationController {

    static final String MANAGE_VIEW = "groups/invitations";
    static final String ACCEPT_VIEW = "groups/invitation";

    record InvitationForm(int validDays, int maxUses) {
    }

    record EmailInvitationForm(String email, int validDays) {
    }

    record RegisterForm(String email, String displayName, String password) {
    }

    record PersonalLinkForm(String email) {
    }

    private final Invitations invitations;
    private final Groups groups;
    private final WebSignIn signIn;
    private final java.time.Clock clock;

    InvitationController(Invitations invitations, Groups groups, WebSignIn signIn, java.time.Clock clock) {
        this.invitations = invitations;
        this.groups = groups;
        this.signIn = signIn;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}/invitations")
    String manage(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        return managePage(me, groupId, model);
    }

    private String managePage(CurrentAccount me, UUID groupId, Model model) {
        var group = groups.get(me.id(), groupId);
        if (!group.organiser() && !group.membersCanInvite()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        model.addAttribute("group", group);
        model.addAttribute("invitations", group.organiser() ? invitations.list(me.id(), groupId) : java.util.List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InvitationForm(14, 10));
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new EmailInvitationForm("", 14));
        }
        model.addAttribute("now", clock.instant());
        return MANAGE_VIEW;
    }

    @PostMapping("/groups/{groupId}/invitations")
    String create(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") InvitationForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                model.addAttribute("created", invitations.create(me.id(), groupId, form.validDays(), form.maxUses()));
            } catch (DomainException.InvalidInput e) {
                FormErrors.reject(result, e);
            }
        }
        return managePage(me, groupId, model);
    }

    @PostMapping("/groups/{groupId}/invitations/email")
    String email(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("emailForm") EmailInvitationForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                invitations.createAndEmail(me.id(), groupId, form.email(), form.validDays());
                model.addAttribute("notice", "invitation.emailed");
                model.addAttribute("emailForm", new EmailInvitationForm("", 14));
            } catch (DomainException.InvalidInput e) {
                FormErrors.reject(result, e);
            }
        }
        return managePage(me, groupId, model);
    }

    @PostMapping("/groups/{groupId}/invitations/{invitationId}/revoke")
    String revoke(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID invitationId, RedirectAttributes redirect) {
        invitations.revoke(me.id(), groupId, invitationId);
        redirect.addFlashAttribute("notice", "invitation.revoked");
        return "redirect:/groups/" + groupId + "/invitations";
    }

    @GetMapping("/invitations/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("invitation", invitations.preview(code));
        model.addAttribute("code", code);
        model.addAttribute("form", new RegisterForm("", "", ""));
        model.addAttribute("linkForm", new PersonalLinkForm(""));
        return ACCEPT_VIEW;
    }

    /**
     * A newcomer on an open link asks for a personal link. The answer never says whether the address has an
     * account: the e-mail does.
     */
    @PostMapping("/invitations/{code}/personal-link")
    String personalLink(@PathVariable String code, @ModelAttribute("linkForm") PersonalLinkForm form,
            BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            invitations.sendPersonalLink(code, form.email(), ClientKeys.of(request));
            redirect.addFlashAttribute("notice", "invitation.personalLinkSent");
            return "redirect:/invitations/" + code;
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
        }
        model.addAttribute("invitation", invitations.preview(code));
        model.addAttribute("code", code);
        model.addAttribute("form", new RegisterForm("", "", ""));
        return ACCEPT_VIEW;
    }

    @PostMapping("/invitations/{code}/accept")
    String accept(@AuthenticationPrincipal CurrentAccount me, @PathVariable String code) {
        if (me == null) {
            return "redirect:/login";
        }
        return "redirect:/groups/" + invitations.accept(code, me.id());
    }

    @PostMapping("/invitations/{code}/register")
    String register(@PathVariable String code, @ModelAttribute("form") RegisterForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            UUID accountId = invitations.acceptWithNewAccount(code,
                    new NewAccount(form.email(), form.displayName(), form.password()));
            signIn.signIn(accountId, request, response);
            return "redirect:/";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
        } catch (DomainException.Conflict e) {
            result.rejectValue("email", e.messageCode(), e.messageCode());
        }
        model.addAttribute("invitation", invitations.preview(code));
        model.addAttribute("code", code);
        model.addAttribute("linkForm", new PersonalLinkForm(""));
        return ACCEPT_VIEW;
    }
}
