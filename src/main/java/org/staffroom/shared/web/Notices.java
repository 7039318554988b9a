package org.staffroom.shared.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * Notices that travel in a redirect's query (moved into a one-minute cookie by {@link NoticeCookie}, so that the
 * address keeps no tell-tale) instead of a flash attribute, after acts that may be anonymous:
 * a flash attribute waits in the session, in the database, beside the member's id. Only the names a page
 * lists are understood, so a crafted link can show nothing else.
 */
public final class Notices {

    private Notices() {
    }

    /** Puts the message keys named by {@code done} and {@code problem} into the model as "notice" and "problem". */
    public static void fromQuery(Model model, @Nullable String done, @Nullable String problem,
            Map<String, String> doneKeys,
            Map<String, String> problemKeys) {
        if (done != null && doneKeys.containsKey(done) && !model.containsAttribute("notice")) {
            model.addAttribute("notice", doneKeys.get(done));
        }
        if (problem != null && problemKeys.containsKey(problem) && !model.containsAttribute("problem")) {
            model.addAttribute("problem", problemKeys.get(problem));
        }
    }
}
