package org.staffroom.decisions.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.decisions.Counting;
import org.staffroom.decisions.Proposals;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.Meetings;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.Notices;

/**
 * Proposals as pages. After a ballot the page says thank you through the redirect's query, never a flash
 * attribute in the session, since the ballot may be secret.
 */
@Controller
class ProposalController {

    /** The form: options one a line. */
    record Form(String title, String details, String kind, String majority, Integer points, Integer quorumPercent,
            Boolean secret, Boolean resultsLive, String closesAt, String options, UUID meetingId) {
    }

    private static final Map<String, String> DONE = Map.of("voted", "proposal.voted", "proposed", "proposal.proposed",
            "closed", "proposal.closedNow");
    private static final Map<String, String> PROBLEMS = Map.of("alreadyVoted", "proposal.alreadyVoted",
            "closed", "proposal.closed");

    private final Proposals proposals;
    private final Groups groups;
    private final Meetings meetings;

    ProposalController(Proposals proposals, Groups groups, Meetings meetings) {
        this.proposals = proposals;
        this.meetings = meetings;
        this.groups = groups;
    }

    private static String base(UUID groupId) {
        return "/groups/" + groupId + "/proposals";
    }

    @GetMapping("/groups/{groupId}/proposals")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("proposals", proposals.list(me.id(), groupId));
        return "decisions/list";
    }

    @GetMapping("/groups/{groupId}/proposals/new")
    String form(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(required = false) UUID meeting, Model model) {
        groups.get(me.id(), groupId);
        model.addAttribute("form", new Form("", "", "YES_NO", "SIMPLE", 5, 0, false, false, "", "", meeting));
        return formPage(groupId, meeting, model);
    }

    /** A proposal made at a meeting says so, and links back to it once made. */
    private String formPage(UUID groupId, UUID meetingId, Model model) {
        model.addAttribute("groupId", groupId);
        model.addAttribute("meetingTitle", meetingId == null ? null
                : meetings.titleOf(groupId, meetingId).orElseThrow(DomainException.NotFound::new));
        model.addAttribute("kinds", Proposals.Kind.values());
        return "decisions/new";
    }

    @PostMapping("/groups/{groupId}/proposals")
    String propose(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") Form form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return formPage(groupId, null, model);
        }
        try {
            List<String> options = form.options() == null ? List.of() : Arrays.asList(form.options().split("\\R"));
            UUID id = proposals.propose(me.id(), groupId, new Proposals.Draft(form.title(), form.details(), form.kind(),
                    form.majority(), form.points(), form.quorumPercent(), form.secret(), form.resultsLive(),
                    form.closesAt(), options, form.meetingId()));
            return "redirect:" + base(groupId) + "/" + id + "?done=proposed";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return formPage(groupId, e.field().equals("meetingId") ? null : form.meetingId(), model);
        }
    }

    @GetMapping("/groups/{groupId}/proposals/{proposalId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID proposalId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem, Model model) {
        Proposals.View view = proposals.get(me.id(), groupId, proposalId);
        model.addAttribute("p", view);
        model.addAttribute("organiser", groups.get(me.id(), groupId).organiser());
        model.addAttribute("stances", Counting.Stance.values());
        model.addAttribute("votes", Counting.Vote.values());
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        return "decisions/proposal";
    }

    /**
     * One form for every kind: {@code answer} (consensus, yes/no), {@code choices} (choose one or several),
     * {@code rank} (ranked choice: a rank per option, blank for unranked), {@code points} (dot voting).
     */
    @PostMapping("/groups/{groupId}/proposals/{proposalId}/ballots")
    String vote(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID proposalId,
            @RequestParam(required = false) String answer, @RequestParam(required = false) List<Integer> choices,
            @RequestParam(required = false) List<String> rank, @RequestParam(required = false) List<Integer> points,
            Model model) {
        String page = base(groupId) + "/" + proposalId;
        Proposals.Ballot ballot = new Proposals.Ballot(answer, rank != null ? ranking(rank) : choices, points);
        try {
            proposals.vote(me.id(), groupId, proposalId, ballot);
            return "redirect:" + page + "?done=voted";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + (e.messageCode().equals("proposal.closed") ? "closed" : "alreadyVoted");
        } catch (DomainException.Forbidden e) {
            if (AnonymousTags.LOCKED.equals(e.messageCode())) {
                return "redirect:/account/unlock?then=" + page;
            }
            throw e;
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("ballotError", e.messageCode());
            return show(me, groupId, proposalId, null, null, model);
        }
    }

    @PostMapping("/groups/{groupId}/proposals/{proposalId}/close")
    String close(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID proposalId) {
        String page = base(groupId) + "/" + proposalId;
        try {
            proposals.close(me.id(), groupId, proposalId);
            return "redirect:" + page + "?done=closed";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=closed";
        }
    }

    /** Ranks typed per option (1 = first) into option numbers in order of preference; blanks are unranked. */
    static List<Integer> ranking(List<String> ranks) {
        record Ranked(int option, int rank) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < ranks.size(); i++) {
            String value = ranks.get(i) == null ? "" : ranks.get(i).strip();
            if (!value.isEmpty()) {
                try {
                    ranked.add(new Ranked(i, Integer.parseInt(value)));
                } catch (NumberFormatException e) {
                    throw new DomainException.InvalidInput("choices", "proposal.ballot.choices");
                }
            }
        }
        if (ranked.stream().map(Ranked::rank).distinct().count() != ranked.size()) {
            throw new DomainException.InvalidInput("choices", "proposal.ballot.choices");
        }
        return ranked.stream().sorted(Comparator.comparingInt(Ranked::rank)).map(Ranked::option).toList();
    }
}
