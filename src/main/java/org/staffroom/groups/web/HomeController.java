package org.staffroom.groups.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.staffroom.groups.GroupActivity;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Networks;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;

/** The home page: the signed-in member's groups and what needs doing, or the welcome for a visitor. */
@Controller
class HomeController {

    static final String HOME = "groups/home";
    static final String WELCOME = "groups/welcome";

    private final Accounts accounts;
    private final Groups groups;
    private final Networks networks;

    HomeController(Accounts accounts, Groups groups, Networks networks) {
        this.accounts = accounts;
        this.groups = groups;
        this.networks = networks;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentAccount me, Model model) {
        if (me == null) {
            return accounts.setupNeeded() ? "redirect:/setup" : WELCOME;
        }
        List<Groups.Membership> memberships = groups.memberships(me.id());
        model.addAttribute("memberships", memberships);
        Map<UUID, List<GroupActivity.Task>> toDo = new HashMap<>();
        memberships.forEach(m -> toDo.put(m.groupId(), groups.toDo(me.id(), m.groupId())));
        model.addAttribute("toDo", toDo);
        model.addAttribute("coordinated", networks.coordinatedBy(me.id()));
        model.addAttribute("offers", networks.offeredTo(me.id()));
        return HOME;
    }
}
