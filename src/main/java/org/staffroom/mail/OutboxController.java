package org.staffroom.mail;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.staffroom.identity.CurrentAccount;

/** Administrators only (the security configuration guards /admin/**). */
@Controller
class OutboxController {

    static final String VIEW = "mail/outbox";

    private final Mailer mailer;

    OutboxController(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/admin/outbox")
    String outbox(@AuthenticationPrincipal CurrentAccount me, Model model) {
        model.addAttribute("messages", mailer.outbox(me.id()));
        return VIEW;
    }
}
