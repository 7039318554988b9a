package org.staffroom.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.shared.InstanceSettings;

/**
 * The quick exit ("Leave this site quickly", or Esc twice outside a text field): ends the session, tells the
 * browser to forget everything this site left in it (cache, cookies, storage — the device cookie too: this is the
 * emergency, not an ordinary sign-out), and sends it on to the neutral site. The script calls it, then replaces the
 * current page with the neutral site in the history, so Back does not return to it; the pages before it are fetched again if gone back
 * to (none is cached: {@code no-store}), and find nobody signed in. A GET, so that it works as a plain link
 * without JavaScript. A link from another site (the browser says {@code Sec-Fetch-Site: cross-site}) only passes
 * through, so that nobody can sign a worker out, or wipe the cookie that spares their browser from a guesser's
 * lockout, by getting them to follow a link.
 */
@Controller
class QuickExitController {

    private final InstanceSettings settings;

    QuickExitController(InstanceSettings settings) {
        this.settings = settings;
    }

    /**
     * {@code ?stay} is the script's call: it answers 204 and the script then replaces the page with the neutral
     * site itself (so it can hide the page at once and not wait on a redirect).
     */
    @GetMapping("/leave")
    void leave(@RequestParam(required = false) String stay, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String target = settings.quickExitUrl();
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site")) && target != null && !target.isBlank()) {
            // another site's link to here: pass on, but neither sign anyone out nor wipe their trusted device
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        response.setHeader("Cache-Control", "no-store");
        if (stay != null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (target == null || target.isBlank()) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><title>New tab</title><body></body></html>");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }
}
