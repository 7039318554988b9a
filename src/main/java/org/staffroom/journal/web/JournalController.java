package org.staffroom.journal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;
import org.staffroom.identity.CurrentAccount;

/**
 * The journal's pages. They hold no entry: the page's script fetches ciphertext from /journal/data and
 * decrypts it in the browser, so without JavaScript they can only explain why they need it.
 */
@Controller
class JournalController {

    static final String JOURNAL = "journal/journal";
    static final String WITNESS = "journal/witness";
    /** The kinds of thing an entry can be tagged with; a tag is stored encrypted with the entry. */
    static final List<String> TAGS = List.of("bullying", "harassment", "discrimination", "unsafeStaffing", "unpaidWork",
            "other");

    private final double idleMinutes;
    private final int iterations;

    JournalController(@Value("${staffroom.journal.idle-minutes}") double idleMinutes,
            @Value("${staffroom.journal.kdf-iterations}") int iterations) {
        this.idleMinutes = idleMinutes;
        this.iterations = Math.max(iterations, org.staffroom.journal.Journal.MIN_ITERATIONS);
    }

    @GetMapping("/journal")
    String journal(Model model) {
        model.addAttribute("idleMinutes", idleMinutes);
        model.addAttribute("iterations", iterations);
        model.addAttribute("tags", TAGS);
        return JOURNAL;
    }

    /**
     * A witness link; the key that opens its summary is in the fragment, which browsers never send. Open to
     * anyone, so the page's script can keep the fragment for this tab before the colleague signs in: the
     * sign-in's redirects would lose it.
     */
    @GetMapping("/journal/witness/{token}")
    String witness(@AuthenticationPrincipal CurrentAccount me, @PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("signedIn", me != null);
        return WITNESS;
    }

    /** Signs the colleague in (it needs an account), then back to the link, its fragment kept by the script. */
    @GetMapping("/journal/witness/{token}/sign-in")
    String signInForWitness(@PathVariable String token) {
        return "redirect:/journal/witness/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }
}
