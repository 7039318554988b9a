package org.staffroom.meetings;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.meetings.Meetings.Answer;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;

/** Who says they will come to a meeting: each member's yes, maybe or no, until the meeting ends. */
@Service
public class MeetingAnswers {

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Meetings meetings;
    private final Clock clock;

    MeetingAnswers(JdbcClient jdbc, GroupAccess access, Meetings meetings, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** A member says whether they will come; saying again changes the answer. */
    @Transactional
    public void answer(UUID accountId, UUID groupId, UUID meetingId, String rawAnswer) {
        access.requireMember(groupId, accountId);
        Meetings.Row row = meetings.find(groupId, meetingId);
        if (row.cancelled()) {
            throw new DomainException.Conflict("meeting.cancelled");
        }
        if (Meetings.ended(row.endsAt(), clock)) {
            throw new DomainException.Conflict("meeting.ended.answers");
        }
        Answer answer;
        try {
            answer = Answer.valueOf(rawAnswer == null ? "" : rawAnswer.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("answer", "meeting.answer.invalid");
        }
        int updated = jdbc.sql("update meetings_rsvp set answer = ? where meeting_id = ? and account_id = ?")
                .params(answer.name(), meetingId, accountId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into meetings_rsvp (meeting_id, account_id, answer) values (?, ?, ?)")
                        .params(meetingId, accountId, answer.name()).update();
            } catch (DuplicateKeyException e) {
                throw new DomainException.Conflict("meeting.answerTwice");
            }
        }
    }
}
