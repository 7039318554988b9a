package org.staffroom.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators only (the security configuration guards /admin/**). */
@Controller
class OutboxController {

    static final String VIEW = "mail/outbox";

    private final Mailer mailer;

    OutboxController(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("messages", mailer.outbox());
        return VIEW;
    }
}
