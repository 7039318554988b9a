package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.TestDatabase;

/**
 * An attacker with a copy of the database: members act anonymously, each between named acts of their own, and
 * the attacker reads every table the way a forensic copy allows — H2's row numbers and dump order,
 * PostgreSQL's physical order ({@code ctid}) and transaction numbers ({@code xmin}), every number column —
 * to put the anonymous acts in the order they were made, and to pair each with the member whose named rows
 * stand next to it (in its table, or by transaction number in any table). Once the mixing job has run, the
 * attack must do no better than chance; on the rows as the requests wrote them (inside the minute before
 * the job) the same attack succeeds, which shows it can fail.
 */
@IntegrationTest
class DatabaseCopyAttackTest {

    /** Members acting; each makes one anonymous act of every kind. */
    private static final int MEMBERS = 24;
    /**
     * No ordering of one kind's rows may agree with the true order beyond this (Kendall's tau): by chance,
     * with 24 rows, |tau| reaches it about once in three million orderings.
     */
    private static final double MOST_AGREEMENT = 0.75;
    /** Nor may the orderings agree on average beyond this (they are dozens: chance keeps the mean near 0). */
    private static final double MOST_MEAN_AGREEMENT = 0.25;
    /**
     * Pairing each anonymous act with the member whose named row stands nearest: by chance about one hit in
     * 24 tries, so about 8 over the 8 kinds of act a method attacks; over this, the attack is winning.
     */
    private static final double MOST_HIT_RATE = 0.15;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnonymousTags tags;

    /** One kind of anonymous act: its table, the SQL that picks its anonymous rows, and who made each row. */
    record Kind(String name, String table, String anonymous, Function<Map<String, Object>, UUID> author) {
    }

    /** A row as the attacker reads it: where it stands, its transaction, its values. */
    record Read(long place, long transaction, long dumpPlace, Map<String, Object> values) {
    }

    @Test
    void aCopyOfTheDatabaseNeitherOrdersAnonymousActsNorPairsThemWithTheirAuthors() {
        World world = new World();
        world.act();
        Attack beforeTheJob = attack(world);
        assertThat(beforeTheJob.hitRate())
                .as("the attack works on rows as requests wrote them (the minute before the job): " + beforeTheJob)
                .isGreaterThan(2 * MOST_HIT_RATE);
        assertThat(beforeTheJob.meanAgreement()).as("and finds their order: " + beforeTheJob).isGreaterThan(0.5);

        fixtures.mix();
        Attack inThePool = attack(world);
        assertThat(inThePool.maxAgreement()).as("waiting in the pool, rewritten by the job: " + inThePool)
                .isLessThan(MOST_AGREEMENT);
        assertThat(inThePool.meanAgreement()).as(inThePool.toString()).isBetween(-MOST_MEAN_AGREEMENT,
                MOST_MEAN_AGREEMENT);
        assertThat(inThePool.hitRate()).as(inThePool.toString()).isLessThan(MOST_HIT_RATE);

        world.actAgain();
        fixtures.release();
        world.closeSurvey();
        Attack released = attack(world);
        // the figures, for docs/anonymity.md
        System.out
                .println("Before the job: " + beforeTheJob + "\nIn the pool: " + inThePool + "\nReleased: " + released);
        assertThat(released.kinds()).as("every kind of anonymous act was read").isEqualTo(world.kinds().size());
        assertThat(released.maxAgreement()).as("released: " + released).isLessThan(MOST_AGREEMENT);
        assertThat(released.meanAgreement()).as(released.toString()).isBetween(-MOST_MEAN_AGREEMENT,
                MOST_MEAN_AGREEMENT);
        assertThat(released.hitRate()).as(released.toString()).isLessThan(MOST_HIT_RATE);
    }

    /** The group, the members and what they do. */
    final class World {

        final Api api = new Api(port);
        final Person organiser = fixtures.person("organiser");
        final UUID groupId = fixtures.group(organiser, "Copy ward " + UUID.randomUUID().toString().substring(0, 6));
        final String g = "/api/v1/groups/" + groupId;
        final String organiserToken = api.signIn(organiser);
        final List<Person> members = new ArrayList<>();
        final Map<UUID, String> tokens = new HashMap<>();
        /** The order each member acts in (their anonymous acts come in this order). */
        final Map<UUID, Integer> order = new HashMap<>();
        final Map<String, UUID> byTag = new HashMap<>();
        final Map<String, UUID> byText = new HashMap<>();
        final Map<Integer, UUID> byNumber = new HashMap<>();
        final Map<UUID, String> receipts = new HashMap<>();
        String concernA;
        String concernB;
        String secretProposal;
        String openProposal;
        String demandAnonymous;
        String demandOpen;
        String grievance;
        String survey;

        World() {
            for (int i = 0; i < MEMBERS; i++) {
                members.add(fixtures.member(groupId, organiser));
            }
            Collections.shuffle(members, new Random(7));
            for (int i = 0; i < MEMBERS; i++) {
                order.put(members.get(i).id(), i);
            }
            concernA = api.post(g + "/concerns", organiserToken, draft("Broken hoist", false)).json().get("id")
                    .asString();
            concernB = api.post(g + "/concerns", organiserToken, draft("No breaks", false)).json().get("id").asString();
            grievance = api.post(g + "/concerns/" + concernA + "/grievance", organiserToken, Map.of()).json().get("id")
                    .asString();
            secretProposal = proposal(true);
            openProposal = proposal(false);
            demandAnonymous = demand("Pay travel time");
            demandOpen = demand("Cover sickness");
            String surveys = g + "/surveys";
            survey = surveys + "/"
                    + api.post(surveys, organiserToken, Map.of("title", "Hours")).json().get("id").asString();
            api.post(survey + "/questions", organiserToken, Map.of("code", "unpaid_hours"));
            api.post(survey + "/open", organiserToken, Map.of("closesOn", LocalDate.now().plusDays(10).toString()));
        }

        /** Each member in turn: signs in, acts with their name, anonymously, and with their name again. */
        void act() {
            for (Person member : members) {
                int n = order.get(member.id());
                String token = api.signIn(member);
                tokens.put(member.id(), token);
                know(member);
                api.post(g + "/concerns/" + concernA + "/comments", token,
                        Map.of("text", "Named " + n, "anonymous", false)).ok();
                api.post(g + "/proposals/" + openProposal + "/ballots", token, Map.of("answer", "YES")).ok();
                api.post(g + "/concerns/" + concernB + "/cosign", token, Map.of("anonymous", true)).ok();
                api.post(g + "/proposals/" + secretProposal + "/ballots", token,
                        Map.of("answer", n % 2 == 0 ? "YES" : "NO")).ok();
                api.post(g + "/concerns/" + concernA + "/cosign", token, Map.of("anonymous", false)).ok();
                api.post(g + "/concerns/" + concernA + "/comments", token,
                        Map.of("text", "Anonymous " + n, "anonymous", true)).ok();
                api.post(g + "/demands/" + demandAnonymous + "/support", token, Map.of("openly", false)).ok();
                api.post(g + "/demands/" + demandOpen + "/support", token, Map.of("openly", true)).ok();
                var raised = api.post(g + "/concerns", token, draft("Worry of " + n, true));
                raised.ok();
                receipts.put(member.id(), raised.json().get("receipt").asString());
                api.post(g + "/grievances/" + grievance + "/information", token,
                        Map.of("kind", "EVIDENCE", "text", "Evidence " + n, "link", "", "anonymous", true)).ok();
                api.post(survey + "/responses", token,
                        Map.of("answers", Map.of(questionId(), Map.of("number", n)))).ok();
                api.post(g + "/grievances/" + grievance + "/information", token,
                        Map.of("kind", "POLICY", "text", "Policy " + n, "link", "", "anonymous", false)).ok();
                byText.put("Anonymous " + n, member.id());
                byText.put("Worry of " + n, member.id());
                byText.put("Evidence " + n, member.id());
                byNumber.put(n, member.id());
            }
        }

        /** Once their concerns are out, each in turn answers the organisers through the receipt, between named acts. */
        void actAgain() {
            fixtures.release();
            for (Person member : members) {
                int n = order.get(member.id());
                String token = tokens.get(member.id());
                api.post(g + "/concerns/" + concernB + "/comments", token,
                        Map.of("text", "Later " + n, "anonymous", false)).ok();
                api.post("/api/v1/receipts/messages", null,
                        Map.of("receipt", receipts.get(member.id()), "text", "Reply " + n)).ok();
                byText.put("Reply " + n, member.id());
                api.post(g + "/concerns/" + concernB + "/comments", token,
                        Map.of("text", "After " + n, "anonymous", false)).ok();
            }
        }

        void closeSurvey() {
            api.post(survey + "/close", organiserToken, Map.of()).ok();
        }

        /** The member's tags for each scope they acted in anonymously, as only their password can make them. */
        private void know(Person member) {
            List<String> scopes = List.of("concern:" + concernB, "concern:" + concernA, "proposal:" + secretProposal,
                    "demand:" + demandAnonymous, "demand:" + demandOpen, "survey:" + surveyId());
            // one unlock (an Argon2 of the password) for all of them
            tags.actingAs(member.id(), Fixtures.PASSWORD,
                    () -> scopes.stream().map(scope -> tags.tag(member.id(), scope))
                            .toList())
                    .forEach(tag -> byTag.put(tag, member.id()));
        }

        private String questionId() {
            return jdbc.queryForObject("select id from surveys_question where survey_id = ?", String.class,
                    UUID.fromString(survey.substring(survey.lastIndexOf('/') + 1)));
        }

        private String proposal(boolean secret) {
            Map<String, Object> draft = new HashMap<>(Map.of("title", secret ? "Secret" : "Open", "details", "",
                    "kind", "YES_NO", "secret", secret, "resultsLive", false,
                    "closesAt", LocalDateTime.now().plusDays(2).withNano(0).toString()));
            return api.post(g + "/proposals", organiserToken, draft).json().get("id").asString();
        }

        private String demand(String what) {
            return api.post(g + "/demands", organiserToken, Map.of("what", what, "reasons", "Because", "addressedTo",
                    "The manager")).json().get("id").asString();
        }

        List<Kind> kinds() {
            UUID b = UUID.fromString(concernB);
            return List.of(
                    new Kind("anonymous concerns", "concerns_concern",
                            "author_id is null and group_id = '" + groupId + "'",
                            row -> byText.get(row.get("title"))),
                    new Kind("anonymous co-signatures", "concerns_cosign", "concern_id = '" + b + "'",
                            row -> byTag.get(row.get("tag"))),
                    new Kind("anonymous comments", "concerns_comment",
                            "author_id is null and concern_id = '" + concernA + "'",
                            row -> byText.get(row.get("text"))),
                    new Kind("secret ballots", "decisions_ballot", "proposal_id = '" + secretProposal + "'",
                            row -> byTag.get(row.get("voter"))),
                    new Kind("anonymous support", "demands_supporter", "demand_id = '" + demandAnonymous + "'",
                            row -> byTag.get(row.get("supporter"))),
                    new Kind("anonymous information", "concerns_grievance_info", "added_by is null",
                            row -> byText.get(row.get("text"))),
                    new Kind("survey participants", "surveys_participant", "survey_id = '" + surveyId() + "'",
                            row -> byTag.get(row.get("participant"))),
                    new Kind("survey answers", "surveys_answer", "question_id = '" + questionId() + "'",
                            row -> byNumber.get(((Number) row.get("number")).intValue())),
                    new Kind("messages through a receipt", "concerns_message", "from_author",
                            row -> byText.get(row.get("text"))));
        }

        private UUID surveyId() {
            return UUID.fromString(survey.substring(survey.lastIndexOf('/') + 1));
        }
    }

    /** What the attack achieved: per kind and way of ordering, the agreement with the true order; pairing hits. */
    record Attack(Map<String, Double> agreements, int hits, int tries, int kinds) {

        double maxAgreement() {
            return agreements.values().stream().mapToDouble(Math::abs).max().orElse(0);
        }

        double meanAgreement() {
            return agreements.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double hitRate() {
            return tries == 0 ? 0 : (double) hits / tries;
        }

        @Override
        public String toString() {
            return "hits " + hits + " of " + tries + ", agreements " + agreements;
        }
    }

    Attack attack(World world) {
        Map<String, Double> agreements = new LinkedHashMap<>();
        int hits = 0;
        int tries = 0;
        int kinds = 0;
        Map<Long, UUID> namedTransactions = TestDatabase.isPostgres() ? namedTransactions(world) : Map.of();
        for (Kind kind : world.kinds()) {
            List<Read> all = read(kind.table(), "true");
            List<Read> anonymous = read(kind.table(), kind.anonymous()).stream()
                    .filter(r -> kind.author().apply(r.values()) != null).toList();
            if (anonymous.size() < MEMBERS / 2) {
                continue;
            }
            kinds++;
            Function<Read, Integer> truth = r -> world.order.get(kind.author().apply(r.values()));
            agreements.put(kind.name() + " by place", tau(anonymous, Read::place, truth));
            agreements.put(kind.name() + " in the dump", tau(anonymous, Read::dumpPlace, truth));
            if (TestDatabase.isPostgres()) {
                agreements.put(kind.name() + " by transaction", tau(anonymous, Read::transaction, truth));
            }
            for (String column : anonymous.getFirst().values().keySet()) {
                if (anonymous.stream().allMatch(r -> r.values().get(column) instanceof Number)
                        && !column.equalsIgnoreCase("number")) {
                    agreements.put(kind.name() + " by " + column,
                            tau(anonymous, r -> ((Number) r.values().get(column)).longValue(), truth));
                }
            }
            // pairing: the named row of a member nearest in the same table, and (PostgreSQL) by transaction
            for (Read act : anonymous) {
                UUID author = kind.author().apply(act.values());
                UUID byNeighbour = nearestNamed(all, anonymous, act, world);
                if (byNeighbour != null) {
                    tries++;
                    hits += author.equals(byNeighbour) ? 1 : 0;
                }
                if (!namedTransactions.isEmpty()) {
                    tries++;
                    hits += author.equals(nearest(namedTransactions, act.transaction())) ? 1 : 0;
                }
            }
        }
        return new Attack(agreements, hits, tries, kinds);
    }

    /** The member named by the row nearest to {@code act} in its table that names one of the members. */
    private UUID nearestNamed(List<Read> all, List<Read> anonymous, Read act, World world) {
        Read nearest = null;
        for (Read row : all) {
            if (anonymous.contains(row) || member(row, world) == null) {
                continue;
            }
            if (nearest == null || Math.abs(row.place() - act.place()) < Math.abs(nearest.place() - act.place())) {
                nearest = row;
            }
        }
        return nearest == null ? null : member(nearest, world);
    }

    /** The member a row names: by account id in any column, or by a number ({@code Named 3}) in a text. */
    private static UUID member(Read row, World world) {
        for (Object value : row.values().values()) {
            if (value == null) {
                continue;
            }
            String text = value.toString();
            for (Person member : world.members) {
                if (text.equals(member.id().toString())) {
                    return member.id();
                }
            }
        }
        return null;
    }

    /** Every named row of any table, by transaction: the member it names. */
    private Map<Long, UUID> namedTransactions(World world) {
        Map<Long, UUID> named = new HashMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables where table_schema = 'public'
                and table_type = 'BASE TABLE'""", String.class)) {
            for (Read row : read(table, "true")) {
                UUID member = member(row, world);
                if (member != null) {
                    named.put(row.transaction(), member);
                }
            }
        }
        return named;
    }

    private static UUID nearest(Map<Long, UUID> named, long transaction) {
        long best = Long.MAX_VALUE;
        UUID member = null;
        for (Map.Entry<Long, UUID> entry : named.entrySet()) {
            long distance = Math.abs(entry.getKey() - transaction);
            if (distance < best) {
                best = distance;
                member = entry.getValue();
            }
        }
        return member;
    }

    /** The rows {@code where} picks, as a copy shows them: place in the table, transaction, place in a dump. */
    private List<Read> read(String table, String where) {
        List<Read> rows = new ArrayList<>();
        if (TestDatabase.isPostgres()) {
            // the dump's order is the table's physical order, which ctid gives
            List<Map<String, Object>> raw = jdbc.queryForList("select ctid::text sr_ctid, xmin::text sr_xmin, * from "
                    + table + " where " + where);
            for (Map<String, Object> row : raw) {
                String[] ctid = row.remove("sr_ctid").toString().replaceAll("[()]", "").split(",");
                long place = Long.parseLong(ctid[0]) * 1000 + Long.parseLong(ctid[1]);
                long transaction = Long.parseLong(row.remove("sr_xmin").toString());
                rows.add(new Read(place, transaction, place, row));
            }
        } else {
            List<Map<String, Object>> raw = jdbc
                    .queryForList("select _rowid_ sr_rowid, * from " + table + " where " + where);
            List<Map<String, Object>> dump = jdbc.queryForList("select * from " + table + " where " + where);
            for (Map<String, Object> row : raw) {
                long place = ((Number) row.remove("sr_rowid")).longValue();
                rows.add(new Read(place, 0, dump.indexOf(row), row));
            }
        }
        return rows;
    }

    /** Kendall's tau-b between an ordering of the rows and their true order (0 when either has no order). */
    private static double tau(List<Read> rows, Function<Read, Long> order, Function<Read, Integer> truth) {
        long concordant = 0;
        long discordant = 0;
        long tiedOrder = 0;
        long tiedTruth = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                long a = Long.compare(order.apply(rows.get(i)), order.apply(rows.get(j)));
                long b = Integer.compare(truth.apply(rows.get(i)), truth.apply(rows.get(j)));
                if (a == 0) {
                    tiedOrder++;
                } else if (b == 0) {
                    tiedTruth++;
                } else if (a == b) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double n = concordant + discordant;
        double denominator = Math.sqrt((n + tiedTruth) * (n + tiedOrder));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }

    private static Map<String, Object> draft(String title, boolean anonymous) {
        return new HashMap<>(Map.of("title", title, "details", "What happens", "category", "STAFFING_AND_WORKLOAD",
                "affected", "", "anonymous", anonymous));
    }
}
