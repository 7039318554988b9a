package org.staffroom.demands.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import org.staffroom.concerns.Grievances;
import org.staffroom.decisions.Proposals;
import org.staffroom.demands.Demands;
import org.staffroom.groups.Groups;
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

    record DraftForm(String what, String reasons, String addressedTo, String respondBy, String grievanceId) {
    }

    private static final Map<String, String> DONE = Map.of("supported", "demand.supported", "drafted", "demand.drafted",
            "recorded", "demand.recorded", "mandated", "demand.mandated", "ladder", "demand.ladder.saved");
    private static final Map<String, String> PROBLEMS = Map.of("alreadySupported", "demand.alreadySupported",
            "closed", "demand.closed", "topOfLadder", "demand.topOfLadder", "invalid", "demand.record.invalid");

    private final Demands demands;
    private final Groups groups;
    private final Proposals proposals;
    private final Grievances grievances;

    DemandController(Demands demands, Groups groups, Proposals proposals, Grievances grievances) {
        this.demands = demands;
        this.groups = groups;
        this.proposals = proposals;
        this.grievances = grievances;
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
        groups.getAsOrganiser(me.id(), groupId);
        model.addAttribute("form", new DraftForm("", "", "", "", ""));
        return formPage(me, groupId, model);
    }

    private String formPage(CurrentAccount me, UUID groupId, Model model) {
        model.addAttribute("groupId", groupId);
        model.addAttribute("grievances", grievances.list(me.id(), groupId));
        return "demands/new";
    }

    /** A blank choice is none; anything but an id is refused as the field's error. */
    private static @Nullable UUID optionalId(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput(field, "demand." + field + ".invalid");
        }
    }

    @PostMapping("/groups/{groupId}/demands")
    String draft(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") DraftForm form, BindingResult result, Model model) {
        try {
            UUID id = demands.draft(me.id(), groupId, new Demands.Draft(form.what(), form.reasons(), form.addressedTo(),
                    optionalId("grievanceId", form.grievanceId()), form.respondBy()));
            return "redirect:" + base(groupId) + "/" + id + "?done=drafted";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return formPage(me, groupId, model);
        }
    }

    @GetMapping("/groups/{groupId}/demands/{demandId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID demandId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem, Model model) {
        Demands.View view = demands.get(me.id(), groupId, demandId);
        model.addAttribute("d", view);
        model.addAttribute("decisions", view.organiser() ? proposals.decided(me.id(), groupId) : java.util.List.of());
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
            return "redirect:" + page + "?problem="
                    + (e.messageCode().equals("demand.closed") ? "closed" : "alreadySupported");
        }
    }

    @PostMapping("/groups/{groupId}/demands/{demandId}/events")
    String record(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID demandId,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String detail,
            @RequestParam(defaultValue = "") String occurredOn, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String proposalId) {
        String page = base(groupId) + "/" + demandId;
        try {
            demands.record(me.id(), groupId, demandId, new Demands.Record(kind, detail, occurredOn, outcome,
                    optionalId("proposalId", proposalId)));
            return "redirect:" + page + "?done=recorded";
        } catch (DomainException.InvalidInput e) {
            return "redirect:" + page + "?problem=invalid";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem="
                    + (e.messageCode().equals("demand.topOfLadder") ? "topOfLadder" : "closed");
        }
    }

    /** From a closed proposal's page: which demand does this decision mandate? */
    @GetMapping("/groups/{groupId}/demands/mandate")
    String mandateForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam UUID proposal, @RequestParam(required = false) String problem, Model model) {
        model.addAttribute("group", groups.getAsOrganiser(me.id(), groupId));
        model.addAttribute("decision", proposals.decision(groupId, proposal));
        model.addAttribute("demands", demands.list(me.id(), groupId).stream()
                .filter(d -> d.status() != Demands.Status.CLOSED).toList());
        model.addAttribute("noDemandChosen", "chooseDemand".equals(problem));
        return "demands/mandate";
    }

    @PostMapping("/groups/{groupId}/demands/mandate")
    String mandate(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @RequestParam UUID proposal,
            @RequestParam(required = false) UUID demandId, @RequestParam(defaultValue = "") String detail) {
        if (demandId == null) {
            return "redirect:" + base(groupId) + "/mandate?proposal=" + proposal + "&problem=chooseDemand";
        }
        String page = base(groupId) + "/" + demandId;
        try {
            demands.record(me.id(), groupId, demandId, new Demands.Record("MANDATE", detail, "", null, proposal));
            return "redirect:" + page + "?done=mandated";
        } catch (DomainException.InvalidInput e) {
            return "redirect:" + page + "?problem=invalid";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=closed";
        }
    }

    @GetMapping("/groups/{groupId}/demands/ladder")
    String ladder(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("group", groups.getAsOrganiser(me.id(), groupId));
        model.addAttribute("steps", String.join("\n", demands.ladder(groupId)));
        Notices.fromQuery(model, done, null, DONE, PROBLEMS);
        return "demands/ladder";
    }

    /** The steps one a line, lowest first. */
    @PostMapping("/groups/{groupId}/demands/ladder")
    String changeLadder(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String steps, Model model) {
        try {
            demands.changeLadder(me.id(), groupId, steps.lines().toList());
            return "redirect:" + base(groupId) + "/ladder?done=ladder";
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("group", groups.get(me.id(), groupId));
            model.addAttribute("steps", steps);
            model.addAttribute("ladderError", e.messageCode());
            return "demands/ladder";
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
        return DemandsApiController.file(
                demands.letterText(me.id(), groupId, demandId).getBytes(StandardCharsets.UTF_8),
                new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), "staffroom-letter.txt");
    }
}
