package org.staffroom.decisions;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.meetings.Meetings;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Proposals and ballots. Any member proposes; every member may cast one ballot until the closing time. A
 * secret ballot is stored under the member's tag for the proposal, never their account, with no time and
 * no way to change it; its results stay hidden while fewer than {@link #SECRET_MINIMUM} ballots are in.
 */
@Service
public class Proposals {

    public enum Kind {
        CONSENSUS, YES_NO, CHOOSE_ONE, CHOOSE_SEVERAL, RANKED, DOTS
    }

    static final int SECRET_MINIMUM = 3;
    static final int MAX_OPTIONS = 20;

    /**
     * A proposal as typed; {@code closesAt} like 2026-12-01T18:00, in the instance's time zone; {@code meetingId},
     * if given, the group's meeting it was made at.
     */
    public record Draft(@Schema(requiredMode = REQUIRED, example = "Refuse unpaid handovers") String title,
            @Nullable String details, @Schema(requiredMode = REQUIRED, implementation = Kind.class) String kind,
            @Schema(implementation = Counting.Majority.class) @Nullable String majority, @Nullable Integer points,
            @Nullable Integer quorumPercent, @Nullable Boolean secret, @Nullable Boolean resultsLive,
            @Schema(requiredMode = REQUIRED, example = "2099-12-01T18:00", description = "in the instance's time zone") String closesAt,
            List<String> options, @Nullable UUID meetingId) {
    }

    /**
     * A ballot: {@code answer} for consensus (AGREE, ABSTAIN, DISAGREE, BLOCK) and yes/no (YES, NO, ABSTAIN);
     * {@code choices} the option numbers (from 0) for choose one or several and, in order of preference, for
     * ranked choice; {@code points} one number per option for dot voting.
     */
    public record Ballot(
            @Schema(example = "YES", description = "for a yes-or-no vote: YES, NO or ABSTAIN") @Nullable String answer,
            @Nullable List<Integer> choices, @Nullable List<Integer> points) {
    }

    public record Summary(UUID id, String title, Kind kind, boolean secret, ZonedDateTime closesAt, boolean closed,
            int turnout) {
    }

    /**
     * {@code result} is null while hidden: before closing unless results are shown live, and for a secret
     * ballot while fewer than three ballots are in. {@code votedByMe} is null when it cannot be worked out
     * (a secret ballot and a locked signing secret).
     */
    public record View(UUID id, UUID groupId, String title, String details, Kind kind, @Nullable String majority,
            @Nullable Integer points, int quorumPercent, boolean secret, boolean resultsLive, ZonedDateTime closesAt,
            boolean closed, List<String> options, int turnout, long members, boolean quorumMet, @Nullable Object result,
            @Nullable Boolean votedByMe, @Nullable UUID meetingId, @Nullable String meetingTitle) {
    }

    /** A closed proposal as other features refer to it: the decision that agreed a demand, or a mandate. */
    public record Decision(UUID id, String title, ZonedDateTime closedAt) {
    }

    record Row(UUID id, UUID groupId, String title, String details, String kind, String majority, Integer points,
            int quorumPercent, boolean secret, boolean resultsLive, OffsetDateTime closesAt, UUID meetingId) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;
    private final AnonymousTags tags;
    private final Meetings meetings;
    private final Clock clock;
    private final ZoneId zone;

    Proposals(JdbcClient jdbc, GroupAccess access, Groups groups, AnonymousTags tags, Meetings meetings, Clock clock,
            @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.access = access;
        this.groups = groups;
        this.tags = tags;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public UUID propose(UUID accountId, UUID groupId, Draft draft) {
        access.requireMember(groupId, accountId);
        DomainException.Checks checks = new DomainException.Checks();
        String title = checks.check(() -> TextInput.line("title", draft.title(), 150, true));
        String details = checks.check(() -> TextInput.multiline("details", draft.details(), 3000, false));
        Kind kind = checks.check(() -> parseEnum(Kind.class, draft.kind(), "kind"));
        String majority = kind != Kind.YES_NO ? null : checks.check(() -> parseEnum(Counting.Majority.class,
                draft.majority() == null ? "SIMPLE" : draft.majority(), "majority").name());
        Integer points = kind != Kind.DOTS ? null : checks.check(() -> {
            if (draft.points() == null || draft.points() < 1 || draft.points() > 100) {
                throw new InvalidInput("points", "proposal.points.invalid");
            }
            return draft.points();
        });
        int quorum = draft.quorumPercent() == null ? 0 : draft.quorumPercent();
        if (quorum < 0 || quorum > 100) {
            checks.refuse("quorumPercent", "proposal.quorum.invalid");
        }
        OffsetDateTime closesAt = checks.check(() -> {
            OffsetDateTime at = ZonedDateTime.of(DateInput.dateTime("closesAt", draft.closesAt(),
                    "proposal.closesAt.invalid"), zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            if (!at.isAfter(OffsetDateTime.now(clock))) {
                throw new InvalidInput("closesAt", "proposal.closesAt.past");
            }
            return at;
        });
        List<String> options = kind == null ? List.of() : checks.check(() -> options(kind, draft.options()));
        if (Boolean.TRUE.equals(draft.secret()) && Boolean.TRUE.equals(draft.resultsLive())) {
            // live results would show each secret ballot's content as it is counted
            checks.refuse("resultsLive", "proposal.secretLive");
        }
        if (draft.meetingId() != null && meetings.titleOf(groupId, draft.meetingId()).isEmpty()) {
            checks.refuse("meetingId", "proposal.meetingId.invalid");
        }
        checks.done();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into decisions_proposal (id, group_id, title, details, kind, majority, points, quorum_percent,
                    secret, results_live, closes_at, created_by, created_on, meeting_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, groupId, title, details, java.util.Objects.requireNonNull(kind).name(), majority, points,
                        quorum,
                        Boolean.TRUE.equals(draft.secret()), Boolean.TRUE.equals(draft.resultsLive()), closesAt,
                        accountId,
                        Times.today(clock), draft.meetingId())
                .update();
        for (int i = 0; i < java.util.Objects.requireNonNull(options).size(); i++) {
            jdbc.sql("insert into decisions_option (proposal_id, position, label) values (?, ?, ?)")
                    .params(id, i, options.get(i)).update();
        }
        return id;
    }

    private static List<String> options(Kind kind, List<String> raw) {
        if (kind == Kind.CONSENSUS || kind == Kind.YES_NO) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String option : raw == null ? List.<String>of() : raw) {
            String label = TextInput.line("options", option, 150, false);
            if (!label.isEmpty()) {
                options.add(label);
            }
        }
        if (options.size() < 2 || options.size() > MAX_OPTIONS || new HashSet<>(options).size() != options.size()) {
            throw new InvalidInput("options", "proposal.options.invalid", MAX_OPTIONS);
        }
        return options;
    }

    /** An enum by its name, as typed; anything else is refused as this field's invalid value. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, @Nullable String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "proposal." + field + ".invalid");
        }
    }

    public List<Summary> list(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                select p.id, p.title, p.kind, p.secret, p.closes_at,
                    (select count(*) from decisions_ballot b where b.proposal_id = p.id
                        and (b.released or p.closes_at <= ?)) turnout
                from decisions_proposal p where p.group_id = ? order by p.closes_at desc limit 100""")
                .params(now, groupId)
                .query((rs, n) -> {
                    OffsetDateTime closes = rs.getObject("closes_at", OffsetDateTime.class);
                    return new Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                            Kind.valueOf(rs.getString("kind")), rs.getBoolean("secret"), closes.atZoneSameInstant(zone),
                            !closes.isAfter(now), rs.getInt("turnout"));
                })
                .list();
    }

    /** The group's closed proposals, newest first, to choose the decision behind a demand or a step up its ladder. */
    public List<Decision> decided(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return jdbc.sql("""
                select id, title, closes_at from decisions_proposal where group_id = ? and closes_at <= ?
                order by closes_at desc limit 100""")
                .params(groupId, OffsetDateTime.now(clock))
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getObject("closes_at", OffsetDateTime.class).atZoneSameInstant(zone)))
                .list();
    }

    /**
     * One closed proposal of the group, for a caller that has already checked the member may see the group.
     * Not found if it is another group's; a conflict while voting is still open.
     */
    public Decision decision(UUID groupId, UUID proposalId) {
        Row row = find(groupId, proposalId);
        if (row.closesAt().isAfter(OffsetDateTime.now(clock))) {
            throw new DomainException.Conflict("proposal.stillOpen");
        }
        return new Decision(row.id(), row.title(), row.closesAt().atZoneSameInstant(zone));
    }

    public View get(UUID accountId, UUID groupId, UUID proposalId) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, proposalId);
        Kind kind = Kind.valueOf(row.kind());
        List<String> options = options(proposalId);
        boolean closed = !row.closesAt().isAfter(OffsetDateTime.now(clock));
        // while voting is open, only the ballots the mixing job has released count
        List<String> contents = jdbc.sql("select content from decisions_ballot where proposal_id = ?"
                + (closed ? "" : " and released")).param(proposalId).query(String.class).list();
        long members = groups.memberCount(accountId, groupId);
        boolean quorumMet = Counting.quorumMet(contents.size(), (int) members, row.quorumPercent());
        boolean visible = (closed || row.resultsLive()) && !(row.secret() && contents.size() < SECRET_MINIMUM);
        Object result = visible ? Ballots.count(kind, row, options, contents) : null;
        Boolean votedByMe;
        if (row.secret()) {
            votedByMe = tags.tagIfUnlocked(accountId, scope(proposalId)).map(tag -> hasBallot(proposalId, tag))
                    .orElse(null);
        } else {
            votedByMe = hasBallot(proposalId, accountId.toString());
        }
        return new View(row.id(), groupId, row.title(), row.details(), kind, row.majority(), row.points(),
                row.quorumPercent(), row.secret(), row.resultsLive(), row.closesAt().atZoneSameInstant(zone), closed,
                options, contents.size(), members, quorumMet, result, votedByMe, row.meetingId(),
                row.meetingId() == null ? null : meetings.titleOf(groupId, row.meetingId()).orElse(null));
    }

    private boolean hasBallot(UUID proposalId, String voter) {
        return jdbc.sql("select count(*) from decisions_ballot where proposal_id = ? and voter = ?")
                .params(proposalId, voter).query(Long.class).single() > 0;
    }

    private List<String> options(UUID proposalId) {
        return jdbc.sql("select label from decisions_option where proposal_id = ? order by position").param(proposalId)
                .query(String.class).list();
    }

    private Row find(UUID groupId, UUID proposalId) {
        return jdbc
                .sql("""
                        select id, group_id, title, details, kind, majority, points, quorum_percent, secret, results_live, closes_at,
                            meeting_id
                        from decisions_proposal where id = ? and group_id = ?""")
                .params(proposalId, groupId).query(Row.class).optional().orElseThrow(DomainException.NotFound::new);
    }

    static String scope(UUID proposalId) {
        return "proposal:" + proposalId;
    }

    /**
     * Casts the member's ballot, once. A secret ballot is stored under the member's tag and waits in the pool
     * until the mixing job releases it; an open one is stored under their account id. Either way the primary
     * key refuses a second.
     *
     * @return the turnout members see, which a secret ballot does not move in its own request
     */
    @Transactional
    public int vote(UUID accountId, UUID groupId, UUID proposalId, Ballot ballot) {
        access.requireMember(groupId, accountId);
        Row row = find(groupId, proposalId);
        if (!row.closesAt().isAfter(OffsetDateTime.now(clock))) {
            throw new DomainException.Conflict("proposal.closed");
        }
        String content = Ballots.content(Kind.valueOf(row.kind()), row, options(proposalId).size(), ballot);
        String voter = row.secret() ? tags.tag(accountId, scope(proposalId)) : accountId.toString();
        try {
            // a secret ballot waits in the pool (DecisionsPool); an open one counts at once; both are fresh until
            // the job writes them again
            jdbc.sql(
                    "insert into decisions_ballot (proposal_id, voter, content, released, fresh) values (?, ?, ?, ?, true)")
                    .params(proposalId, voter, content, !row.secret()).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("proposal.alreadyVoted");
        }
        return jdbc.sql("select count(*) from decisions_ballot where proposal_id = ? and released").param(proposalId)
                .query(Integer.class).single();
    }

    /** An organiser closes voting now, for example when the meeting that was voting has voted. */
    @Transactional
    public void close(UUID accountId, UUID groupId, UUID proposalId) {
        access.requireOrganiser(groupId, accountId);
        Row row = find(groupId, proposalId);
        if (!row.closesAt().isAfter(OffsetDateTime.now(clock))) {
            throw new DomainException.Conflict("proposal.closed");
        }
        jdbc.sql("update decisions_proposal set closes_at = ? where id = ?")
                .params(OffsetDateTime.now(clock), proposalId).update();
    }
}
