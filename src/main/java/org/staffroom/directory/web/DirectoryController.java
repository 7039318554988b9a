package org.staffroom.directory.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.directory.Directory;
import org.staffroom.directory.JoinRequests;
import org.staffroom.directory.SearchQuery;
import org.staffroom.groups.Sector;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** Find a group: public, no sign-in needed. */
@Controller
class DirectoryController {

    static final String SEARCH_VIEW = "directory/search";
    static final String LISTING_VIEW = "directory/listing";
    static final String SENT_VIEW = "directory/sent";

    record JoinForm(String name, String contact, String message) {
    }

    private final Directory directory;
    private final JoinRequests joinRequests;
    private final JoinThrottle throttle;

    DirectoryController(Directory directory, JoinRequests joinRequests, JoinThrottle throttle) {
        this.directory = directory;
        this.joinRequests = joinRequests;
        this.throttle = throttle;
    }

    @GetMapping("/directory")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String area,
            @RequestParam(defaultValue = "") String employer, @RequestParam(defaultValue = "") String profession,
            @RequestParam(defaultValue = "") String sector, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("q", q);
        model.addAttribute("area", area);
        model.addAttribute("employer", employer);
        model.addAttribute("profession", profession);
        model.addAttribute("sector", sector);
        model.addAttribute("page", page);
        try {
            model.addAttribute("results",
                    directory.search(new SearchQuery(q, area, employer, profession, sector, page)));
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("searchError", e.messageCode());
            model.addAttribute("searchErrorArguments", e.arguments());
        }
        return SEARCH_VIEW;
    }

    @GetMapping("/directory/{groupId}")
    String listing(@PathVariable UUID groupId, Model model) {
        model.addAttribute("listing", directory.listing(groupId));
        model.addAttribute("form", new JoinForm("", "", ""));
        return LISTING_VIEW;
    }

    @PostMapping("/directory/{groupId}/join")
    String join(@PathVariable UUID groupId, @ModelAttribute("form") JoinForm form, BindingResult result, Model model,
            HttpServletRequest request) {
        model.addAttribute("listing", directory.listing(groupId));
        throttle.check(request);
        try {
            joinRequests.submit(groupId, form.name(), form.contact(), form.message());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return LISTING_VIEW;
        }
        return SENT_VIEW;
    }
}
