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
 * without JavaScript; a crafted link can do no more than sign someone out.
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
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        response.setHeader("Cache-Control", "no-store");
        String target = settings.quickExitUrl();
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
