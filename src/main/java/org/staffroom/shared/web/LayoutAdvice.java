package org.staffroom.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.staffroom.shared.InstanceSettings;

/** What the shared page layout needs on every page. */
@ControllerAdvice
class LayoutAdvice {

    private final InstanceSettings settings;

    LayoutAdvice(InstanceSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("quickExitUrl")
    String quickExitUrl() {
        return settings.quickExitUrl();
    }
}
