package org.staffroom.meetings;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.GroupActivity;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Scheduling a group's meetings, their agenda, and who says they will come. Times are typed in the
 * instance's time zone ({@code staffroom.time-zone}, Europe/London unless set) and stored as instants.
 */
@Service
public class Meetings {

    public enum Answer {
        YES, MAYBE, NO
    }

    /**
     * A meeting as typed in the form or the API; {@link Meetings} checks every part. {@code agenda} is one
     * free item a line; {@code linked} the ids of concerns, grievances or demands to discuss, each added as
     * an item that links to it.
     */
    public record Draft(@Schema(requiredMode = REQUIRED, example = "Monthly meeting") String title,
            @Schema(requiredMode = REQUIRED, format = "date") String date,
            @Schema(requiredMode = REQUIRED, example = "18:00") String startTime,
            @Schema(requiredMode = REQUIRED, example = "19:30") String endTime, String place, String onlineLink,
            @Nullable UUID facilitatorId, @Nullable UUID noteTakerId, String agenda, List<UUID> linked) {
    }

    /** An agenda item; {@code kind} (a message key) and {@code path} are set when it links to the group's work. */
    public record AgendaItem(String text, @Nullable String kind, @Nullable String path) {
    }

    /** Who could facilitate and take notes next: members who have not held the role, or not for longest. */
    public record Suggestion(@Nullable UUID facilitatorId, @Nullable UUID noteTakerId) {
    }

    /** How the group runs its meetings. */
    public record Settings(boolean membersCanSchedule, boolean attendanceByName) {
    }

    /**
     * {@code coming}: how many said yes, for a meeting still to come; {@code attended}: how many came, as
     * recorded at a past meeting (null until someone records it).
     */
    public record Summary(UUID id, String title, ZonedDateTime startsAt, ZonedDateTime endsAt, String place,
            boolean cancelled, long coming, Integer attended) {
    }

    public record Listing(List<Summary> upcoming, List<Summary> past) {
    }

    /**
     * {@code comingNames} is filled for organisers only; members see the counts. {@code ended}: the meeting's end
     * time has passed, so it no longer takes answers and its speaking queue is closed.
     */
    public record View(UUID id, UUID groupId, String title, ZonedDateTime startsAt, ZonedDateTime endsAt, String place,
            String onlineLink, @Nullable String facilitator, @Nullable String noteTaker, List<AgendaItem> agenda,
            boolean cancelled, @Nullable Answer myAnswer, Map<Answer, Long> answers, List<String> comingNames,
            boolean canManage, @Nullable Integer attended,
            boolean canRecordAttendance, boolean attendanceByName, List<String> attendees, boolean ended) {
    }

    record Row(UUID id, UUID groupId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place,
            String onlineLink, UUID facilitatorId, UUID noteTakerId, boolean cancelled, Integer attended) {
    }

    static final int MAX_AGENDA_ITEMS = 20;

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final MeetingSettings settings;
    private final Accounts accounts;
    private final List<GroupActivity> activities;
    private final Clock clock;
    private final ZoneId zone;

    Meetings(JdbcClient jdbc, GroupAccess access, MeetingSettings settings, Accounts accounts,
            List<GroupActivity> activities,
            Clock clock, @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.activities = activities;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    public boolean canSchedule(UUID accountId, UUID groupId) {
        return access.requireMember(groupId, accountId) == Role.ORGANISER || settings.of(groupId).membersCanSchedule();
    }

    /** What the group is working on that an agenda can link to: open concerns, grievances and demands. */
    public List<GroupActivity.Item> agendaChoices(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return activities.stream().flatMap(a -> a.agendaItems(groupId).stream()).toList();
    }

    /** Organisers, or any member where the group allows it, schedule a meeting. */
    @Transactional
    public UUID schedule(UUID accountId, UUID groupId, Draft draft) {
        if (!canSchedule(accountId, groupId)) {
            throw new DomainException.Forbidden("meeting.scheduleOrganisersOnly");
        }
        String title = TextInput.line("title", draft.title(), 150, true);
        LocalDate date = DateInput.date("date", draft.date(), "meeting.date.invalid");
        LocalTime start = parse("startTime", () -> LocalTime.parse(draft.startTime().strip()));
        LocalTime end = parse("endTime", () -> LocalTime.parse(draft.endTime().strip()));
        if (!end.isAfter(start)) {
            throw new InvalidInput("endTime", "meeting.endBeforeStart");
        }
        String place = TextInput.line("place", draft.place(), 200, false);
        String link = TextInput.link("onlineLink", draft.onlineLink(), 500);
        requireMemberOrNull(groupId, draft.facilitatorId(), "facilitatorId");
        requireMemberOrNull(groupId, draft.noteTakerId(), "noteTakerId");
        List<AgendaItem> agenda = new ArrayList<>(agenda(draft.agenda()).stream()
                .map(text -> new AgendaItem(text, null, null)).toList());
        if (draft.linked() != null && !draft.linked().isEmpty()) {
            Map<UUID, GroupActivity.Item> choices = new HashMap<>();
            activities.forEach(a -> a.agendaItems(groupId).forEach(item -> choices.put(item.id(), item)));
            for (UUID linked : new LinkedHashSet<>(draft.linked())) {
                GroupActivity.Item item = choices.get(linked);
                if (item == null) {
                    throw new InvalidInput("linked", "meeting.agenda.link.invalid");
                }
                agenda.add(new AgendaItem(item.title(), item.kind(), item.path()));
            }
        }
        if (agenda.size() > MAX_AGENDA_ITEMS) {
            throw new InvalidInput("agenda", "meeting.agenda.tooMany", MAX_AGENDA_ITEMS);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into meetings_meeting (id, group_id, title, starts_at, ends_at, place, online_link,
                    facilitator_id, note_taker_id, created_by, cancelled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
                .params(id, groupId, title, at(date, start), at(date, end), place, link, draft.facilitatorId(),
                        draft.noteTakerId(), accountId)
                .update();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            jdbc.sql("""
                    insert into meetings_agenda_item (id, meeting_id, position, text, link_kind, link_path)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), id, i + 1, item.text(), item.kind(), item.path()).update();
        }
        return id;
    }

    private OffsetDateTime at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInput(field, "meeting." + field + ".invalid");
        }
    }

    private void requireMemberOrNull(UUID groupId, @Nullable UUID accountId, String field) {
        if (accountId != null && access.roleOf(groupId, accountId).isEmpty()) {
            throw new InvalidInput(field, "meeting.person.invalid");
        }
    }

    /** One agenda item a line, blank lines ignored. */
    static List<String> agenda(String text) {
        String checked = TextInput.multiline("agenda", text, MAX_AGENDA_ITEMS * 310, false);
        List<String> items = Arrays.stream(checked.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (items.size() > MAX_AGENDA_ITEMS) {
            throw new InvalidInput("agenda", "meeting.agenda.tooMany", MAX_AGENDA_ITEMS);
        }
        if (items.stream().anyMatch(item -> item.length() > 300)) {
            throw new InvalidInput("agenda", "meeting.agenda.tooLong", 300);
        }
        return items;
    }

    /** Upcoming meetings soonest first; past ones newest first (the last 50). */
    public Listing list(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String select = """
                select m.id, m.title, m.starts_at, m.ends_at, m.place, m.cancelled, m.attended,
                    (select count(*) from meetings_rsvp r where r.meeting_id = m.id and r.answer = 'YES') coming
                from meetings_meeting m where m.group_id = ? and m.ends_at""";
        List<Summary> upcoming = jdbc.sql(select + " >= ? order by m.starts_at limit 50").params(groupId, now)
                .query(this::summary).list();
        List<Summary> past = jdbc.sql(select + " < ? order by m.starts_at desc limit 50").params(groupId, now)
                .query(this::summary).list();
        return new Listing(upcoming, past);
    }

    private Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                zoned(rs.getObject("starts_at", OffsetDateTime.class)),
                zoned(rs.getObject("ends_at", OffsetDateTime.class)),
                rs.getString("place"), rs.getBoolean("cancelled"), rs.getLong("coming"),
                (Integer) rs.getObject("attended"));
    }

    private ZonedDateTime zoned(OffsetDateTime time) {
        return time.atZoneSameInstant(zone);
    }

    public View get(UUID accountId, UUID groupId, UUID meetingId) {
        Role role = access.requireMember(groupId, accountId);
        Row row = find(groupId, meetingId);
        List<AgendaItem> agenda = jdbc
                .sql("""
                        select text, link_kind kind, link_path path from meetings_agenda_item where meeting_id = ? order by position""")
                .param(meetingId).query(AgendaItem.class).list();
        Settings settings = this.settings.of(groupId);
        List<UUID> attendeeIds = settings.attendanceByName()
                ? jdbc.sql("select account_id from meetings_attendee where meeting_id = ?").param(meetingId)
                        .query(UUID.class).list()
                : List.of();
        record Rsvp(UUID accountId, String answer) {
        }
        List<Rsvp> rsvps = jdbc.sql("select account_id, answer from meetings_rsvp where meeting_id = ?")
                .param(meetingId)
                .query(Rsvp.class).list();
        Map<UUID, AccountView> people = accounts.views(Stream.of(Stream.of(row.facilitatorId(), row.noteTakerId()),
                rsvps.stream().filter(r -> r.answer().equals("YES")).map(Rsvp::accountId), attendeeIds.stream())
                .flatMap(ids -> ids).filter(Objects::nonNull).distinct().toList());
        Map<Answer, Long> answers = new java.util.EnumMap<>(Answer.class);
        for (Answer answer : Answer.values()) {
            answers.put(answer, rsvps.stream().filter(r -> r.answer().equals(answer.name())).count());
        }
        Answer mine = rsvps.stream().filter(r -> r.accountId().equals(accountId)).map(r -> Answer.valueOf(r.answer()))
                .findFirst().orElse(null);
        boolean organiser = role == Role.ORGANISER;
        List<String> coming = organiser ? rsvps.stream().filter(r -> r.answer().equals("YES"))
                .map(r -> name(people, r.accountId())).filter(Objects::nonNull).sorted().toList() : List.of();
        return new View(row.id(), row.groupId(), row.title(), zoned(row.startsAt()), zoned(row.endsAt()), row.place(),
                row.onlineLink(), name(people, row.facilitatorId()), name(people, row.noteTakerId()), agenda,
                row.cancelled(), mine, answers, coming, organiser || settings.membersCanSchedule(), row.attended(),
                (organiser || accountId.equals(row.facilitatorId()))
                        && !row.startsAt().isAfter(OffsetDateTime.now(clock)),
                settings.attendanceByName(), attendeeIds.stream().map(id -> name(people, id)).filter(Objects::nonNull)
                        .sorted().toList(),
                ended(row.endsAt(), clock));
    }

    /** A meeting has ended once its end time has passed; the queue checks the same. */
    static boolean ended(OffsetDateTime endsAt, Clock clock) {
        return endsAt.isBefore(OffsetDateTime.now(clock));
    }

    private static @Nullable String name(Map<UUID, AccountView> people, @Nullable UUID id) {
        AccountView person = id == null ? null : people.get(id);
        return person == null ? null : person.displayName();
    }

    Row find(UUID groupId, UUID meetingId) {
        return jdbc
                .sql("""
                        select id, group_id, title, starts_at, ends_at, place, online_link, facilitator_id, note_taker_id, cancelled,
                            attended
                        from meetings_meeting where id = ? and group_id = ?""")
                .params(meetingId, groupId).query(Row.class).optional().orElseThrow(DomainException.NotFound::new);
    }

    /** A meeting's title, for a feature that refers to one of the group's meetings (a proposal made at it). */
    public java.util.Optional<String> titleOf(UUID groupId, UUID meetingId) {
        return jdbc.sql("select title from meetings_meeting where id = ? and group_id = ?").params(meetingId, groupId)
                .query(String.class).optional();
    }

    /** One past meeting's attendance, for the momentum page; {@code attended} is null until recorded. */
    public record Attended(UUID id, String title, ZonedDateTime startsAt, Integer attended) {
    }

    public enum Warning {
        /** Attendance has fallen at each of the last three meetings. */
        ATTENDANCE_FALLING,
        /** No meeting is planned. */
        NO_MEETING_PLANNED
    }

    /**
     * Attendance over the last meetings (oldest first), the group's figures per month over the last
     * {@link GroupMomentum#MOMENTUM_MONTHS} months from every feature, and, for organisers, what to worry about.
     */
    public record Momentum(List<Attended> meetings, List<GroupActivity.Monthly> monthly, List<Warning> warnings) {
    }

    /** One line of the attendance sheet: a member, and whether they are recorded as present. */
    public record Present(UUID accountId, String name, boolean present) {
    }

    /** For the calendar feed: a group's meetings that end after {@code since}, soonest first (at most 100). */
    List<UUID> idsSince(UUID groupId, OffsetDateTime since) {
        return jdbc
                .sql("select id from meetings_meeting where group_id = ? and ends_at >= ? order by starts_at limit 100")
                .params(groupId, since).query(UUID.class).list();
    }

    /** The meeting as an iCalendar file (RFC 5545), in UTC. */
    public String calendar(UUID accountId, UUID groupId, UUID meetingId) {
        View view = get(accountId, groupId, meetingId);
        if (!MeetingCalendar.writable(view)) {
            throw new DomainException.Conflict("meeting.calendar.unwritable");
        }
        return MeetingCalendar.of(view, Instant.now(clock));
    }
}
