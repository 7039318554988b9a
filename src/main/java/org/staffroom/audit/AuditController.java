package org.staffroom.audit;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.staffroom.groups.Groups;
import org.staffroom.identity.CurrentAccount;

/** The audit pages: a group's events for its organisers, every event for administrators. */
@Controller
class AuditController {

    static final String GROUP_VIEW = "audit/group";
    static final String ADMIN_VIEW = "audit/admin";
    static final String ADMIN_INDEX = "admin/index";

    private final AuditLog log;
    private final Groups groups;

    AuditController(AuditLog log, Groups groups) {
        this.log = log;
        this.groups = groups;
    }

    @GetMapping("/groups/{groupId}/audit")
    String group(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("entries", log.forGroup(me.id(), groupId));
        return GROUP_VIEW;
    }

    @GetMapping("/admin/audit")
    String all(@AuthenticationPrincipal CurrentAccount me, Model model) {
        model.addAttribute("entries", log.all(me.id()));
        return ADMIN_VIEW;
    }

    @GetMapping("/admin")
    String index() {
        return ADMIN_INDEX;
    }
}
