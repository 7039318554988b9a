package org.staffroom.demands.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.demands.Demands;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.Notices;

/**
 * Demands as pages. After supporting, the page says thank you through the redirect's query, not the
 * session, since support is counted without a name.
 */
@Controller
class DemandController {

    record DraftForm(String what, String reasons, String addressedTo, String respondBy) {
    }

    private static final Map<String, String> DONE = Map.of("supported", "demand.supported", "drafted", "demand.drafted",
            "recorded", "demand.recorded");
    private static final Map<String, String> PROBLEMS = Map.of("alreadySupported", "demand.alreadySupported",
            "closed", "demand.closed", "topOfLadder", "demand.topOfLadder", "invalid", "demand.record.invalid");

    private final Demands demands;
    private final Groups groups;

    DemandController(Demands demands, Groups groups) {
        this.demands = demands;
        this.groups = groups;
    }

    private static String base(UUID groupId) {
        return "/groups/" + groupId + "/demands";
    }

    @GetMapping("/groups/{groupId}/demands")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("demands", demands.list(me.id(), groupId));
        model.addAttribute("wins", demands.wins(me.id(), groupId));
        return "demands/list";
    }

    @GetMapping("/groups/{groupId}/demands/new")
    String form(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        if (!groups.get(me.id(), groupId).organiser()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        model.addAttribute("form", new DraftForm("", "", "", ""));
        model.addAttribute("groupId", groupId);
        return "demands/new";
    }

    @PostMapping("/groups/{groupId}/demands")
    String draft(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") DraftForm form, BindingResult result, Model model) {
        try {
            UUID id = demands.draft(me.id(), groupId, new Demands.Draft(form.what(), form.reasons(), form.addressedTo(),
                    null, form.respondBy()));
            return "redirect:" + base(groupId) + "/" + id + "?done=drafted";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            model.addAttribute("groupId", groupId);
            return "demands/new";
        }
    }

    @GetMapping("/groups/{groupId}/demands/{demandId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID demandId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem, Model model) {
        model.addAttribute("d", demands.get(me.id(), groupId, demandId));
        model.addAttribute("kinds", Demands.Kind.values());
        model.addAttribute("outcomes", Demands.Outcome.values());
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        return "demands/demand";
    }

    @PostMapping("/groups/{groupId}/demands/{demandId}/support")
    String support(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID demandId,
            @RequestParam(defaultValue = "false") boolean openly) {
        String page = base(groupId) + "/" + demandId;
        try {
            demands.support(me.id(), groupId, demandId, openly);
            return "redirect:" + page + "?done=supported";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + (e.messageCode().equals("demand.closed") ? "closed" : "alreadySupported");
        } catch (DomainException.Forbidden e) {
            if (AnonymousTags.LOCKED.equals(e.messageCode())) {
                return "redirect:/account/unlock?then=" + page;
            }
            throw e;
        }
    }

    @PostMapping("/groups/{groupId}/demands/{demandId}/events")
    String record(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID demandId,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String detail,
            @RequestParam(defaultValue = "") String occurredOn, @RequestParam(required = false) String outcome) {
        String page = base(groupId) + "/" + demandId;
        try {
            demands.record(me.id(), groupId, demandId, new Demands.Record(kind, detail, occurredOn, outcome, null));
            return "redirect:" + page + "?done=recorded";
        } catch (DomainException.InvalidInput e) {
            return "redirect:" + page + "?problem=invalid";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + (e.messageCode().equals("demand.topOfLadder") ? "topOfLadder" : "closed");
        }
    }

    @GetMapping("/groups/{groupId}/demands/{demandId}/letter.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId) {
        return DemandsApiController.file(demands.letterPdf(me.id(), groupId, demandId), MediaType.APPLICATION_PDF,
                "staffroom-letter.pdf");
    }

    @GetMapping("/groups/{groupId}/demands/{demandId}/letter.txt")
    ResponseEntity<byte[]> text(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId) {
        return DemandsApiController.file(demands.letterText(me.id(), groupId, demandId).getBytes(StandardCharsets.UTF_8),
                new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), "staffroom-letter.txt");
    }
}
