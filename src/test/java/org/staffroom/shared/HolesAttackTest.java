package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
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
import org.staffroom.surveys.Responses;

/**
 * An attacker with a logical copy of the database who looks not at the anonymous rows but at where they were:
 * the job takes each waiting row away from the place its request wrote it, and the hole it leaves (a free line
 * pointer in PostgreSQL's page, a missing row number in H2) stands right after the named row of whoever acted
 * just before — the anonymous actor, when members act by name and then anonymously. Half the members, drawn
 * at random, also act anonymously (concerns, comments, secret ballots, information for a grievance); the attacker names as anonymous actors the members whose named rows stand
 * before a hole, and must do no better than chance at telling the two halves apart.
 */
@IntegrationTest
class HolesAttackTest {

    private static final int MEMBERS = 30;
    /**
     * Telling who acted anonymously from who did not: half right by chance, and 90% (three mistakes in 30) about
     * once in a hundred thousand tries; where the holes still stood after the named rows, the attack told all 30.
     */
    private static final double MOST_ACCURACY = 0.9;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnonymousTags tags;

    @Autowired
    Responses responses;

    /** One table: its named rows by the member they name (the column holding the account), for this group's rows. */
    record Named(String table, String member, String where) {
    }

    @Test
    void theHolesTheJobLeavesSayNothingOfWhoActedAnonymously() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Holes ward " + UUID.randomUUID().toString().substring(0, 6));
        String g = "/api/v1/groups/" + groupId;
        String organiserToken = api.signIn(organiser);
        String concern = api
                .post(g + "/concerns", organiserToken, Map.of("title", "Broken hoist", "details", "Since May",
                        "category", "OTHER", "affected", "", "anonymous", false))
                .ok().json().get("id").asString();
        String grievance = api.post(g + "/concerns/" + concern + "/grievance", organiserToken, Map.of()).ok().json()
                .get("id").asString();
        String open = proposal(api, g, organiserToken, false);
        String secret = proposal(api, g, organiserToken, true);
        if (TestDatabase.isPostgres()) {
            // a table of some size, as a year's use makes it: on one of more than about a hundred pages a vacuum
            // skips the indexes when few pages have dead rows, and leaves dead line pointers behind
            String filler = proposal(api, g, organiserToken, false);
            jdbc.update("""
                    insert into decisions_ballot (proposal_id, voter, content, released, fresh)
                    select ?, 'filler ' || n, 'YES', true, false from generate_series(1, 30000) n""",
                    UUID.fromString(filler));
            jdbc.execute("vacuum analyze decisions_ballot");
        }
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(fixtures.member(groupId, organiser));
        }
        Random random = new Random(11);
        Set<UUID> anonymous = new HashSet<>();
        while (anonymous.size() < MEMBERS / 2) {
            anonymous.add(members.get(random.nextInt(MEMBERS)).id());
        }
        for (Person member : members) {
            String token = api.signIn(member);
            boolean alsoAnonymously = anonymous.contains(member.id());
            api.post(g + "/concerns/" + concern + "/comments", token, Map.of("text", "Named", "anonymous", false)).ok();
            if (alsoAnonymously) {
                api.post(g + "/concerns/" + concern + "/comments", token, Map.of("text", "Anon", "anonymous", true))
                        .ok();
            }
            api.post(g + "/concerns", token, Map.of("title", "Named", "details", "Rota", "category", "OTHER",
                    "affected", "", "anonymous", false)).ok();
            if (alsoAnonymously) {
                api.post(g + "/concerns", token, Map.of("title", "Anon", "details", "Rota", "category", "OTHER",
                        "affected", "", "anonymous", true)).ok();
            }
            api.post(g + "/proposals/" + open + "/ballots", token, Map.of("answer", "YES")).ok();
            if (alsoAnonymously) {
                api.post(g + "/proposals/" + secret + "/ballots", token, Map.of("answer", "NO")).ok();
            }
            api.post(g + "/grievances/" + grievance + "/information", token,
                    Map.of("kind", "POLICY", "text", "Named", "link", "", "anonymous", false)).ok();
            if (alsoAnonymously) {
                api.post(g + "/grievances/" + grievance + "/information", token,
                        Map.of("kind", "EVIDENCE", "text", "Anon", "link", "", "anonymous", true)).ok();
            }
        }
        List<Named> tables = List.of(new Named("concerns_concern", "author_id", "group_id = '" + groupId + "'"),
                new Named("concerns_comment", "author_id", "concern_id = '" + concern + "'"),
                new Named("decisions_ballot", "voter", "proposal_id in ('" + open + "', '" + secret + "')"),
                new Named("concerns_grievance_info", "added_by", "grievance_id = '" + grievance + "'"));

        // every request above had a transaction number below this one
        long beforeTheJob = TestDatabase.isPostgres()
                ? jdbc.queryForObject("select txid_current()", Long.class) : 0;
        fixtures.release();

        if (TestDatabase.isPostgres()) {
            // adding a child row locks its parent (a foreign key's key share): the parent's xmax would name the
            // request that added an anonymous child, had the job not added it again since
            for (List<String> parent : List.of(List.of("concerns_concern", concern),
                    List.of("decisions_proposal", secret), List.of("concerns_grievance", grievance))) {
                long locked = jdbc.queryForObject("select xmax::text::bigint from " + parent.get(0) + " where id = ?",
                        Long.class, UUID.fromString(parent.get(1)));
                assertThat(locked).as("the transaction that last locked " + parent.get(0)).isGreaterThan(beforeTheJob);
            }
        }
        Set<UUID> all = new HashSet<>(members.stream().map(Person::id).toList());
        for (Named table : tables) {
            Set<UUID> accused = beforeAHole(table, all);
            long right = all.stream().filter(m -> accused.contains(m) == anonymous.contains(m)).count();
            double accuracy = (double) right / MEMBERS;
            System.out.printf("Holes in %s: %d members named before a hole, %.2f told apart%n", table.table(),
                    accused.size(), accuracy);
            assertThat(accuracy).as("who acted anonymously, told from the holes in " + table.table())
                    .isLessThan(MOST_ACCURACY);
            if (TestDatabase.isPostgres()) {
                // nor does a stub or an old version stay where a request wrote a row: a dead line pointer is
                // left when a vacuum skips the indexes, whose entries then still point at the request's places
                assertThat(deadVersions(table.table())).as("dead line pointers and old versions in " + table.table())
                        .isZero();
            }
        }
    }

    /**
     * A member's draft of their survey answers is deleted by the request that sends them: its dead version would
     * keep the transactions that saved it (beside the member's named acts) and that answered. The job clears it.
     */
    @Test
    void aDraftDeletedByTheAnswerLeavesNoDeadVersion() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL keeps dead row versions; H2 does not");
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Draft ward " + UUID.randomUUID().toString().substring(0, 6));
        String surveys = "/api/v1/groups/" + groupId + "/surveys";
        String token = api.signIn(organiser);
        UUID surveyId = UUID
                .fromString(api.post(surveys, token, Map.of("title", "Hours")).ok().json().get("id").asString());
        api.post(surveys + "/" + surveyId + "/questions", token, Map.of("code", "unpaid_hours")).ok();
        api.post(surveys + "/" + surveyId + "/open", token, Map.of("closesOn", LocalDate.now().plusDays(10).toString()))
                .ok();
        UUID question = jdbc.queryForObject("select id from surveys_question where survey_id = ?", UUID.class,
                surveyId);
        for (int i = 0; i < 4; i++) {
            Person member = fixtures.member(groupId, organiser);
            int hours = i;
            tags.actingAs(member.id(), Fixtures.PASSWORD, () -> {
                String device = responses.saveDraft(member.id(), groupId, surveyId, null,
                        Map.of(question.toString(), List.of(String.valueOf(hours))));
                responses.respond(member.id(), groupId, surveyId,
                        Map.of(question, new Responses.Answer(null, hours, null)), device);
                return null;
            });
        }
        assertThat(deadVersions("surveys_draft")).as("the drafts the answers deleted, before the job").isPositive();
        fixtures.mix();
        assertThat(deadVersions("surveys_draft")).as("after the job").isZero();
    }

    /**
     * Dead line pointers and old row versions. A lock a finished transaction left on a live row (its xmax with
     * HEAP_XMAX_LOCK_ONLY, 128) is not a version: adding a child row key-share locks its parent, and the job,
     * writing the waiting children again, is the last to lock a parent of anonymous ones.
     */
    private long deadVersions(String table) {
        jdbc.execute("create extension if not exists pageinspect");
        return jdbc.queryForObject("""
                select count(*) from generate_series(0, pg_relation_size('%1$s') / 8192 - 1) page,
                    heap_page_items(get_raw_page('%1$s', page::int)) t
                where t.lp_flags = 3 or (t.t_xmax <> 0 and t.t_xmax <> t.t_xmin and t.t_infomask & 128 = 0)"""
                .formatted(table), Long.class);
    }

    /** The members whose named row in the table stands right before a place no row holds. */
    private Set<UUID> beforeAHole(Named table, Set<UUID> members) {
        record Place(long page, long line, UUID member) {
        }
        List<Place> places = new ArrayList<>();
        String place = TestDatabase.isPostgres() ? "ctid::text" : "cast(_rowid_ as varchar)";
        for (Map<String, Object> row : jdbc.queryForList("select " + place + " sr_place, " + table.member()
                + " sr_member from " + table.table())) {
            String at = row.get("sr_place").toString().replaceAll("[()]", "");
            String[] parts = at.contains(",") ? at.split(",") : new String[] {"0", at};
            Object member = row.get("sr_member");
            UUID named = null;
            if (member != null && members.contains(UUID.fromString(member.toString().length() == 36
                    ? member.toString() : new UUID(0, 0).toString()))) {
                named = UUID.fromString(member.toString());
            }
            places.add(new Place(Long.parseLong(parts[0]), Long.parseLong(parts[1]), named));
        }
        places.sort(Comparator.comparingLong(Place::page).thenComparingLong(Place::line));
        Set<UUID> accused = new HashSet<>();
        for (int i = 0; i < places.size(); i++) {
            Place here = places.get(i);
            boolean last = i + 1 == places.size();
            Place next = last ? null : places.get(i + 1);
            boolean hole = !last && next.page() == here.page() && next.line() > here.line() + 1;
            if (hole && here.member() != null) {
                accused.add(here.member());
            }
        }
        return accused;
    }

    private static String proposal(Api api, String g, String token, boolean secret) {
        Map<String, Object> draft = new HashMap<>(Map.of("title", secret ? "Secret" : "Open", "details", "",
                "kind", "YES_NO", "secret", secret, "resultsLive", false,
                "closesAt", LocalDateTime.now().plusDays(2).withNano(0).toString()));
        return api.post(g + "/proposals", token, draft).ok().json().get("id").asString();
    }
}
