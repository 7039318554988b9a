package org.staffroom.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** What Staffroom keeps and does not keep, in plain words, for anyone deciding whether to trust it. */
@Controller
class PrivacyController {

    static final String VIEW = "privacy";

    @GetMapping("/privacy")
    String privacy() {
        return VIEW;
    }
}
