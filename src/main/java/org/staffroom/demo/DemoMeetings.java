package org.staffroom.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.staffroom.decisions.Proposals;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.meetings.MeetingAttendance;
import org.staffroom.meetings.MeetingRecords;
import org.staffroom.meetings.Meetings;

/**
 * The demo's meetings and decisions: six past meetings whose attendance falls (so the momentum warning
 * shows), minutes with an action still open, one upcoming meeting with an agenda that links the open
 * demand, a closed consensus proposal and an open secret ballot.
 */
final class DemoMeetings {

    private final Meetings meetings;
    private final MeetingAttendance attendance;
    private final MeetingRecords records;
    private final Proposals proposals;
    private final AnonymousTags tags;
    private final String password;

    DemoMeetings(Meetings meetings, MeetingAttendance attendance, MeetingRecords records, Proposals proposals,
            AnonymousTags tags, String password) {
        this.meetings = meetings;
        this.attendance = attendance;
        this.records = records;
        this.proposals = proposals;
        this.tags = tags;
        this.password = password;
    }

    void create(UUID groupId, UUID organiser, Map<Integer, UUID> members) {
        int[] attended = {12, 11, 11, 9, 7, 5};
        @Nullable
        UUID last = null;
        for (int i = 0; i < attended.length; i++) {
            LocalDate date = LocalDate.now().minusWeeks(2L * (attended.length - i));
            last = meetings.schedule(organiser, groupId, new Meetings.Draft("Team meeting", date.toString(), "18:00",
                    "19:00", "Community room, Northgate library", "", members.get(i + 1), members.get(i + 2),
                    "Check-in\nCaseloads\nAny other business", List.of()));
            attendance.recordAttendance(organiser, groupId, last, attended[i]);
        }
        UUID lastMeeting = java.util.Objects.requireNonNull(last);
        records.writeMinutes(organiser, groupId, lastMeeting, """
                Five of us came. We went round everyone first; people who had not spoken yet went first.

                **Caseloads**: everyone counted their cases. Most of us hold more than 40.

                - The safe staffing policy says caseloads are reviewed above 35.
                - Cover for sickness has stopped since March.""",
                "Collect everyone's caseload figures\nAsk the service manager for a meeting");
        records.addAction(organiser, groupId, lastMeeting, "Collect caseload figures from everyone", members.get(1),
                LocalDate.now().minusDays(3).toString());
        meetings.schedule(organiser, groupId, new Meetings.Draft("Team meeting", LocalDate.now().plusDays(5).toString(),
                "18:00", "19:00", "Community room, Northgate library", "", members.get(7), members.get(8),
                "Check-in\nCaseload figures\nWho will speak at the meeting with management",
                meetings.agendaChoices(organiser, groupId).stream()
                        .filter(item -> item.kind().equals("demand.pageTitle"))
                        .map(item -> item.id()).toList()));

        UUID consensus = proposals.propose(organiser, groupId, new Proposals.Draft("Meet every two weeks",
                "Regular meetings on the same evening, in the library.", "CONSENSUS", null, null, 0, false, false,
                LocalDateTime.now().plusDays(1).withNano(0).toString(), List.of(), null));
        List<String> stances = List.of("AGREE", "AGREE", "AGREE", "ABSTAIN", "AGREE", "DISAGREE", "AGREE");
        for (int i = 0; i < stances.size(); i++) {
            proposals.vote(java.util.Objects.requireNonNull(members.get(i + 1)), groupId, consensus,
                    new Proposals.Ballot(stances.get(i), null, null));
        }
        proposals.close(organiser, groupId, consensus);

        UUID secret = proposals.propose(organiser, groupId, new Proposals.Draft("Send the caseload letter now",
                "Send the letter to the service manager this week, signed as the team.", "YES_NO", "SIMPLE", null, 50,
                true, false, LocalDateTime.now().plusDays(4).withNano(0).toString(), List.of(), null));
        List<String> votes = List.of("YES", "YES", "NO", "YES");
        for (int i = 0; i < votes.size(); i++) {
            UUID voter = java.util.Objects.requireNonNull(members.get(i + 9));
            String vote = votes.get(i);
            tags.actingAs(voter, password,
                    () -> proposals.vote(voter, groupId, secret, new Proposals.Ballot(vote, null, null)));
        }
    }
}
