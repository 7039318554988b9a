package org.staffroom.decisions.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
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
        model.addAttribute("form", new Form("", "", "YES_NO", "SIMPLE", 5, 0, false, false, "", "", meeting));
        return formPage(me.id(), groupId, meeting, model);
    }

    /** A proposal made at a meeting says so, and links back to it once made. */
    private String formPage(UUID accountId, UUID groupId, @Nullable UUID meetingId, Model model) {
        // members only, whichever way the form comes back (a refusal, the kind changed): it names the meeting
        groups.get(accountId, groupId);
        model.addAttribute("groupId", groupId);
        model.addAttribute("meetingTitle", meetingId == null ? null
                : meetings.titleOf(groupId, meetingId).orElseThrow(DomainException.NotFound::new));
        model.addAttribute("kinds", Proposals.Kind.values());
        return "decisions/new";
    }

    @PostMapping("/groups/{groupId}/proposals")
    String propose(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") Form form, BindingResult result, @RequestParam(required = false) String refresh,
            Model model) {
        if (result.hasErrors() || refresh != null) {
            // a field of the wrong type, or the kind changed without JavaScript: the form again, as typed
            return formPage(me.id(), groupId, result.hasErrors() ? null : form.meetingId(), model);
        }
        try {
            List<String> options = form.options() == null ? List.of() : Arrays.asList(form.options().split("\\R"));
            UUID id = proposals.propose(me.id(), groupId, new Proposals.Draft(form.title(), form.details(), form.kind(),
                    form.majority(), form.points(), form.quorumPercent(), form.secret(), form.resultsLive(),
                    form.closesAt(), options, form.meetingId()));
            return "redirect:" + base(groupId) + "/" + id + "?done=proposed";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            boolean meetingRefused = e.all().stream().anyMatch(refusal -> refusal.field().equals("meetingId"));
            return formPage(me.id(), groupId, meetingRefused ? null : form.meetingId(), model);
        }
    }

    @GetMapping("/groups/{groupId}/proposals/{proposalId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID proposalId,
            @RequestParam(required = false) @Nullable String done,
            @RequestParam(required = false) @Nullable String problem,
            Model model) {
        Proposals.View view = proposals.get(me.id(), groupId, proposalId);
        model.addAttribute("p", view);
        model.addAttribute("organiser", groups.get(me.id(), groupId).organiser());
        model.addAttribute("stances", Counting.Stance.values());
        model.addAttribute("votes", Counting.Vote.values());
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        Kept kept = (Kept) model.getAttribute("kept");
        model.addAttribute("kept", kept == null ? new Kept(null, List.of(), List.of(), List.of())
                : kept.within(view.options().size()));
        return "decisions/proposal";
    }

    /**
     * One form for every kind: {@code answer} (consensus, yes/no), {@code choices} (choose one or several),
     * {@code ranked} (ranked choice: option numbers in order of preference) and {@code points} (dot voting). A
     * ranked ballot is put in order by {@code move} buttons ({@code add:option}, {@code up:place},
     * {@code down:place}, {@code out:place}) that send the form back to itself without voting, so a ranking never
     * holds an option twice and needs no JavaScript. A refused ballot comes back as typed, the error beside it.
     */
    @PostMapping("/groups/{groupId}/proposals/{proposalId}/ballots")
    String vote(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID proposalId,
            @RequestParam(required = false) String answer, @RequestParam(required = false) List<String> choices,
            @RequestParam(required = false) List<String> ranked, @RequestParam(required = false) List<String> points,
            @RequestParam(required = false) String move, Model model) {
        String page = base(groupId) + "/" + proposalId;
        Kept kept = new Kept(answer, numbers(choices), numbers(ranked), points == null ? List.of() : points);
        model.addAttribute("kept", kept);
        if (move != null) {
            model.addAttribute("kept", kept.moved(move));
            return show(me, groupId, proposalId, null, null, model);
        }
        try {
            proposals.vote(me.id(), groupId, proposalId,
                    new Proposals.Ballot(answer, ranked != null ? kept.ranked() : kept.choices(), points(points)));
            return "redirect:" + page + "?done=voted";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem="
                    + (e.messageCode().equals("proposal.closed") ? "closed" : "alreadyVoted");
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("ballotError", e.messageCode());
            model.addAttribute("ballotErrorArguments", e.arguments());
            return show(me, groupId, proposalId, null, null, model);
        }
    }

    /**
     * The ballot as the member left it, to show again: {@code ranked} in order of preference. Numbers that are
     * not numbers were dropped on the way in; the domain checks the rest.
     */
    record Kept(@Nullable String answer, List<Integer> choices, List<Integer> ranked, List<String> points) {

        /** The ranking after one move; a move that does not apply (a stale page, a made-up value) changes nothing. */
        Kept moved(String move) {
            String[] parts = move.split(":", 2);
            List<Integer> order = new ArrayList<>(new LinkedHashSet<>(ranked));
            Integer at = parts.length == 2 ? number(parts[1]) : null;
            if (at == null) {
                return new Kept(answer, choices, order, points);
            }
            int i = at;
            switch (parts[0]) {
                case "add" -> {
                    if (!order.contains(i)) {
                        order.add(i);
                    }
                }
                case "up" -> {
                    if (i > 0 && i < order.size()) {
                        Collections.swap(order, i, i - 1);
                    }
                }
                case "down" -> {
                    if (i >= 0 && i < order.size() - 1) {
                        Collections.swap(order, i, i + 1);
                    }
                }
                case "out" -> {
                    if (i >= 0 && i < order.size()) {
                        order.remove(i);
                    }
                }
                default -> {
                    // not a move this form makes
                }
            }
            return new Kept(answer, choices, order, points);
        }

        /** Only options the proposal has, each once: what a stale or made-up form sends shows as nothing. */
        Kept within(int optionCount) {
            return new Kept(answer, choices.stream().filter(i -> i >= 0 && i < optionCount).toList(),
                    ranked.stream().filter(i -> i >= 0 && i < optionCount).distinct().toList(), points);
        }

        /** The options left out of the ranking, in the proposal's order. */
        public List<Integer> unranked(int optionCount) {
            return IntStream.range(0, optionCount).filter(i -> !ranked.contains(i)).boxed().toList();
        }

        /** Whether option {@code i} is ticked, for choose one or several. */
        public boolean chose(int i) {
            return choices.contains(i);
        }

        /** The points typed for option {@code i}, or 0. */
        public String pointsFor(int i) {
            return i < points.size() && points.get(i) != null ? points.get(i) : "0";
        }
    }

    private static List<Integer> numbers(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(ProposalController::number).filter(Objects::nonNull).toList();
    }

    private static @Nullable Integer number(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Points as typed: blank is none; anything not a whole number is refused beside the field. */
    private static @Nullable List<Integer> points(@Nullable List<String> typed) {
        if (typed == null) {
            return null;
        }
        List<Integer> points = new ArrayList<>();
        for (String value : typed) {
            if (value == null || value.isBlank()) {
                points.add(0);
            } else if (number(value) == null) {
                throw new DomainException.InvalidInput("points", "proposal.ballot.pointsNumber");
            } else {
                points.add(number(value));
            }
        }
        return points;
    }

    @PostMapping("/groups/{groupId}/proposals/{proposalId}/close")
    String close(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID proposalId) {
        String page = base(groupId) + "/" + proposalId;
        try {
            proposals.close(me.id(), groupId, proposalId);
            return "redirect:" + page + "?done=closed";
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=closed";
        }
    }
}
