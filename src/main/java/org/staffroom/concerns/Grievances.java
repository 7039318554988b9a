package org.staffroom.concerns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

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
 * Collective grievances: a concern the group takes up, worked through three stages — the problem, the
 * information gathered, the plan — with a status and a timeline of what happened.
 */
@Service
public class Grievances {

    public enum Status {

        OPEN, IN_PROGRESS, WON, PARTLY_WON, LOST, DROPPED;

        public boolean ended() {
            return this == WON || this == PARTLY_WON || this == LOST || this == DROPPED;
        }
    }

    public enum InfoKind {
        FACT, POLICY, EVIDENCE, RESOURCE
    }

    public record Summary(UUID id, String title, Status status, LocalDate adoptedOn) {
    }

    public record Problem(String what, String who, String responsible, String since) {
    }

    /** {@code addedBy} is null for information added anonymously. */
    public record Info(UUID id, InfoKind kind, String text, String link, @Nullable String addedBy, LocalDate addedOn) {
    }

    public record PlanItem(UUID id, String what, @Nullable UUID ownerId, @Nullable String ownerName, LocalDate dueOn,
            boolean done,
            boolean overdue) {
    }

    /** {@code actor} is null for what was done anonymously. */
    public record Event(LocalDate occurredOn, String kind, String detail, @Nullable String actor) {
    }

    public record View(UUID id, UUID groupId, UUID concernId, String title, Status status, Problem problem,
            List<Info> information, List<PlanItem> plan, List<Event> timeline, LocalDate adoptedOn, boolean organiser) {
    }

    /** A new piece of information, as typed. */
    public record NewInfo(String kind, String text, String link, Boolean anonymous) {
    }

    /** A new step of the plan, as typed; {@code ownerId} must be a member of the group, or null. */
    public record NewPlanItem(String what, @Nullable UUID ownerId, String dueOn) {
    }

    private record Row(UUID id, UUID groupId, UUID concernId, String title, String status, String problemWhat,
            String problemWho, String problemResponsible, String problemSince, LocalDate adoptedOn) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final ConcernRows concerns;
    private final ConcernSettings settings;
    private final Accounts accounts;
    private final Clock clock;

    Grievances(JdbcClient jdbc, GroupAccess access, ConcernRows concerns, ConcernSettings settings, Accounts accounts,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.concerns = concerns;
        this.settings = settings;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Organisers, or any member where the group allows it, take an open concern up as a grievance. */
    @Transactional
    public UUID adopt(UUID accountId, UUID groupId, UUID concernId) {
        Role role = access.requireMember(groupId, accountId);
        if (role != Role.ORGANISER && !settings.settings(groupId).membersCanAdopt()) {
            throw new DomainException.Forbidden("grievance.adoptOrganisersOnly");
        }
        Concerns.Row concern = concerns.find(groupId, concernId);
        if (ConcernStatus.valueOf(concern.status()) != ConcernStatus.OPEN) {
            throw new DomainException.Conflict("grievance.concernNotOpen");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into concerns_grievance (id, group_id, concern_id, title, status, problem_what, problem_who,
                    problem_responsible, problem_since, adopted_on)
                values (?, ?, ?, ?, 'OPEN', ?, ?, '', '', ?)""")
                .params(id, groupId, concernId, concern.title(), concern.details(), concern.affected(),
                        Times.today(clock))
                .update();
        jdbc.sql("update concerns_concern set status = 'ADOPTED' where id = ?").param(concernId).update();
        record(id, "ADOPTED", "", accountId);
        return id;
    }

    public List<Summary> list(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return summaries("where group_id = ? order by adopted_on desc, id desc", groupId);
    }

    /** One of the group's grievances, for a caller that has already checked the member may see the group. */
    public java.util.Optional<Summary> summary(UUID groupId, UUID grievanceId) {
        return summaries("where group_id = ? and id = ?", groupId, grievanceId).stream().findFirst();
    }

    private List<Summary> summaries(String condition, Object... params) {
        return jdbc.sql("select id, title, status, adopted_on from concerns_grievance " + condition)
                .params(params)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                        Status.valueOf(rs.getString("status")), rs.getObject("adopted_on", LocalDate.class)))
                .list();
    }

    /** The grievance adopted from a concern, if any. */
    public java.util.Optional<UUID> forConcern(UUID groupId, UUID concernId) {
        return jdbc.sql("select id from concerns_grievance where group_id = ? and concern_id = ?")
                .params(groupId, concernId).query(UUID.class).optional();
    }

    public View get(UUID accountId, UUID groupId, UUID grievanceId) {
        Role role = access.requireMember(groupId, accountId);
        Row row = find(groupId, grievanceId);
        LocalDate today = Times.today(clock);
        record InfoRow(UUID id, String kind, String text, String link, UUID addedBy, LocalDate addedOn) {
        }
        record PlanRow(UUID id, String what, UUID ownerId, LocalDate dueOn, boolean done) {
        }
        record EventRow(LocalDate occurredOn, String kind, String detail, UUID actorId) {
        }
        List<InfoRow> info = jdbc.sql("""
                select id, kind, text, link, added_by, added_on from concerns_grievance_info
                where grievance_id = ? and released order by position""").param(grievanceId).query(InfoRow.class)
                .list();
        List<PlanRow> plan = jdbc.sql("""
                select id, what, owner_id, due_on, done from concerns_plan_item where grievance_id = ?
                order by position""").param(grievanceId).query(PlanRow.class).list();
        List<EventRow> events = jdbc
                .sql("""
                        select occurred_on, kind, detail, actor_id from concerns_grievance_event where grievance_id = ? and released
                        order by position""")
                .param(grievanceId).query(EventRow.class).list();
        Map<UUID, AccountView> people = accounts.views(Stream.of(
                info.stream().map(InfoRow::addedBy), plan.stream().map(PlanRow::ownerId),
                events.stream().map(EventRow::actorId)).flatMap(s -> s).filter(Objects::nonNull).distinct().toList());
        return new View(row.id(), row.groupId(), row.concernId(), row.title(), Status.valueOf(row.status()),
                new Problem(row.problemWhat(), row.problemWho(), row.problemResponsible(), row.problemSince()),
                info.stream().map(i -> new Info(i.id(), InfoKind.valueOf(i.kind()), i.text(), i.link(),
                        name(people, i.addedBy()), i.addedOn())).toList(),
                plan.stream().map(p -> new PlanItem(p.id(), p.what(), p.ownerId(), name(people, p.ownerId()),
                        p.dueOn(), p.done(), !p.done() && p.dueOn() != null && p.dueOn().isBefore(today))).toList(),
                events.stream().map(e -> new Event(e.occurredOn(), e.kind(), e.detail(), name(people, e.actorId())))
                        .toList(),
                row.adoptedOn(), role == Role.ORGANISER);
    }

    private static @Nullable String name(Map<UUID, AccountView> people, @Nullable UUID id) {
        AccountView person = id == null ? null : people.get(id);
        return person == null ? null : person.displayName();
    }

    private Row find(UUID groupId, UUID grievanceId) {
        return jdbc.sql("""
                select id, group_id, concern_id, title, status, problem_what, problem_who, problem_responsible,
                    problem_since, adopted_on
                from concerns_grievance where id = ? and group_id = ?""")
                .params(grievanceId, groupId).query(Row.class).optional().orElseThrow(DomainException.NotFound::new);
    }

    /** Stage 1, the problem: what exactly is wrong, who is affected, who is responsible, since when. */
    @Transactional
    public void describeProblem(UUID accountId, UUID groupId, UUID grievanceId, Problem problem) {
        access.requireOrganiser(groupId, accountId);
        find(groupId, grievanceId);
        jdbc.sql("""
                update concerns_grievance set problem_what = ?, problem_who = ?, problem_responsible = ?,
                    problem_since = ? where id = ?""")
                .params(TextInput.multiline("what", problem.what(), 5000, true),
                        TextInput.multiline("who", problem.who(), 1000, false),
                        TextInput.multiline("responsible", problem.responsible(), 1000, false),
                        TextInput.line("since", problem.since(), 200, false), grievanceId)
                .update();
        record(grievanceId, "PROBLEM_UPDATED", "", accountId);
    }

    /** Stage 2, information: any member adds a fact, policy, piece of evidence or resource, named or not. */
    @Transactional
    public void addInformation(UUID accountId, UUID groupId, UUID grievanceId, NewInfo info) {
        access.requireMember(groupId, accountId);
        find(groupId, grievanceId);
        InfoKind kind;
        try {
            kind = InfoKind.valueOf(info.kind() == null ? "" : info.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "grievance.info.kind.invalid");
        }
        String text = TextInput.multiline("text", info.text(), 3000, true);
        String link = TextInput.link("link", info.link(), 500);
        if (Boolean.TRUE.equals(info.anonymous())) {
            // waits in the pool, with its line of the timeline, and takes its places when released
            jdbc.sql(
                    """
                            insert into concerns_grievance_info (id, grievance_id, position, kind, text, link, added_by, added_on,
                                released, fresh)
                            values (?, ?, null, ?, ?, ?, null, ?, false, true)""")
                    .params(UUID.randomUUID(), grievanceId, kind.name(), text, link, Times.today(clock)).update();
            jdbc.sql(
                    """
                            insert into concerns_grievance_event (id, grievance_id, position, occurred_on, kind, detail, actor_id,
                                released, fresh)
                            values (?, ?, null, ?, 'INFO_ADDED', ?, null, false, true)""")
                    .params(UUID.randomUUID(), grievanceId, Times.today(clock), kind.name()).update();
            return;
        }
        jdbc.sql("""
                insert into concerns_grievance_info (id, grievance_id, position, kind, text, link, added_by, added_on)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), grievanceId, Positions.next(jdbc, "concerns_grievance_info", "grievance_id",
                        grievanceId), kind.name(), text, link, accountId, Times.today(clock))
                .update();
        record(grievanceId, "INFO_ADDED", kind.name(), accountId);
    }

    /** Stage 3, the plan: organisers add concrete next steps with an owner and a due date. */
    @Transactional
    public void addPlanItem(UUID accountId, UUID groupId, UUID grievanceId, NewPlanItem item) {
        access.requireOrganiser(groupId, accountId);
        find(groupId, grievanceId);
        String what = TextInput.line("what", item.what(), 500, true);
        if (item.ownerId() != null && access.roleOf(groupId, item.ownerId()).isEmpty()) {
            throw new InvalidInput("ownerId", "grievance.plan.owner.invalid");
        }
        LocalDate due = DateInput.optionalDate("dueOn", item.dueOn(), "grievance.plan.due.invalid");
        jdbc.sql("""
                insert into concerns_plan_item (id, grievance_id, position, what, owner_id, due_on, done)
                values (?, ?, ?, ?, ?, ?, false)""")
                .params(UUID.randomUUID(), grievanceId, Positions.next(jdbc, "concerns_plan_item", "grievance_id",
                        grievanceId), what, item.ownerId(), due)
                .update();
        record(grievanceId, "PLAN_ITEM_ADDED", what.length() > 200 ? what.substring(0, 200) : what, accountId);
    }

    /** The step's owner or an organiser marks it done, or not done. */
    @Transactional
    public void markPlanItem(UUID accountId, UUID groupId, UUID grievanceId, UUID itemId, boolean done) {
        Role role = access.requireMember(groupId, accountId);
        find(groupId, grievanceId);
        record ItemRow(UUID ownerId, String what) {
        }
        ItemRow item = jdbc.sql("select owner_id, what from concerns_plan_item where id = ? and grievance_id = ?")
                .params(itemId, grievanceId).query(ItemRow.class).optional().orElseThrow(DomainException.NotFound::new);
        if (role != Role.ORGANISER && !accountId.equals(item.ownerId())) {
            throw new DomainException.Forbidden("grievance.plan.ownerOnly");
        }
        jdbc.sql("update concerns_plan_item set done = ? where id = ?").params(done, itemId).update();
        String what = item.what().length() > 200 ? item.what().substring(0, 200) : item.what();
        record(grievanceId, done ? "PLAN_ITEM_DONE" : "PLAN_ITEM_REOPENED", what, accountId);
    }

    /** Organisers move the grievance on; an ended grievance closes its concern (kept under the retention rule). */
    @Transactional
    public void changeStatus(UUID accountId, UUID groupId, UUID grievanceId, String rawStatus) {
        access.requireOrganiser(groupId, accountId);
        Row row = find(groupId, grievanceId);
        Status status;
        try {
            status = Status.valueOf(rawStatus == null ? "" : rawStatus.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "grievance.status.invalid");
        }
        jdbc.sql("update concerns_grievance set status = ? where id = ?").params(status.name(), grievanceId).update();
        if (row.concernId() != null) {
            jdbc.sql("update concerns_concern set status = ?, ended_on = ? where id = ?")
                    .params(status.ended() ? "CLOSED" : "ADOPTED", status.ended() ? Times.today(clock) : null,
                            row.concernId())
                    .update();
        }
        record(grievanceId, "STATUS_CHANGED", status.name(), accountId);
    }

    private void record(UUID grievanceId, String kind, String detail, UUID actorId) {
        jdbc.sql("""
                insert into concerns_grievance_event (id, grievance_id, position, occurred_on, kind, detail, actor_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), grievanceId, Positions.next(jdbc, "concerns_grievance_event", "grievance_id",
                        grievanceId), Times.today(clock), kind, detail, actorId)
                .update();
    }
}
