package org.staffroom.meetings.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.CalendarFeeds;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.InstanceSettings;

/** A member's private calendar feed: the page that makes and revokes the link, and the feed itself. */
@Controller
class CalendarFeedController {

    private final CalendarFeeds feeds;
    private final InstanceSettings settings;

    CalendarFeedController(CalendarFeeds feeds, InstanceSettings settings) {
        this.feeds = feeds;
        this.settings = settings;
    }

    @GetMapping("/account/calendar")
    String page(@AuthenticationPrincipal CurrentAccount me, Model model) {
        model.addAttribute("hasFeed", feeds.has(me.id()));
        return "meetings/calendar";
    }

    /** A new link, shown once on the page that answers this request. */
    @PostMapping("/account/calendar")
    String renew(@AuthenticationPrincipal CurrentAccount me, Model model) {
        model.addAttribute("feedUrl", settings.link("/calendar/" + feeds.renew(me.id()) + ".ics"));
        model.addAttribute("hasFeed", true);
        return "meetings/calendar";
    }

    @PostMapping("/account/calendar/revoke")
    String revoke(@AuthenticationPrincipal CurrentAccount me, RedirectAttributes redirect) {
        feeds.revoke(me.id());
        redirect.addFlashAttribute("notice", "calendar.revoked");
        return "redirect:/account/calendar";
    }

    /** No sign-in: the secret in the link is the key, as calendar apps expect. */
    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return MeetingController.ics(feeds.feed(token).orElseThrow(DomainException.NotFound::new));
    }
}
