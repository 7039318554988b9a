package org.staffroom.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

/**
 * What a meeting records: minutes in plain text with simple formatting (CommonMark, with any HTML in it
 * shown as text and only web and mail links kept), the decisions taken, and action items that carry over
 * to later meetings until done. The note-taker, the facilitator and organisers write them.
 */
@Service
public class MeetingRecords {

    public record Action(UUID id, String what, @Nullable UUID ownerId, @Nullable String owner, LocalDate dueOn,
            boolean done,
            boolean overdue, UUID meetingId) {
    }

    /** {@code minutesHtml} is safe to insert into a page: CommonMark rendered with HTML escaped. */
    public record Record(String minutesText, String minutesHtml, List<String> decisions, List<Action> actions,
            List<Action> carriedOver, boolean canEdit) {
    }

    private static final Parser PARSER = Parser.builder().build();
    /**
     * Links and images may lead to http, https and mailto addresses, or within the site; CommonMark's default
     * sanitiser also lets data: through, which can carry a page or a script.
     */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).softbreak("<br>")
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (tag.equals("a")) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            }).build();

    private record MeetingRow(UUID facilitatorId, UUID noteTakerId, OffsetDateTime startsAt) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final Clock clock;

    MeetingRecords(JdbcClient jdbc, GroupAccess access, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    static String render(String text) {
        return RENDERER.render(PARSER.parse(text));
    }

    private MeetingRow meeting(UUID groupId, UUID meetingId) {
        return jdbc.sql(
                "select facilitator_id, note_taker_id, starts_at from meetings_meeting where id = ? and group_id = ?")
                .params(meetingId, groupId).query(MeetingRow.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }

    private boolean canEdit(UUID accountId, Role role, MeetingRow meeting) {
        return role == Role.ORGANISER || accountId.equals(meeting.facilitatorId())
                || accountId.equals(meeting.noteTakerId());
    }

    private void requireEditor(UUID accountId, UUID groupId, MeetingRow meeting) {
        if (!canEdit(accountId, access.requireMember(groupId, accountId), meeting)) {
            throw new DomainException.Forbidden("meeting.records.whoWrites");
        }
    }

    public Record get(UUID accountId, UUID groupId, UUID meetingId) {
        Role role = access.requireMember(groupId, accountId);
        MeetingRow meeting = meeting(groupId, meetingId);
        record Minutes(String text, String decisions) {
        }
        Minutes minutes = jdbc.sql("select text, decisions from meetings_minutes where meeting_id = ?").param(meetingId)
                .query(Minutes.class).optional().orElse(new Minutes("", ""));
        List<Action> actions = actions(
                jdbc.sql(SELECT + " where a.meeting_id = ? order by a.position").param(meetingId));
        List<Action> carried = actions(jdbc.sql(SELECT
                + " where a.group_id = ? and not a.done and m.starts_at < ? order by m.starts_at, a.position")
                .params(groupId, meeting.startsAt()));
        return new Record(minutes.text(), render(minutes.text()), lines(minutes.decisions()), actions, carried,
                canEdit(accountId, role, meeting));
    }

    private static final String SELECT = """
            select a.id, a.what, a.owner_id, a.due_on, a.done, a.meeting_id
            from meetings_action a join meetings_meeting m on m.id = a.meeting_id""";

    private List<Action> actions(JdbcClient.StatementSpec statement) {
        record Row(UUID id, String what, UUID ownerId, LocalDate dueOn, boolean done, UUID meetingId) {
        }
        List<Row> rows = statement.query(Row.class).list();
        Map<UUID, AccountView> owners = accounts.views(rows.stream().map(Row::ownerId).filter(Objects::nonNull)
                .distinct().toList());
        LocalDate today = Times.today(clock);
        return rows.stream().map(r -> new Action(r.id(), r.what(), r.ownerId(),
                r.ownerId() == null || owners.get(r.ownerId()) == null ? null : owners.get(r.ownerId()).displayName(),
                r.dueOn(), r.done(), !r.done() && r.dueOn() != null && r.dueOn().isBefore(today), r.meetingId()))
                .toList();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Transactional
    public void writeMinutes(UUID accountId, UUID groupId, UUID meetingId, String text, String decisions) {
        requireEditor(accountId, groupId, meeting(groupId, meetingId));
        String minutes = TextInput.multiline("text", text, 20_000, false);
        String decided = TextInput.multiline("decisions", decisions, 5_000, false);
        jdbc.sql("delete from meetings_minutes where meeting_id = ?").param(meetingId).update();
        jdbc.sql("insert into meetings_minutes (meeting_id, text, decisions) values (?, ?, ?)")
                .params(meetingId, minutes, decided).update();
    }

    @Transactional
    public UUID addAction(UUID accountId, UUID groupId, UUID meetingId, String what, @Nullable UUID ownerId,
            String dueOn) {
        requireEditor(accountId, groupId, meeting(groupId, meetingId));
        String text = TextInput.line("what", what, 300, true);
        if (ownerId != null && access.roleOf(groupId, ownerId).isEmpty()) {
            throw new InvalidInput("ownerId", "meeting.person.invalid");
        }
        LocalDate due = DateInput.optionalDate("dueOn", dueOn, "meeting.date.invalid");
        jdbc.sql("select id from meetings_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from meetings_action where meeting_id = ?")
                .param(meetingId).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into meetings_action (id, meeting_id, group_id, position, what, owner_id, due_on, done)
                values (?, ?, ?, ?, ?, ?, ?, false)""")
                .params(id, meetingId, groupId, position, text, ownerId, due).update();
        return id;
    }

    /** The action's owner, or whoever may write the meeting's records, marks it done or not. */
    @Transactional
    public void markAction(UUID accountId, UUID groupId, UUID actionId, boolean done) {
        Role role = access.requireMember(groupId, accountId);
        record ActionRow(UUID meetingId, UUID ownerId) {
        }
        ActionRow action = jdbc.sql("select meeting_id, owner_id from meetings_action where id = ? and group_id = ?")
                .params(actionId, groupId).query(ActionRow.class).optional().orElseThrow(DomainException.NotFound::new);
        if (!accountId.equals(action.ownerId()) && !canEdit(accountId, role, meeting(groupId, action.meetingId()))) {
            throw new DomainException.Forbidden("meeting.records.whoMarks");
        }
        jdbc.sql("update meetings_action set done = ?, done_on = ? where id = ?")
                .params(done, done ? Times.today(clock) : null, actionId).update();
    }
}
