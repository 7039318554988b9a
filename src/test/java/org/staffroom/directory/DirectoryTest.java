package org.staffroom.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class DirectoryTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Groups groups;

    @Autowired
    JoinRequests joinRequests;

    @Autowired
    Directory directory;

    @Autowired
    org.staffroom.mail.Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    String unique() {
        return "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    List<String> names(Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("groups").valueStream().map(g -> g.get("name").asString()).toList();
    }

    @Test
    void searchFindsListedGroupsByWordsAreaEmployerProfessionAndSectorButNeverHiddenOnes() {
        Person organiser = fixtures.person("organiser");
        String word = unique();
        groups.create(organiser.id(),
                new GroupDetails(word + " Community Team", "Severn Mental Health Trust", "NHS_TRUST",
                        "Psychological well-being practitioners", "BS34", "Supervision and training", true, "", false));
        groups.create(organiser.id(),
                new GroupDetails(word + " Home Care", "Riverside Care Ltd", "PRIVATE_CARE_PROVIDER",
                        "Home care workers", "BS5", "Paid travel time", true, "", false));
        groups.create(organiser.id(), new GroupDetails(word + " Secret Team", "Severn Mental Health Trust", "NHS_TRUST",
                "Nurses", "BS34", "Not listed", false, "", false));
        Api api = new Api(port);

        assertThat(names(api.get("/api/v1/directory/groups?q=" + word.toLowerCase(), null)))
                .containsExactlyInAnyOrder(word + " Community Team", word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "+supervis", null)))
                .containsExactly(word + " Community Team");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&area=bs5", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&employer=severn", null)))
                .containsExactly(word + " Community Team");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&profession=care", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&sector=PRIVATE_CARE_PROVIDER", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "+secret", null))).isEmpty();
    }

    @Test
    void searchAgreesWithCheckingEveryListingAndListsByName() {
        Person organiser = fixtures.person("organiser");
        String word = unique().toLowerCase(Locale.ROOT);
        String[] names = {"Care", "Ward", "Bank", "Team", "Care home", "Agency nurses"};
        String[] employers = {"Severn Trust", "Riverside Care", "Severnside Council"};
        String[] professions = {"Nurses", "Care workers", "Porters and nurses"};
        String[] areas = {"BS1", "BS15", "BA2"};
        Random random = new Random(7);
        for (int i = 0; i < 24; i++) {
            groups.create(organiser.id(), new GroupDetails(word + " " + names[random.nextInt(names.length)] + " " + i,
                    employers[random.nextInt(3)], i % 3 == 0 ? "CHARITY" : "NHS_TRUST", professions[random.nextInt(3)],
                    areas[random.nextInt(3)], i % 2 == 0 ? "Safe staffing" : "Paid travel", true, "", false));
        }
        List<Listing> all = jdbc.sql("select group_id from directory_listing").query(UUID.class).list().stream()
                .map(directory::listing).filter(l -> l.name().startsWith(word)).toList();
        String[] qs = {"", "care", "car", "nurs", "staff", "travel bank", "agency care", "zzz"};
        String[] filters = {"", "bs1", "bs15", "ba"};
        String[] employerWords = {"", "severn", "severnside", "river"};
        String[] professionWords = {"", "nurses", "care work", "porter"};
        for (int n = 0; n < 60; n++) {
            SearchQuery query = new SearchQuery((word + " " + qs[random.nextInt(qs.length)]).strip(),
                    filters[random.nextInt(4)], employerWords[random.nextInt(4)], professionWords[random.nextInt(4)],
                    random.nextBoolean() ? "" : "CHARITY", 0);
            List<String> expected = all.stream().filter(l -> matches(l, query)).map(Listing::name).sorted().toList();
            List<String> found = directory.search(query).listings().stream().map(Listing::name).toList();
            assertThat(found).as(query.toString()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(found).as("listed by name").isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        }
    }

    /**
     * The rule, written plainly: each word starts a word of its field, except that a postcode district must
     * be a whole word; the sector is the one asked for. (These words have no town or job synonyms.)
     */
    private static boolean matches(Listing listing, SearchQuery query) {
        String any = String.join(" ", listing.name(), listing.employer(), listing.professions(), listing.area(),
                listing.description());
        return startsWords(any, query.q()) && startsWords(listing.area(), query.area())
                && startsWords(listing.employer(), query.employer())
                && startsWords(listing.professions(), query.profession())
                && (query.sector().isEmpty() || listing.sector().name().equals(query.sector()));
    }

    private static boolean startsWords(String text, String words) {
        List<String> textWords = List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        return List.of(words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).allMatch(w -> textWords.stream()
                        .anyMatch(t -> w.matches("[a-z]{1,2}[0-9][a-z0-9]?") ? t.equals(w) : t.startsWith(w)));
    }

    @Test
    void anotherServersIndexPicksUpChangesFromTheDatabase() {
        DirectoryIndex otherServer = new DirectoryIndex(jdbc, 1000, Clock.systemUTC());
        otherServer.rebuild();
        Person organiser = fixtures.person("organiser");
        String word = unique().toLowerCase(Locale.ROOT);
        List<DirectoryIndex.Clause> search = List.of(anywhere(word));
        UUID groupId = fixtures.group(organiser, word + " Ward");
        assertThat(otherServer.search(search, null, 0, 20).ids()).as("not read yet").isEmpty();
        otherServer.readChanges();
        assertThat(otherServer.search(search, null, 0, 20).ids()).containsExactly(groupId);

        groups.update(organiser.id(), groupId,
                new GroupDetails(word + " Ward", "", "OTHER", "", "", "", false, "", false));
        otherServer.readChanges();
        assertThat(otherServer.search(search, null, 0, 20).ids()).isEmpty();

        groups.update(organiser.id(), groupId,
                new GroupDetails(word + " Ward", "", "OTHER", "", "", "", true, "", false));
        otherServer.rebuild();
        assertThat(otherServer.search(search, null, 0, 20).ids()).containsExactly(groupId);
    }

    @Test
    void aListingCommittedAfterALaterOneIsStillPickedUp() throws Exception {
        DirectoryIndex index = new DirectoryIndex(jdbc, 1000, Clock.systemUTC());
        index.rebuild();
        String slow = unique().toLowerCase(Locale.ROOT);
        String fast = unique().toLowerCase(Locale.ROOT);
        UUID slowId = UUID.randomUUID();
        UUID fastId = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread slowTransaction = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
            insertListing(slowId, slow);
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        written.await();
        insertListing(fastId, fast);
        index.readChanges();
        assertThat(index.search(List.of(anywhere(fast)), null, 0, 20).ids())
                .containsExactly(fastId);
        commit.countDown();
        slowTransaction.join();
        index.readChanges();
        assertThat(index.search(List.of(anywhere(slow)), null, 0, 20).ids())
                .as("numbered before the fast one, committed after it").containsExactly(slowId);
    }

    private static DirectoryIndex.Clause anywhere(String word) {
        return DirectoryIndex.Clause.of(DirectoryIndex.Word.prefix(DirectoryIndex.Field.ANY, word));
    }

    private void insertListing(UUID id, String word) {
        jdbc.sql("""
                insert into directory_listing (group_id, name, employer, sector, professions, area, description)
                values (?, ?, '', 'OTHER', '', '', '')""").params(id, word + " team").update();
        jdbc.sql("insert into directory_change (group_id) values (?)").param(id).update();
    }

    @Test
    void hidingAGroupRemovesItFromTheDirectoryAtOnce() {
        Person organiser = fixtures.person("organiser");
        String word = unique();
        UUID groupId = fixtures.group(organiser, word + " Ward");
        Api api = new Api(port);
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word, null))).hasSize(1);
        groups.update(organiser.id(), groupId,
                new GroupDetails(word + " Ward", "", "OTHER", "", "", "", false, "", false));
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word, null))).isEmpty();
        assertThat(api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "A", "contact", "a@example.org")).status()).isEqualTo(404);
    }

    @Test
    void badSearchInputIs400() {
        Api api = new Api(port);
        assertThat(api.get("/api/v1/directory/groups?sector=MOON", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?q=" + "x".repeat(101), null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?page=-1", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?page=abc", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?q=%27%3B+drop+table+groups_group%3B--", null).status())
                .isEqualTo(200);
    }

    @Test
    void aJoinRequestIsKeptOnlyUntilAnOrganiserHandlesIt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, unique() + " Team");
        Api api = new Api(port);
        Response sent = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "Robin Applicant", "contact", "robin@example.org", "message", "Please let me in"));
        assertThat(sent.status()).isEqualTo(201);
        UUID requestId = UUID.fromString(sent.json().get("id").asString());
        assertThat(mailer.outbox()).anySatisfy(message -> {
            assertThat(message.recipient()).isEqualTo(organiser.email());
            assertThat(message.body()).as("a work mailbox must not show who organises which group")
                    .doesNotContain(groupId.toString()).doesNotContain("join-requests")
                    .doesNotContain("Robin").doesNotContain("Team");
            assertThat(message.createdAt()).as("due on the hour, not at the moment of the request")
                    .isAfter(java.time.OffsetDateTime.now());
        });

        Response invalid = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "", "contact", "x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Person member = fixtures.member(groupId, organiser);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> joinRequests.pending(member.id(), groupId)))
                .isInstanceOf(org.staffroom.shared.DomainException.Forbidden.class);

        assertThat(joinRequests.pending(organiser.id(), groupId)).extracting(JoinRequests.JoinRequest::name)
                .containsExactly("Robin Applicant");
        assertThat(jdbc.sql(
                "select count(*) from audit_event where group_id = ? and kind = 'JOIN_REQUESTS_VIEWED' and actor_id = ?")
                .params(groupId, organiser.id()).query(Long.class).single()).isEqualTo(1);
        JoinRequests.Approval approval = joinRequests.approve(organiser.id(), groupId, requestId);
        assertThat(approval.emailed()).isTrue();
        assertThat(jdbc.sql("select count(*) from directory_join_request where id = ?").param(requestId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where group_id = ? and kind = 'JOIN_REQUEST_APPROVED'")
                .param(groupId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void joinRequestsAreThrottledPerClient() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, unique() + " Busy Team");
        Api api = new Api(port, ClientAddresses.next());
        Map<String, String> body = new HashMap<>(Map.of("name", "Spammer", "contact", "spam@example.org"));
        int throttled = 0;
        for (int i = 0; i < IntegrationTest.JOIN_REQUESTS_PER_HOUR + 2; i++) {
            Response response = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null, body);
            if (response.status() == 429) {
                throttled++;
                JsonNode problem = response.json();
                assertThat(problem.get("detail").asString()).isNotBlank();
            }
        }
        assertThat(throttled).isEqualTo(2);
        assertThat(new Api(port).post("/api/v1/directory/groups/" + groupId + "/join-requests", null, body).status())
                .isEqualTo(201);
    }
}
