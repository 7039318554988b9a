package org.staffroom.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.staffroom.decisions.Proposals;
import org.staffroom.demands.Demands;
import org.staffroom.identity.AnonymousTags;

/**
 * The demo's demands: one won after escalation, with the vote that mandated the reps, and one sent and
 * awaiting a response, supported by most of the team and signed openly by a few.
 */
final class DemoDemands {

    private final Demands demands;
    private final Proposals proposals;
    private final AnonymousTags tags;
    private final String password;

    DemoDemands(Demands demands, Proposals proposals, AnonymousTags tags, String password) {
        this.demands = demands;
        this.proposals = proposals;
        this.tags = tags;
        this.password = password;
    }

    void create(UUID groupId, UUID organiser, Map<Integer, UUID> members) {
        UUID cover = demands.draft(organiser, groupId, new Demands.Draft("Restore cover for sickness absence",
                "Since March nobody covers colleagues who are off sick. Their cases are shared out on top of full "
                        + "caseloads, and visits are missed.",
                "The service manager", null, null));
        support(groupId, cover, members, 1, 11, 3);
        UUID mandate = proposals.propose(organiser, groupId, new Proposals.Draft(
                "Ask for a meeting with management about cover",
                "The letter has had no answer in four weeks. Instruct the reps to ask for a meeting.", "YES_NO",
                "SIMPLE", null, 0, false, false, LocalDateTime.now().plusDays(1).withNano(0).toString(), List.of(),
                null));
        for (int i = 1; i <= 9; i++) {
            proposals.vote(java.util.Objects.requireNonNull(members.get(i)), groupId, mandate,
                    new Proposals.Ballot(i == 5 ? "ABSTAIN" : "YES", null, null));
        }
        proposals.close(organiser, groupId, mandate);
        record(organiser, groupId, cover, "AGREED", "", 70, null);
        record(organiser, groupId, cover, "SENT", "By e-mail, with 11 members supporting it.", 63, null);
        record(organiser, groupId, cover, "MANDATE", "Ask for a meeting; all of us go.", 30, mandate);
        record(organiser, groupId, cover, "ESCALATED", "No answer to the letter.", 30, mandate);
        record(organiser, groupId, cover, "RESPONSE", "Agency cover will be booked for every absence over two days.",
                16, null);
        record(organiser, groupId, cover, "OUTCOME", "Cover is back from this month.", 14, null);

        UUID caseloads = demands.draft(organiser, groupId, new Demands.Draft(
                "Cap caseloads at 35 until vacancies are filled",
                "Most of us hold more than 40 cases. The safe staffing policy says caseloads are reviewed above 35.",
                "The service manager", null, LocalDate.now().plusDays(9).toString()));
        support(groupId, caseloads, members, 1, 9, 2);
        record(organiser, groupId, caseloads, "AGREED", "", 6, null);
        record(organiser, groupId, caseloads, "SENT", "Handed in at the team meeting and sent by e-mail.", 5, null);
    }

    /** Members {@code from}..{@code to} support the demand; the first {@code openly} of them sign openly. */
    private void support(UUID groupId, UUID demandId, Map<Integer, UUID> members, int from, int to, int openly) {
        for (int i = from; i <= to; i++) {
            UUID member = java.util.Objects.requireNonNull(members.get(i));
            boolean named = i < from + openly;
            tags.actingAs(member, password, () -> demands.support(member, groupId, demandId, named));
        }
    }

    private void record(UUID organiser, UUID groupId, UUID demandId, String kind, String detail, int daysAgo,
            @Nullable UUID proposalId) {
        demands.record(organiser, groupId, demandId, new Demands.Record(kind, detail,
                LocalDate.now().minusDays(daysAgo).toString(), kind.equals("OUTCOME") ? "MET" : null, proposalId));
    }
}
