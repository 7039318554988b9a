package org.staffroom.concerns.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.concerns.ConcernNotifications;
import org.staffroom.identity.CurrentAccount;

/** Choosing which content-free e-mails to get about concerns. */
@Controller
class NotificationController {

    private final ConcernNotifications notifications;

    NotificationController(ConcernNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/account/notifications")
    String form(@AuthenticationPrincipal CurrentAccount me, Model model) {
        model.addAttribute("choices", notifications.choices(me.id()));
        return "concerns/notifications";
    }

    @PostMapping("/account/notifications")
    String choose(@AuthenticationPrincipal CurrentAccount me,
            @RequestParam(defaultValue = "false") boolean newConcern,
            @RequestParam(defaultValue = "false") boolean shared,
            @RequestParam(defaultValue = "false") boolean replies, RedirectAttributes redirect) {
        notifications.choose(me.id(), new ConcernNotifications.Choices(newConcern, shared, replies));
        redirect.addFlashAttribute("notice", "notifications.saved");
        return "redirect:/account/notifications";
    }
}
