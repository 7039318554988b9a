package org.staffroom.surveys;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Networks;
import org.staffroom.groups.Role;
import org.staffroom.shared.DateInput;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.shared.Times;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Building and running a group's surveys. Organisers build a survey in draft from the question bank and
 * their own questions, open it until a closing date, close it (or it closes itself on that date) and
 * publish its results. Members see a survey once it is open; drafts are the organisers' alone.
 */
@Service
public class Surveys {

    public enum Status {
        DRAFT, OPEN, CLOSED, PUBLISHED
    }

    public record Draft(@Schema(requiredMode = REQUIRED, example = "Staffing survey 2027") String title, String intro) {
    }

    /** A question of the group's own; {@code options} one a line. */
    public record NewQuestion(String section, String kind, String text, String options, @Nullable Integer min,
            @Nullable Integer max, @Nullable Boolean breakdown, @Nullable Boolean sensitive,
            @Nullable Boolean required) {
    }

    public record Summary(UUID id, String title, Status status, @Nullable LocalDate closesOn) {
    }

    /**
     * A survey: a group's own ({@code groupId}) or a network's ({@code networkId}), run in every group of the
     * network. {@code manager}: whether this account may build and run it (the group's organisers; the
     * network's coordinators).
     */
    public record View(UUID id, @Nullable UUID groupId, @Nullable UUID networkId, String title, String intro,
            Status status, @Nullable LocalDate closesOn, List<Question> questions, @Nullable UUID copiedFrom,
            boolean manager, boolean linkOpen,
            boolean codesRequired) {
    }

    /** A network survey's link for people outside Staffroom, and any new one-time codes: shown once. */
    public record Link(String token, List<String> codes) {
    }

    record Row(UUID id, @Nullable UUID groupId, @Nullable UUID networkId, String title, String intro, String status,
            @Nullable LocalDate closesOn, @Nullable UUID copiedFrom, @Nullable String linkHash, boolean codesRequired) {
    }

    static final String COLUMNS = "id, group_id, network_id, title, intro, status, closes_on, copied_from,"
            + " link_hash, codes_required";
    public static final int MAX_CODES = 2000;

    static final int MAX_QUESTIONS = 60;
    static final int MAX_OPTIONS = 20;

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Networks networks;
    private final Shuffle shuffle;
    private final SurveysPool pool;
    private final Clock clock;

    Surveys(JdbcClient jdbc, GroupAccess access, Networks networks, Shuffle shuffle, SurveysPool pool, Clock clock) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.shuffle = shuffle;
        this.access = access;
        this.networks = networks;
        this.clock = clock;
    }

    /** A group's organisers start a group survey; a network's coordinators a network survey. */
    @Transactional
    public UUID create(UUID accountId, Scope scope, Draft draft) {
        requireManager(accountId, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into surveys_survey (id, group_id, network_id, title, intro, status, created_by, created_on)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(id, scope instanceof Scope.Group ? scope.id() : null,
                        scope instanceof Scope.Network ? scope.id() : null,
                        TextInput.line("title", draft.title(), 150, true),
                        TextInput.multiline("intro", draft.intro(), 3000, false), accountId, Times.today(clock))
                .update();
        return id;
    }

    private void requireManager(UUID accountId, Scope scope) {
        switch (scope) {
            case Scope.Group group -> access.requireOrganiser(group.id(), accountId);
            case Scope.Network network -> requireCoordinator(accountId, network.id());
        }
    }

    /** Not a coordinator: as if the network's surveys did not exist. */
    private void requireCoordinator(UUID accountId, UUID networkId) {
        if (!networks.isCoordinator(accountId, networkId)) {
            throw new DomainException.NotFound();
        }
    }

    /**
     * Newest first. In a group: its own surveys (drafts only for organisers) and its networks' open, closed
     * and published ones; in a network: all of the network's, for its coordinators.
     */
    public List<Summary> list(UUID accountId, Scope scope) {
        List<Row> rows = switch (scope) {
            case Scope.Group group -> {
                Role role = access.requireMember(group.id(), accountId);
                List<UUID> networkIds = networks.ofGroup(group.id()).stream().map(Networks.NetworkSummary::id).toList();
                yield jdbc.sql("select " + COLUMNS + " from surveys_survey where (group_id = ?"
                        + (role == Role.ORGANISER ? "" : " and status <> 'DRAFT'") + ")"
                        + (networkIds.isEmpty() ? "" : " or (status <> 'DRAFT' and network_id in ("
                                + String.join(",", java.util.Collections.nCopies(networkIds.size(), "?")) + "))")
                        + " order by created_on desc, id limit 100")
                        .params(java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) group.id()),
                                networkIds.stream()).toList())
                        .query(Row.class).list();
            }
            case Scope.Network network -> {
                requireCoordinator(accountId, network.id());
                yield jdbc.sql("select " + COLUMNS + " from surveys_survey where network_id = ?"
                        + " order by created_on desc, id limit 100").param(network.id()).query(Row.class).list();
            }
        };
        return rows.stream().map(r -> new Summary(r.id(), r.title(), status(r), r.closesOn())).toList();
    }

    public View get(UUID accountId, Scope scope, UUID surveyId) {
        Row row = visible(accountId, scope, surveyId);
        boolean manager = canManage(accountId, row);
        if (!manager && status(row) == Status.DRAFT) {
            throw new DomainException.NotFound();
        }
        return view(row, manager);
    }

    /** The survey as its page shows it; {@code manager}: to whoever runs it. */
    View view(Row row, boolean manager) {
        return new View(row.id(), row.groupId(), row.networkId(), row.title(), row.intro(), status(row), row.closesOn(),
                questions(row.id()), row.copiedFrom(), manager, manager && row.linkHash() != null, row.codesRequired());
    }

    /**
     * The survey as reached from a group (its own, or its networks'; members only) or from a network (its
     * coordinators only); anything else is not found.
     */
    Row visible(UUID accountId, Scope scope, UUID surveyId) {
        Row row = jdbc.sql("select " + COLUMNS + " from surveys_survey where id = ?").param(surveyId).query(Row.class)
                .optional().orElseThrow(DomainException.NotFound::new);
        boolean reached = switch (scope) {
            case Scope.Group group -> {
                access.requireMember(group.id(), accountId);
                yield group.id().equals(row.groupId()) || (row.networkId() != null && networks.ofGroup(group.id())
                        .stream().anyMatch(n -> n.id().equals(row.networkId())));
            }
            case Scope.Network network -> {
                requireCoordinator(accountId, network.id());
                yield network.id().equals(row.networkId());
            }
        };
        if (!reached) {
            throw new DomainException.NotFound();
        }
        return row;
    }

    boolean canManage(UUID accountId, Row row) {
        return row.groupId() != null ? access.roleOf(row.groupId(), accountId).orElse(null) == Role.ORGANISER
                : networks.isCoordinator(accountId, java.util.Objects.requireNonNull(row.networkId()));
    }

    /** The survey, for whoever runs it: its group's organisers or its network's coordinators. */
    Row managed(UUID accountId, Scope scope, UUID surveyId) {
        Row row = visible(accountId, scope, surveyId);
        if (!canManage(accountId, row)) {
            throw new DomainException.Forbidden(
                    row.groupId() != null ? "error.organisersOnly" : "survey.coordinatorsOnly");
        }
        return row;
    }

    /** An open survey whose closing date has passed is closed, whether or not the job has caught up yet. */
    Status status(Row row) {
        Status stored = Status.valueOf(row.status());
        return stored == Status.OPEN && row.closesOn() != null && row.closesOn().isBefore(Times.today(clock))
                ? Status.CLOSED : stored;
    }

    List<Question> questions(UUID surveyId) {
        return jdbc.sql("""
                select id, position, section, code, kind, text, options, min_value, max_value, breakdown, sensitive,
                    required
                from surveys_question where survey_id = ? order by position""")
                .param(surveyId)
                .query((rs, n) -> {
                    Question.Kind kind = Question.Kind.valueOf(rs.getString("kind"));
                    String options = rs.getString("options");
                    return new Question(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("section"),
                            rs.getString("code"), kind, rs.getString("text"),
                            kind == Question.Kind.SCALE ? Question.AGREEMENT
                                    : options.isEmpty() ? List.of() : List.of(options.split("\n")),
                            (Integer) rs.getObject("min_value"), (Integer) rs.getObject("max_value"),
                            rs.getBoolean("breakdown"), rs.getBoolean("sensitive"), rs.getBoolean("required"));
                })
                .list();
    }

    /** A draft, for whoever runs it, held so that two questions added at once do not take one position. */
    Row draftForManager(UUID accountId, Scope scope, UUID surveyId) {
        Row row = managed(accountId, scope, surveyId);
        if (status(row) != Status.DRAFT) {
            throw new DomainException.Conflict("survey.notDraft");
        }
        // holds the survey's row, so that two questions added at once do not take the same position
        jdbc.sql("select id from surveys_survey where id = ? for update").param(surveyId).query(UUID.class).single();
        return row;
    }

    /** Adds a question at the end of the draft; a draft holds at most {@value #MAX_QUESTIONS}. */
    UUID insert(UUID surveyId, String section, @Nullable String code, Question.Kind kind, String text,
            List<String> options, @Nullable Integer min, @Nullable Integer max, boolean breakdown, boolean sensitive,
            boolean required) {
        int count = jdbc.sql("select count(*) from surveys_question where survey_id = ?").param(surveyId)
                .query(Integer.class).single();
        if (count >= MAX_QUESTIONS) {
            throw new DomainException.Conflict("survey.question.tooMany");
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from surveys_question where survey_id = ?")
                .param(surveyId).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into surveys_question (id, survey_id, position, section, code, kind, text, options, min_value,
                    max_value, breakdown, sensitive, required)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, surveyId, position, section, code, kind.name(), text, String.join("\n", options), min, max,
                        breakdown, sensitive, required)
                .update();
        return id;
    }

    /** Opens a draft for answers until the end of {@code closesOn} (a date after today). */
    @Transactional
    public void open(UUID accountId, Scope scope, UUID surveyId, String closesOn) {
        draftForManager(accountId, scope, surveyId);
        LocalDate closes = DateInput.date("closesOn", closesOn, "survey.closesOn.invalid");
        if (!closes.isAfter(Times.today(clock))) {
            throw new InvalidInput("closesOn", "survey.closesOn.past");
        }
        if (questions(surveyId).isEmpty()) {
            throw new DomainException.Conflict("survey.noQuestions");
        }
        jdbc.sql("update surveys_survey set status = 'OPEN', closes_on = ? where id = ?").params(closes, surveyId)
                .update();
    }

    /** Closes an open survey now. */
    @Transactional
    public void close(UUID accountId, Scope scope, UUID surveyId) {
        move(accountId, scope, surveyId, Status.OPEN, Status.CLOSED);
    }

    /** Publishes a closed survey's results. */
    @Transactional
    public void publish(UUID accountId, Scope scope, UUID surveyId) {
        move(accountId, scope, surveyId, Status.CLOSED, Status.PUBLISHED);
    }

    private void move(UUID accountId, Scope scope, UUID surveyId, Status from, Status to) {
        Row row = managed(accountId, scope, surveyId);
        if (status(row) != from) {
            throw new DomainException.Conflict("survey.wrongStatus." + to.name().toLowerCase());
        }
        jdbc.sql("update surveys_survey set status = ? where id = ?").params(to.name(), surveyId).update();
        jdbc.sql("delete from surveys_draft where survey_id = ?").param(surveyId).update();
        if (to == Status.CLOSED) {
            closed(surveyId);
        }
    }

    /**
     * In the transaction that closes a survey: whatever waits in the pool is released, so every answer is
     * counted, then the responses are written again in a random order.
     */
    private void closed(UUID surveyId) {
        pool.releaseSurvey(surveyId);
        shuffle.responsesOf(surveyId);
    }

    /** A new draft with the same questions, for running the survey again (next year, say). */
    @Transactional
    public UUID copy(UUID accountId, Scope scope, UUID surveyId) {
        Row row = managed(accountId, scope, surveyId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into surveys_survey (id, group_id, network_id, title, intro, status, copied_from, created_by,
                    created_on)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(id, row.groupId(), row.networkId(), row.title(), row.intro(), surveyId, accountId,
                        Times.today(clock))
                .update();
        for (Question q : questions(surveyId)) {
            insert(id, q.section(), q.code(), q.kind(), q.text(),
                    q.kind() == Question.Kind.SCALE ? List.of() : q.options(),
                    q.min(), q.max(), q.breakdown(), q.sensitive(), q.required());
        }
        return id;
    }

    /** Open surveys past their closing date are closed (what {@link #status} already shows). */
    @Transactional
    public void closeOverdue() {
        jdbc.sql("select id from surveys_survey where status = 'OPEN' and closes_on < ?").param(Times.today(clock))
                .query(UUID.class).list().forEach(this::closeIfOverdue);
        jdbc.sql("delete from surveys_draft where survey_id in (select id from surveys_survey where status <> 'OPEN')")
                .update();
    }

    /**
     * Closes the survey if its closing date has passed and the job has not caught up yet: before its results
     * are read, so that they count every answer the first time they are shown, and never change after.
     */
    @Transactional
    public void closeIfOverdue(UUID surveyId) {
        if (jdbc.sql("update surveys_survey set status = 'CLOSED' where id = ? and status = 'OPEN' and closes_on < ?")
                .params(surveyId, Times.today(clock)).update() > 0) {
            closed(surveyId);
        }
    }
}
