package org.staffroom.groups.web;

import java.util.UUID;

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
import org.staffroom.groups.GroupView;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Networks;
import org.staffroom.groups.Role;
import org.staffroom.groups.Sector;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** A group's pages: creating it, its overview, members, roles and settings. */
@Controller
class GroupController {

    static final String NEW_VIEW = "groups/new";
    static final String GROUP_VIEW = "groups/group";
    static final String SETTINGS_VIEW = "groups/settings";
    static final String MEMBERS_VIEW = "groups/members";

    private final Groups groups;
    private final Networks networks;

    GroupController(Groups groups, Networks networks) {
        this.groups = groups;
        this.networks = networks;
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    @GetMapping("/groups/new")
    String newGroup(Model model) {
        model.addAttribute("form", GroupForm.empty());
        return NEW_VIEW;
    }

    @PostMapping("/groups")
    String create(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") GroupForm form,
            BindingResult result) {
        try {
            UUID id = groups.create(me.id(), form.details());
            return "redirect:/groups/" + id;
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return NEW_VIEW;
        }
    }

    @GetMapping("/groups/{groupId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        GroupView group = groups.get(me.id(), groupId);
        model.addAttribute("group", group);
        model.addAttribute("memberCount", groups.memberCount(me.id(), groupId));
        model.addAttribute("networks", networks.ofGroup(groupId));
        model.addAttribute("wins", groups.wins(me.id(), groupId));
        model.addAttribute("toDo", groups.toDo(me.id(), groupId));
        return GROUP_VIEW;
    }

    @GetMapping("/groups/{groupId}/settings")
    String settings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        GroupView group = groups.getAsOrganiser(me.id(), groupId);
        model.addAttribute("form", GroupForm.of(group));
        return settingsPage(group, model);
    }

    private String settingsPage(GroupView group, Model model) {
        model.addAttribute("group", group);
        model.addAttribute("networks", networks.ofGroup(group.id()));
        model.addAttribute("allNetworks", networks.all());
        return SETTINGS_VIEW;
    }

    @PostMapping("/groups/{groupId}/settings")
    String saveSettings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") GroupForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        GroupView group = groups.getAsOrganiser(me.id(), groupId);
        try {
            groups.update(me.id(), groupId, form.details());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return settingsPage(group, model);
        }
        redirect.addFlashAttribute("notice", "group.saved");
        return "redirect:/groups/" + groupId;
    }

    @PostMapping("/groups/{groupId}/networks")
    String joinNetwork(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam UUID networkId, RedirectAttributes redirect) {
        networks.join(me.id(), groupId, networkId);
        redirect.addFlashAttribute("notice", "group.networkJoined");
        return "redirect:/groups/" + groupId + "/settings";
    }

    @PostMapping("/groups/{groupId}/networks/{networkId}/leave")
    String leaveNetwork(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID networkId, RedirectAttributes redirect) {
        networks.leave(me.id(), groupId, networkId);
        redirect.addFlashAttribute("notice", "group.networkLeft");
        return "redirect:/groups/" + groupId + "/settings";
    }

    @GetMapping("/groups/{groupId}/members")
    String members(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("members", groups.members(me.id(), groupId));
        model.addAttribute("meId", me.id());
        return MEMBERS_VIEW;
    }

    @PostMapping("/groups/{groupId}/members/{memberId}/role")
    String changeRole(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID memberId, @RequestParam Role role, RedirectAttributes redirect) {
        groups.changeRole(me.id(), groupId, memberId, role);
        redirect.addFlashAttribute("notice", "members.roleChanged");
        return "redirect:/groups/" + groupId + "/members";
    }

    @PostMapping("/groups/{groupId}/members/{memberId}/remove")
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID memberId, RedirectAttributes redirect) {
        groups.removeMember(me.id(), groupId, memberId);
        redirect.addFlashAttribute("notice", "members.removed");
        return "redirect:/groups/" + groupId + "/members";
    }

    @PostMapping("/groups/{groupId}/leave")
    String leave(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, RedirectAttributes redirect) {
        groups.removeMember(me.id(), groupId, me.id());
        redirect.addFlashAttribute("notice", "group.left");
        return "redirect:/";
    }
}
