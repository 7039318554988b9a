package org.staffroom.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The journal's API stores what the browser encrypted and hands it back only to whom it belongs: the
 * owner, the colleague holding a witness link, the chosen rep until the share is revoked. The ciphertext
 * here is random bytes: the server must neither need nor be able to read it.
 */
@IntegrationTest
class JournalApiTest {

    static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Journal journal;

    @Autowired
    org.staffroom.identity.Accounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.staffroom.groups.Groups groups;

    static String bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Map<String, Object> keyring() {
        return Map.of("kdf", "PBKDF2-SHA-256", "iterations", 600_000, "salt", bytes(16), "wrappedKey", bytes(60),
                "recoverySalt", bytes(16), "recoveryWrappedKey", bytes(60), "publicKey", bytes(422),
                "wrappedPrivateKey", bytes(1800));
    }

    static Map<String, Object> ciphertext() {
        return Map.of("iv", bytes(12), "data", bytes(300));
    }

    static Map<String, Object> sealed() {
        return Map.of("key", bytes(384), "iv", bytes(12), "data", bytes(200));
    }

    Person withJournal(Api api) {
        Person person = fixtures.person("writer");
        assertThat(api.post("/api/v1/journal/keyring", person.token(), keyring()).status()).isEqualTo(201);
        return person;
    }

    @Test
    void keepsEveryVersionOfAnEntryAndRefusesAnEditFromAStaleVersion() {
        Api api = new Api(port);
        Person writer = fixtures.person("writer");
        assertThat(api.get("/api/v1/journal/keyring", writer.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/journal/entries", writer.token(), ciphertext()).status())
                .as("no journal yet").isEqualTo(409);
        Map<String, Object> keyring = keyring();
        assertThat(api.post("/api/v1/journal/keyring", writer.token(), keyring).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/journal/keyring", writer.token(), keyring()).status()).isEqualTo(409);
        JsonNode stored = api.get("/api/v1/journal/keyring", writer.token()).json();
        assertThat(stored.get("wrappedKey").asString()).isEqualTo(keyring.get("wrappedKey"));

        Map<String, Object> first = ciphertext();
        Api.Response written = api.post("/api/v1/journal/entries", writer.token(), first);
        assertThat(written.status()).isEqualTo(201);
        String id = written.json().get("id").asString();
        Map<String, Object> second = ciphertext();
        Api.Response edited = api.put("/api/v1/journal/entries/" + id, writer.token(),
                Map.of("after", 1, "iv", second.get("iv"), "data", second.get("data")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        Api.Response stale = api.put("/api/v1/journal/entries/" + id, writer.token(),
                Map.of("after", 1, "iv", bytes(12), "data", bytes(100)));
        assertThat(stale.status()).isEqualTo(409);

        JsonNode entries = api.get("/api/v1/journal/entries", writer.token()).json();
        assertThat(entries).hasSize(1);
        JsonNode versions = entries.get(0).get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("data").asString()).isEqualTo(first.get("data"));
        assertThat(versions.get(1).get("data").asString()).isEqualTo(second.get("data"));
        assertThat(OffsetDateTime.parse(versions.get(1).get("writtenAt").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(versions.get(0).get("writtenAt").asString()));

        Person other = withJournal(api);
        assertThat(api.get("/api/v1/journal/entries", other.token()).json()).isEmpty();
        assertThat(api.put("/api/v1/journal/entries/" + id, other.token(),
                Map.of("after", 2, "iv", bytes(12), "data", bytes(100))).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/journal/entries", writer.token()).json().get(0).get("versions")).hasSize(2);
    }

    @Test
    void refusesWhatIsNotCiphertextOfTheRightShapeWithAFieldAndSavesNothing() {
        Api api = new Api(port);
        Person writer = fixtures.person("writer");
        Map<String, Object> weak = new java.util.HashMap<>(keyring());
        weak.put("iterations", 1000);
        Api.Response refused = api.post("/api/v1/journal/keyring", writer.token(), weak);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("iterations");
        assertThat(api.get("/api/v1/journal/keyring", writer.token()).status()).isEqualTo(404);

        api.post("/api/v1/journal/keyring", writer.token(), keyring());
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("iv", bytes(16), "data", bytes(10)),
                Map.of("iv", bytes(12), "data", "this is not base64!"),
                Map.of("iv", bytes(12), "data", "plain words that a browser never sent"),
                Map.of("iv", bytes(12), "data", bytes(46_000)),
                Map.of("iv", bytes(12)))) {
            Api.Response answer = api.post("/api/v1/journal/entries", writer.token(), bad);
            assertThat(answer.status()).as(bad.keySet().toString()).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isIn("iv", "data");
        }
        assertThat(api.postRaw("/api/v1/journal/entries", writer.token(), "application/json", "{\"iv\":").status())
                .isEqualTo(400);
        Api.Response future = api.post("/api/v1/journal/entries/restored", writer.token(), Map.of("versions", List.of(
                Map.of("writtenAt", "2020-01-02T10:00:00Z", "iv", bytes(12), "data", bytes(40)),
                Map.of("writtenAt", OffsetDateTime.now().plusDays(3).toString(), "iv", bytes(12), "data", bytes(40)))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/journal/entries", writer.token()).json()).as("nothing half-saved").isEmpty();

        Api.Response restored = api.post("/api/v1/journal/entries/restored", writer.token(), Map.of("versions", List.of(
                Map.of("writtenAt", "2020-01-02T10:00:00Z", "iv", bytes(12), "data", bytes(40)))));
        assertThat(restored.status()).isEqualTo(201);
        assertThat(OffsetDateTime.parse(restored.json().get("versions").get(0).get("writtenAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2020-01-02T10:00:00Z").toInstant());
        assertThat(restored.json().get("importedAt").isNull()).isFalse();
    }

    @Test
    void aWitnessLinkWorksForAnotherAccountOnceAndNotForItsAuthor() {
        Api api = new Api(port);
        Person author = withJournal(api);
        String entryId = api.post("/api/v1/journal/entries", author.token(), ciphertext()).json().get("id").asString();
        Map<String, Object> summary = ciphertext();
        Api.Response asked = api.post("/api/v1/journal/witnesses", author.token(),
                Map.of("entryId", entryId, "iv", summary.get("iv"), "data", summary.get("data")));
        assertThat(asked.status()).isEqualTo(201);
        String token = asked.json().get("token").asString();

        assertThat(api.get("/api/v1/journal/witness-requests/" + token, author.token()).status()).isEqualTo(403);
        Person colleague = fixtures.person("colleague");
        JsonNode request = api.get("/api/v1/journal/witness-requests/" + token, colleague.token()).json();
        assertThat(request.get("summary").asString()).isEqualTo(summary.get("data"));
        assertThat(request.get("authorName").asString()).isEqualTo(author.displayName());
        assertThat(request.get("authorPublicKey").asString())
                .isEqualTo(api.get("/api/v1/journal/keyring", author.token()).json().get("publicKey").asString());
        assertThat(api.get("/api/v1/journal/witness-requests/" + token + "x", colleague.token()).status())
                .isEqualTo(404);

        Map<String, Object> confirmation = sealed();
        assertThat(api.post("/api/v1/journal/witness-requests/" + token, colleague.token(), confirmation).status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/journal/witness-requests/" + token, fixtures.person("late").token(), sealed())
                .status()).isEqualTo(409);
        JsonNode witnesses = api.get("/api/v1/journal/witnesses", author.token()).json();
        assertThat(witnesses).hasSize(1);
        assertThat(witnesses.get(0).get("witnessName").asString()).isEqualTo(colleague.displayName());
        assertThat(witnesses.get(0).get("confirmation").get("data").asString()).isEqualTo(confirmation.get("data"));
        assertThat(api.get("/api/v1/journal/witnesses", colleague.token()).json()).isEmpty();

        String withdrawn = witnesses.get(0).get("id").asString();
        assertThat(api.delete("/api/v1/journal/witnesses/" + withdrawn, colleague.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/journal/witnesses/" + withdrawn, author.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/journal/witness-requests/" + token, colleague.token()).status()).isEqualTo(404);
    }

    @Test
    void entriesAreSharedOnlyWithAnOrganiserOfTheAuthorsGroupsAndRevokingRemovesThem() {
        Api api = new Api(port);
        Person rep = withJournal(api);
        api.put("/api/v1/journal/receiving", rep.token(), Map.of("receivesShares", true)).ok();
        UUID groupId = fixtures.group(rep, "Journal shares " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, rep);
        api.post("/api/v1/journal/keyring", author.token(), keyring());
        Person stranger = withJournal(api);
        String entryId = api.post("/api/v1/journal/entries", author.token(), ciphertext()).json().get("id").asString();

        JsonNode reps = api.get("/api/v1/journal/reps", author.token()).json();
        assertThat(reps).hasSize(1);
        assertThat(reps.get(0).get("accountId").asString()).isEqualTo(rep.id().toString());
        Map<String, Object> sealed = new java.util.HashMap<>(sealed());
        sealed.put("entryId", entryId);
        Api.Response toStranger = api.post("/api/v1/journal/shares", author.token(),
                Map.of("repId", stranger.id().toString(), "entries", List.of(sealed)));
        assertThat(toStranger.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/journal/shared-with-me", stranger.token()).json()).isEmpty();

        Person otherMember = fixtures.member(groupId, rep);
        api.post("/api/v1/journal/keyring", otherMember.token(), keyring());
        String notTheirs = api.post("/api/v1/journal/entries", otherMember.token(), ciphertext()).json().get("id")
                .asString();
        Map<String, Object> someoneElses = new java.util.HashMap<>(sealed());
        someoneElses.put("entryId", notTheirs);
        assertThat(api.post("/api/v1/journal/shares", author.token(),
                Map.of("repId", rep.id().toString(), "entries", List.of(sealed, someoneElses))).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/journal/shared-with-me", rep.token()).json()).as("nothing half-saved").isEmpty();

        Api.Response shared = api.post("/api/v1/journal/shares", author.token(),
                Map.of("repId", rep.id().toString(), "entries", List.of(sealed)));
        assertThat(shared.status()).isEqualTo(201);
        JsonNode received = api.get("/api/v1/journal/shared-with-me", rep.token()).json();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("authorName").asString()).isEqualTo(author.displayName());
        assertThat(received.get(0).get("entries").get(0).get("data").asString()).isEqualTo(sealed.get("data"));
        String shareId = shared.json().get("id").asString();
        assertThat(api.delete("/api/v1/journal/shares/" + shareId, rep.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/journal/shares/" + shareId, author.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/journal/shared-with-me", rep.token()).json()).isEmpty();
        assertThat(api.get("/api/v1/journal/shares", author.token()).json()).isEmpty();
    }

    /**
     * Whether someone keeps a journal is theirs to tell: a member without a journal learns nothing about the
     * organisers', and a member with one sees only the organisers who chose to receive shares.
     */
    @Test
    void membersSeeOnlyTheRepsWhoChoseToReceiveSharesAndOnlyWhenTheyKeepAJournal() {
        Api api = new Api(port);
        Person keeper = withJournal(api);
        UUID groupId = fixtures.group(keeper, "Journal reps " + UUID.randomUUID().toString().substring(0, 6));
        Person receiver = fixtures.member(groupId, keeper);
        groups.changeRole(keeper.id(), groupId, receiver.id(), org.staffroom.groups.Role.ORGANISER);
        api.post("/api/v1/journal/keyring", receiver.token(), keyring()).ok();
        Person member = fixtures.member(groupId, keeper);

        Api.Response withoutJournal = api.get("/api/v1/journal/reps", member.token());
        assertThat(withoutJournal.status()).as("no journal, nothing to share, nothing told").isEqualTo(409);
        assertThat(withoutJournal.body()).doesNotContain(keeper.displayName()).doesNotContain(receiver.displayName());
        api.post("/api/v1/journal/keyring", member.token(), keyring()).ok();
        assertThat(api.get("/api/v1/journal/reps", member.token()).json()).as("nobody chose to receive").isEmpty();
        assertThat(api.get("/api/v1/journal/receiving", receiver.token()).json().get("receivesShares").asBoolean())
                .isFalse();

        assertThat(api.put("/api/v1/journal/receiving", receiver.token(), Map.of("receivesShares", true)).ok().json()
                .get("receivesShares").asBoolean()).isTrue();
        JsonNode reps = api.get("/api/v1/journal/reps", member.token()).json();
        assertThat(reps.valueStream().map(rep -> rep.get("accountId").asString()))
                .containsExactly(receiver.id().toString());
        String entryId = api.post("/api/v1/journal/entries", member.token(), ciphertext()).json().get("id").asString();
        Map<String, Object> sealed = new java.util.HashMap<>(sealed());
        sealed.put("entryId", entryId);
        assertThat(api.post("/api/v1/journal/shares", member.token(), Map.of("repId", keeper.id().toString(),
                "entries", List.of(sealed))).status()).as("not to an organiser who did not choose to receive")
                .isEqualTo(400);

        api.put("/api/v1/journal/receiving", receiver.token(), Map.of("receivesShares", false)).ok();
        assertThat(api.get("/api/v1/journal/reps", member.token()).json()).isEmpty();
        assertThat(api.put("/api/v1/journal/receiving", member.token(), Map.of()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/journal/receiving", fixtures.person("nobody").token()).status()).isEqualTo(409);
    }

    @Test
    void aDeletedAccountsJournalGoesWithIt() {
        Api api = new Api(port);
        Person writer = withJournal(api);
        api.post("/api/v1/journal/entries", writer.token(), ciphertext());
        accounts.delete(writer.id(), Fixtures.PASSWORD);
        assertThat(journal.keyring(writer.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from journal_entry where account_id = ?").param(writer.id())
                .query(Integer.class).single()).isZero();
    }
}
