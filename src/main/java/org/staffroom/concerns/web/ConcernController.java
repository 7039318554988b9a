package org.staffroom.concerns.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.concerns.Category;
import org.staffroom.concerns.Comments;
import org.staffroom.concerns.ConcernConversation;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.ConcernSettings;
import org.staffroom.concerns.Concerns;
import org.staffroom.concerns.Grievances;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.FormPage;

/** A group's concerns as pages: the list, raising one, reading and co-signing it, and the author's side. */
@Controller
class ConcernController {

    record MessageForm(String text) {
    }

    record SettingsForm(Integer threshold, Integer retentionMonths, Boolean membersCanAdopt) {
    }

    private final Concerns concerns;
    private final ConcernRaising raising;
    private final ConcernConversation conversation;
    private final ConcernSettings settings;
    private final Groups groups;
    private final AnonymousTags tags;
    private final Grievances grievances;
    private final Comments comments;

    ConcernController(Concerns concerns, ConcernRaising raising, ConcernConversation conversation,
            ConcernSettings settings, Groups groups, AnonymousTags tags, Grievances grievances, Comments comments) {
        this.comments = comments;
        this.grievances = grievances;
        this.concerns = concerns;
        this.raising = raising;
        this.conversation = conversation;
        this.settings = settings;
        this.groups = groups;
        this.tags = tags;
    }

    private static String base(UUID groupId) {
        return "/groups/" + groupId + "/concerns";
    }

    private static String unlock(String then) {
        return "redirect:/account/unlock?then=" + then;
    }

    @GetMapping("/groups/{groupId}/concerns")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(required = false) String after, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("page", concerns.list(me.id(), groupId, after));
        return "concerns/list";
    }

    @GetMapping("/groups/{groupId}/concerns/new")
    String raiseForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        if (!tags.unlocked(me.id())) {
            // ask before they type, not after
            return unlock(base(groupId) + "/new");
        }
        model.addAttribute("form", new ConcernDraft("", "", "", "", null));
        model.addAttribute("categories", Category.values());
        model.addAttribute("submission", SecretTokens.newToken(32));
        addMembers(me, groupId, model);
        return "concerns/new";
    }

    /**
     * Post/redirect/get: an anonymous concern's receipt is shown by {@code GET /receipt/new}, so a reload shows it
     * again instead of sending the form again; a form sent twice raises one concern (its one-time key).
     */
    @PostMapping("/groups/{groupId}/concerns")
    @FormPage(append = "/new")
    String raise(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") ConcernDraft form, BindingResult result,
            @RequestParam(required = false) String submission, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        Concerns.Raised raised;
        try {
            // a form without the choice (or with one that did not bind) raises it without the name
            ConcernDraft draft = form.anonymous() != null ? form : new ConcernDraft(form.title(), form.details(),
                    form.category(), form.affected(), true);
            raised = raiseOnce(me, groupId, draft, submission);
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            model.addAttribute("group", groups.get(me.id(), groupId));
            model.addAttribute("categories", Category.values());
            model.addAttribute("submission", submission == null ? SecretTokens.newToken(32) : submission);
            addMembers(me, groupId, model);
            return "concerns/new";
        } catch (DomainException.Conflict e) {
            return "redirect:" + base(groupId) + "?problem=" + QueryNotices.problemFor(e.messageCode());
        }
        if (raised.receipt() != null) {
            ReceiptCookie.keep(request, response, raised.receipt());
            return "redirect:/receipt/new";
        }
        redirect.addFlashAttribute("notice", "concern.raised");
        return "redirect:" + base(groupId) + "/" + raised.concernId();
    }

    /**
     * Below this many members, the raise form warns that anonymity is thin: in a team of six, colleagues can
     * often guess who wrote something from what it says, whatever Staffroom keeps.
     */
    static final int FEW_MEMBERS = 10;

    private void addMembers(CurrentAccount me, UUID groupId, Model model) {
        long members = groups.memberCount(me.id(), groupId);
        if (members < FEW_MEMBERS) {
            model.addAttribute("fewMembers", members);
        }
    }

    /** Two sendings of one form at the same moment: the second meets the first's row and then finds it. */
    private Concerns.Raised raiseOnce(CurrentAccount me, UUID groupId, ConcernDraft form, String submission) {
        try {
            return raising.raise(me.id(), groupId, form, submission);
        } catch (DuplicateKeyException e) {
            return raising.raise(me.id(), groupId, form, submission);
        }
    }

    @GetMapping("/groups/{groupId}/concerns/{concernId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID concernId,
            Model model) {
        Concerns.View view = concerns.get(me.id(), groupId, concernId);
        model.addAttribute("c", view);
        model.addAttribute("grievanceId", grievances.forConcern(groupId, concernId).orElse(null));
        model.addAttribute("comments", comments.list(me.id(), groupId, Comments.On.CONCERN, concernId));
        model.addAttribute("canAdopt", view.organiser() || settings.settings(groupId).membersCanAdopt());
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", new MessageForm(""));
        }
        return "concerns/concern";
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/cosign")
    String cosign(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID concernId,
            @RequestParam(defaultValue = "true") boolean anonymous, RedirectAttributes redirect) {
        String page = base(groupId) + "/" + concernId;
        try {
            concerns.cosign(me.id(), groupId, concernId, anonymous);
            return "redirect:" + page + "?done=cosigned";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + QueryNotices.problemFor(e.messageCode());
        }
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/messages")
    String write(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID concernId,
            @ModelAttribute("messageForm") MessageForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            conversation.write(me.id(), groupId, concernId, form.text());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return show(me, groupId, concernId, model);
        }
        redirect.addFlashAttribute("notice", "concern.conversation.sent");
        return "redirect:" + base(groupId) + "/" + concernId;
    }

    @GetMapping("/groups/{groupId}/concerns/{concernId}/edit")
    String editForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId, Model model) {
        Concerns.View view = concerns.get(me.id(), groupId, concernId);
        if (!view.mine()) {
            throw new DomainException.Forbidden("concern.authorOnly");
        }
        model.addAttribute("form", new ConcernDraft(view.title(), view.details(), view.category().name(),
                view.affected(), false));
        return editPage(groupId, concernId, model);
    }

    private String editPage(UUID groupId, UUID concernId, Model model) {
        model.addAttribute("groupId", groupId);
        model.addAttribute("concernId", concernId);
        model.addAttribute("categories", Category.values());
        return "concerns/edit";
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/edit")
    String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID concernId,
            @ModelAttribute("form") ConcernDraft form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            concerns.edit(me.id(), groupId, concernId, form);
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return editPage(groupId, concernId, model);
        }
        redirect.addFlashAttribute("notice", "concern.saved");
        return "redirect:" + base(groupId) + "/" + concernId;
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId, RedirectAttributes redirect) {
        concerns.withdraw(me.id(), groupId, concernId);
        redirect.addFlashAttribute("notice", "concern.withdrawn");
        return "redirect:" + base(groupId);
    }

    @GetMapping("/groups/{groupId}/concerns/settings")
    String settingsForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        groups.getAsOrganiser(me.id(), groupId);
        Concerns.Settings settings = this.settings.settings(groupId);
        model.addAttribute("form", new SettingsForm(settings.threshold(), settings.retentionMonths(),
                settings.membersCanAdopt()));
        model.addAttribute("groupId", groupId);
        return "concerns/settings";
    }

    @PostMapping("/groups/{groupId}/concerns/settings")
    String settings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") SettingsForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            // a number field that is not a number: the binder has said so next to it
            model.addAttribute("groupId", groupId);
            return "concerns/settings";
        }
        try {
            settings.changeSettings(me.id(), groupId, form.threshold(), form.retentionMonths(),
                    form.membersCanAdopt());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            model.addAttribute("groupId", groupId);
            return "concerns/settings";
        }
        redirect.addFlashAttribute("notice", "concernSettings.saved");
        return "redirect:" + base(groupId) + "/settings";
    }
}
