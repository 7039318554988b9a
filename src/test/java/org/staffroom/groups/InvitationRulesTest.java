package org.staffroom.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.mail.Mailer;
import org.staffroom.shared.DomainException;
import org.staffroom.support.Api;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class InvitationRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Invitations invitations;

    @Autowired
    Groups groups;

    @Autowired
    Mailer mailer;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRevokedInvitationNoLongerWorks() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Revocation group");
        String code = invitations.create(organiser.id(), groupId, 7, 10).code();
        UUID invitationId = invitations.list(organiser.id(), groupId).getFirst().id();
        invitations.revoke(organiser.id(), groupId, invitationId);
        Person late = fixtures.person("late");
        assertThat(new Api(port).post("/api/v1/invitations/" + code + "/accept", late.token(), null).status())
                .isEqualTo(410);
        assertThat(new WebSession(port).get("/invitations/" + code).status()).isEqualTo(410);
    }

    @Test
    void membersInviteWhenTheGroupAllowsIt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = groups.create(organiser.id(),
                new GroupDetails("Open group", "", "OTHER", "", "", "", false, "", true));
        Person member = fixtures.member(groupId, organiser);
        Api.Response created = new Api(port).post("/api/v1/groups/" + groupId + "/invitations", member.token(),
                Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(catchThrowable(() -> invitations.list(member.id(), groupId)))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void anEmailedInvitationCarriesOnlyTheLink() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Secret Ward Name");
        String address = "colleague-" + UUID.randomUUID() + "@example.org";
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        session.get("/groups/" + groupId + "/invitations");
        assertThat(session.post("/groups/" + groupId + "/invitations/email", Map.of("email", address, "validDays", "7"))
                .status()).isEqualTo(200);
        Mailer.OutboxMessage message = mailer.outbox().stream().filter(m -> m.recipient().equals(address)).findFirst()
                .orElseThrow();
        assertThat(message.body()).contains("/invitations/").doesNotContain("Secret Ward Name")
                .doesNotContain(organiser.displayName());
        assertThat(message.subject()).doesNotContain("Secret");
    }

    private String linkIn(String address) {
        String body = mailer.outbox().stream().filter(m -> m.recipient().equals(address)).reduce((a, b) -> b)
                .orElseThrow().body();
        return body.substring(body.indexOf("/invitations/")).split("\\s")[0];
    }

    /**
     * Whoever holds a shared link must not learn who has an account: asking for a personal link answers the
     * same, byte for byte, for an address with an account and one without; only the mailbox learns which.
     */
    @Test
    void anOpenLinkDoesNotSayWhetherAnAddressHasAnAccount() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Open link group");
        String code = invitations.create(organiser.id(), groupId, 7, 10).code();
        Person existing = fixtures.person("existing");
        String fresh = "fresh-" + UUID.randomUUID() + "@example.org";

        WebSession existingAsks = new WebSession(port);
        WebSession freshAsks = new WebSession(port);
        WebSession.Page forExisting = askForLink(existingAsks, code, existing.email());
        WebSession.Page forFresh = askForLink(freshAsks, code, fresh);
        assertThat(forExisting.status()).isEqualTo(forFresh.status()).isEqualTo(302);
        assertThat(forExisting.location()).isEqualTo(forFresh.location());
        String afterExisting = existingAsks.get("/invitations/" + code).body().replaceAll("value=\"[^\"]*\"", "");
        String afterFresh = freshAsks.get("/invitations/" + code).body().replaceAll("value=\"[^\"]*\"", "");
        assertThat(afterExisting).contains("Check your e-mail").isEqualTo(afterFresh);

        WebSession prober = new WebSession(port);
        prober.get("/invitations/" + code);
        WebSession.Page register = prober.post("/invitations/" + code + "/register",
                Map.of("email", existing.email(), "displayName", "Probe", "password", "a long enough passphrase"));
        assertThat(register.body()).as("an open link registers no one, so it cannot say an address is taken")
                .doesNotContain("cannot be used to create an account");

        // the existing member's personal link: they sign in and join; a stranger's account cannot use it
        String existingLink = linkIn(existing.email());
        Person stranger = fixtures.person("stranger");
        assertThat(new Api(port).post("/api/v1" + existingLink + "/accept", stranger.token(), null).status())
                .as("a personal link works only for its address").isEqualTo(403);
        assertThat(new Api(port).post("/api/v1" + existingLink + "/accept", existing.token(), null).status())
                .isEqualTo(200);

        // the newcomer's: registering with another address is refused, with its own address it works
        String freshLink = linkIn(fresh);
        WebSession newcomer = new WebSession(port);
        newcomer.get(freshLink);
        WebSession.Page wrong = newcomer.post(freshLink + "/register",
                Map.of("email", "someone-else@example.org", "displayName", "Nadia", "password",
                        "a long enough passphrase"));
        assertThat(wrong.body()).contains("aria-invalid=\"true\"").contains("different e-mail address");
        assertThat(newcomer.post(freshLink + "/register",
                Map.of("email", fresh, "displayName", "Nadia", "password", "a long enough passphrase")).status())
                .isEqualTo(302);
        assertThat(invitations.list(organiser.id(), groupId).getFirst().uses()).as("the open link counts both")
                .isEqualTo(2);
    }

    private WebSession.Page askForLink(WebSession visitor, String code, String address) {
        visitor.get("/invitations/" + code);
        return visitor.post("/invitations/" + code + "/personal-link", Map.of("email", address));
    }

    /**
     * A copy of the database does not say who was invited where: the address is sealed, not hashed, so a list
     * of staff addresses hashed one by one finds nothing; and the invitation still works for its address.
     */
    @Test
    void aCopyOfTheDatabaseCannotTellWhoWasInvited() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Sealed invitations " + UUID.randomUUID().toString().substring(0, 6));
        Person invited = fixtures.person("invited");
        invitations.createAndEmail(organiser.id(), groupId, invited.email(), 7);
        String link = linkIn(invited.email());

        String address = invited.email().toLowerCase(java.util.Locale.ROOT);
        String hashed = org.staffroom.shared.SecretTokens.hash(address);
        // the account itself holds the address, as it must
        assertThat(
                DatabaseDump.allRows(jdbc).stream().filter(row -> !row.getFirst().equalsIgnoreCase("identity_account")))
                .as("rows giving away the invited address").noneMatch(row -> row.stream().anyMatch(
                        value -> value.toLowerCase(java.util.Locale.ROOT).contains(address) || value.contains(hashed)));
        assertThat(new Api(port).post("/api/v1" + link + "/accept", invited.token(), null).status()).isEqualTo(200);
    }

    /** An e-mailed invitation (and an approved join request's) works only for the address it was sent to. */
    @Test
    void anEmailedInvitationWorksOnlyForItsAddress() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Bound group");
        Person invited = fixtures.person("invited");
        invitations.createAndEmail(organiser.id(), groupId, invited.email().toUpperCase(), 7);
        String link = linkIn(invited.email().toUpperCase());
        Person thief = fixtures.person("thief");
        assertThat(new Api(port).post("/api/v1" + link + "/accept", thief.token(), null).status()).isEqualTo(403);
        WebSession someoneElse = new WebSession(port);
        someoneElse.get(link);
        assertThat(someoneElse.post(link + "/register", Map.of("email", "thief-" + UUID.randomUUID() + "@example.org",
                "displayName", "Thief", "password", "a long enough passphrase")).status()).isEqualTo(200);
        assertThat(new Api(port).post("/api/v1" + link + "/accept", invited.token(), null).status()).isEqualTo(200);
        assertThat(groups.members(organiser.id(), groupId)).extracting(m -> m.accountId())
                .contains(invited.id()).doesNotContain(thief.id());
    }

    @Test
    void discreetModeShowsOnlyTheNeutralNameInPageTitles() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = groups.create(organiser.id(),
                new GroupDetails("Ward 5 Union Organising", "", "OTHER", "", "", "",
                        false, "Book club", false));
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        for (String path : new String[] {"", "/members", "/settings", "/invitations"}) {
            String title = session.get("/groups/" + groupId + path).body().replaceAll("(?s).*<title>([^<]*)</title>.*",
                    "$1");
            assertThat(title).as(path).contains("Book club").doesNotContain("Union");
        }
    }
}
