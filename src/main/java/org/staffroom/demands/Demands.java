package org.staffroom.demands;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.concerns.Grievances;
import org.staffroom.decisions.Proposals;
import org.staffroom.decisions.Proposals.Decision;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Demands: organisers draft them; members support them, counted under their tag and named only if they
 * choose to sign openly; organisers record what happens, from agreement to an outcome, and move a demand up
 * the group's escalation ladder with the decision that authorised it. A closed proposal recorded as a
 * mandate (the members instructing their reps) is shown on the demand it concerns.
 */
@Service
public class Demands {

    public enum Status {
        DRAFTED, AGREED, SENT, ACKNOWLEDGED, RESPONDED, CLOSED
    }

    public enum Outcome {
        MET, PARTLY_MET, REFUSED, NO_RESPONSE
    }

    /** What can be recorded on the timeline. */
    public enum Kind {
        AGREED, MANDATE, SENT, ACKNOWLEDGED, RESPONSE, OUTCOME, FOLLOW_UP, ESCALATED
    }

    static final List<String> DEFAULT_LADDER = List.of("Letter to the line manager", "Meeting with management",
            "Collective grievance", "Petition of the workforce", "Union involvement", "Consultative ballot",
            "Formal dispute");

    public record Draft(@Schema(requiredMode = REQUIRED, example = "Pay for handover time") String what,
            @Schema(requiredMode = REQUIRED) String reasons,
            @Schema(requiredMode = REQUIRED, example = "The ward manager") String addressedTo,
            @Nullable UUID grievanceId, @Schema(format = "date") @Nullable String respondBy) {
    }

    /**
     * {@code occurredOn} defaults to today; {@code outcome} for OUTCOME; {@code proposalId}, a closed proposal of
     * the group, is needed for MANDATE and may be given for AGREED and ESCALATED.
     */
    public record Record(String kind, String detail, String occurredOn, @Nullable String outcome,
            @Nullable UUID proposalId) {
    }

    /** {@code decision} is the closed proposal that agreed, mandated or authorised this step, if any. */
    public record Event(LocalDate occurredOn, Kind kind, String detail, @Nullable Decision decision) {
    }

    public record Summary(UUID id, String what, Status status, @Nullable Outcome outcome, int supporters) {
    }

    /** {@code supportedByMe} is null when the member's signing secret is locked in this request. */
    public record View(UUID id, UUID groupId, String groupName, String what, String reasons, String addressedTo,
            Grievances.@Nullable Summary grievance, @Nullable LocalDate respondBy, Status status,
            @Nullable Outcome outcome, int supporters, List<String> signedOpenly, @Nullable Boolean supportedByMe,
            List<Event> timeline, List<Event> mandates, List<String> ladder, int step, @Nullable String nextStep,
            LocalDate createdOn, boolean organiser) {
    }

    private record Row(UUID id, UUID groupId, String what, String reasons, String addressedTo,
            @Nullable UUID grievanceId, @Nullable LocalDate respondBy, String status, @Nullable String outcome,
            int step,
            LocalDate createdOn) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;
    private final Accounts accounts;
    private final AnonymousTags tags;
    private final Proposals proposals;
    private final Grievances grievances;
    private final Clock clock;

    Demands(JdbcClient jdbc, GroupAccess access, Groups groups, Accounts accounts, AnonymousTags tags,
            Proposals proposals, Grievances grievances, Clock clock) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.grievances = grievances;
        this.access = access;
        this.groups = groups;
        this.accounts = accounts;
        this.tags = tags;
        this.clock = clock;
    }

    @Transactional
    public UUID draft(UUID accountId, UUID groupId, Draft draft) {
        access.requireOrganiser(groupId, accountId);
        String what = TextInput.line("what", draft.what(), 300, true);
        String reasons = TextInput.multiline("reasons", draft.reasons(), 5000, true);
        String to = TextInput.line("addressedTo", draft.addressedTo(), 200, true);
        LocalDate respondBy = date("respondBy", draft.respondBy());
        if (draft.grievanceId() != null && grievances.summary(groupId, draft.grievanceId()).isEmpty()) {
            throw new InvalidInput("grievanceId", "demand.grievanceId.invalid");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into demands_demand (id, group_id, what, reasons, addressed_to, grievance_id, respond_by, status,
                    step, created_on)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFTED', 0, ?)""")
                .params(id, groupId, what, reasons, to, draft.grievanceId(), respondBy, Times.today(clock)).update();
        return id;
    }

    private static @Nullable LocalDate date(String field, @Nullable String text) {
        return DateInput.optionalDate(field, text, "demand.date.invalid");
    }

    public List<Summary> list(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return jdbc.sql("""
                select d.id, d.what, d.status, d.outcome,
                    (select count(*) from demands_supporter s where s.demand_id = d.id and s.released) supporters
                from demands_demand d where d.group_id = ? order by d.created_on desc, d.id""")
                .param(groupId)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("what"),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getInt("supporters")))
                .list();
    }

    /** Wins: demands met or partly met, for the group page. */
    public List<Summary> wins(UUID accountId, UUID groupId) {
        return list(accountId, groupId).stream()
                .filter(d -> d.outcome() == Outcome.MET || d.outcome() == Outcome.PARTLY_MET).toList();
    }

    public View get(UUID accountId, UUID groupId, UUID demandId) {
        Role role = access.requireMember(groupId, accountId);
        Row row = find(groupId, demandId);
        record Supporter(String supporter, UUID signedBy, boolean released) {
        }
        List<Supporter> all = jdbc
                .sql("select supporter, signed_by, released from demands_supporter where demand_id = ?")
                .param(demandId).query(Supporter.class).list();
        // the count and the names move only when the mixing job releases a batch
        List<Supporter> supporters = all.stream().filter(Supporter::released).toList();
        Map<UUID, AccountView> signers = accounts.views(supporters.stream().map(Supporter::signedBy)
                .filter(Objects::nonNull).toList());
        List<String> signed = signers.values().stream().map(AccountView::displayName).sorted().toList();
        Boolean supportedByMe = tags.tagIfUnlocked(accountId, scope(demandId))
                .map(tag -> all.stream().anyMatch(s -> s.supporter().equals(tag))).orElse(null);
        List<Event> timeline = jdbc
                .sql("""
                        select occurred_on, kind, detail, proposal_id from demands_event where demand_id = ? order by position""")
                .param(demandId)
                .query((rs, n) -> {
                    UUID proposalId = rs.getObject("proposal_id", UUID.class);
                    return new Event(rs.getObject("occurred_on", LocalDate.class), Kind.valueOf(rs.getString("kind")),
                            rs.getString("detail"),
                            proposalId == null ? null : proposals.decision(groupId, proposalId));
                })
                .list();
        List<String> ladder = ladder(groupId);
        return new View(row.id(), groupId, groups.nameOf(groupId), row.what(), row.reasons(), row.addressedTo(),
                row.grievanceId() == null ? null : grievances.summary(groupId, row.grievanceId()).orElse(null),
                row.respondBy(), Status.valueOf(row.status()),
                row.outcome() == null ? null : Outcome.valueOf(row.outcome()), supporters.size(), signed, supportedByMe,
                timeline, timeline.stream().filter(e -> e.kind() == Kind.MANDATE).toList(), ladder, row.step(),
                row.step() + 1 < ladder.size() ? ladder.get(row.step() + 1) : null,
                row.createdOn(), role == Role.ORGANISER);
    }

    private Row find(UUID groupId, UUID demandId) {
        return jdbc
                .sql("""
                        select id, group_id, what, reasons, addressed_to, grievance_id, respond_by, status, outcome, step, created_on
                        from demands_demand where id = ? and group_id = ?""")
                .params(demandId, groupId).query(Row.class).optional().orElseThrow(DomainException.NotFound::new);
    }

    static String scope(UUID demandId) {
        return "demand:" + demandId;
    }

    /**
     * A member supports the demand, once; signing openly puts their name on the letter. The support waits in
     * the pool (DemandsPool): the count and the names on the letter move only when the mixing job releases it.
     *
     * @return the count members see, which this request does not move
     */
    @Transactional
    public int support(UUID accountId, UUID groupId, UUID demandId, boolean openly) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, demandId);
        if (Status.valueOf(row.status()) == Status.CLOSED) {
            throw new DomainException.Conflict("demand.closed");
        }
        String tag = tags.tag(accountId, scope(demandId));
        try {
            jdbc.sql("""
                    insert into demands_supporter (demand_id, supporter, signed_by, released, fresh)
                    values (?, ?, ?, false, true)""")
                    .params(demandId, tag, openly ? accountId : null).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("demand.alreadySupported");
        }
        return jdbc.sql("select count(*) from demands_supporter where demand_id = ? and released").param(demandId)
                .query(Integer.class).single();
    }

    /** Organisers record what happened; the status follows, and an outcome closes the demand. */
    @Transactional
    public void record(UUID accountId, UUID groupId, UUID demandId, Record record) {
        access.requireOrganiser(groupId, accountId);
        Row row = find(groupId, demandId);
        Kind kind;
        try {
            kind = Kind.valueOf(record.kind() == null ? "" : record.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "demand.kind.invalid");
        }
        String detail = TextInput.multiline("detail", record.detail(), 2000,
                kind == Kind.RESPONSE || kind == Kind.FOLLOW_UP);
        LocalDate when = date("occurredOn", record.occurredOn());
        if (kind == Kind.MANDATE && record.proposalId() == null) {
            throw new InvalidInput("proposalId", "demand.mandate.decision");
        }
        if (record.proposalId() != null) {
            if (kind != Kind.AGREED && kind != Kind.MANDATE && kind != Kind.ESCALATED) {
                throw new InvalidInput("proposalId", "demand.decision.notHere");
            }
            proposals.decision(groupId, record.proposalId());
        }
        Status status = Status.valueOf(row.status());
        if (status == Status.CLOSED && kind != Kind.FOLLOW_UP) {
            throw new DomainException.Conflict("demand.closed");
        }
        String outcome = row.outcome();
        int step = row.step();
        switch (kind) {
            case AGREED -> status = Status.AGREED;
            case MANDATE -> status = status == Status.DRAFTED ? Status.AGREED : status;
            case SENT -> status = Status.SENT;
            case ACKNOWLEDGED -> status = Status.ACKNOWLEDGED;
            case RESPONSE -> status = Status.RESPONDED;
            case OUTCOME -> {
                try {
                    outcome = Outcome.valueOf(record.outcome() == null ? "" : record.outcome().strip()).name();
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("outcome", "demand.outcome.invalid");
                }
                status = Status.CLOSED;
                detail = detail.isEmpty() ? outcome : detail;
            }
            case ESCALATED -> {
                List<String> ladder = ladder(groupId);
                if (step + 1 >= ladder.size()) {
                    throw new DomainException.Conflict("demand.topOfLadder");
                }
                step++;
                detail = ladder.get(step) + (detail.isEmpty() ? "" : ": " + detail);
            }
            case FOLLOW_UP -> {
                // a note on the timeline; the status stays
            }
        }
        jdbc.sql("update demands_demand set status = ?, outcome = ?, step = ? where id = ?")
                .params(status.name(), outcome, step, demandId).update();
        // the update above holds the demand's row, so positions do not collide
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from demands_event where demand_id = ?")
                .param(demandId).query(Integer.class).single();
        jdbc.sql("""
                insert into demands_event (id, demand_id, position, occurred_on, kind, detail, proposal_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), demandId, position, when == null ? Times.today(clock) : when, kind.name(),
                        detail, record.proposalId())
                .update();
    }

    /** The group's escalation ladder, or the default one. */
    public List<String> ladder(UUID groupId) {
        List<String> steps = jdbc.sql("select label from demands_ladder where group_id = ? order by position")
                .param(groupId).query(String.class).list();
        return steps.isEmpty() ? DEFAULT_LADDER : steps;
    }

    /** Organisers edit the ladder: 2 to 12 steps. */
    @Transactional
    public void changeLadder(UUID accountId, UUID groupId, List<String> steps) {
        access.requireOrganiser(groupId, accountId);
        List<String> labels = (steps == null ? List.<String>of() : steps).stream()
                .map(step -> TextInput.line("steps", step, 150, false)).filter(step -> !step.isEmpty()).toList();
        if (labels.size() < 2 || labels.size() > 12) {
            throw new InvalidInput("steps", "demand.ladder.invalid");
        }
        jdbc.sql("delete from demands_ladder where group_id = ?").param(groupId).update();
        for (int i = 0; i < labels.size(); i++) {
            jdbc.sql("insert into demands_ladder (group_id, position, label) values (?, ?, ?)")
                    .params(groupId, i, labels.get(i)).update();
        }
    }

    /** The letter to management as plain text, for pasting into an e-mail. */
    public String letterText(UUID accountId, UUID groupId, UUID demandId) {
        return Letter.text(get(accountId, groupId, demandId), Times.today(clock));
    }

    /** The same letter as a PDF. */
    public byte[] letterPdf(UUID accountId, UUID groupId, UUID demandId) {
        return Letter.pdf(get(accountId, groupId, demandId), Times.today(clock));
    }
}
