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

    @Test
    void aRevokedInvitationNoLongerWorks() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Revocation group");
        String code = invitations.create(organiser.id(), groupId, 7, 10).code();
        UUID invitationId = invitations.list(organiser.id(), groupId).getFirst().id();
        invitations.revoke(organiser.id(), groupId, invitationId);
        Person late = fixtures.person("late");
        assertThat(new Api(port).post("/api/v1/invitations/" + code + "/accept", late.token(), null).status()).isEqualTo(410);
        assertThat(new WebSession(port).get("/invitations/" + code).status()).isEqualTo(410);
    }

    @Test
    void membersInviteWhenTheGroupAllowsIt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = groups.create(organiser.id(), new GroupDetails("Open group", "", "OTHER", "", "", "", false, "", true));
        Person member = fixtures.member(groupId, organiser);
        Api.Response created = new Api(port).post("/api/v1/groups/" + groupId + "/invitations", member.token(), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(catchThrowable(() -> invitations.list(member.id(), groupId))).isInstanceOf(DomainException.Forbidden.class);
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
        assertThat(message.body()).contains("/invitations/").doesNotContain("Secret Ward Name").doesNotContain(organiser.displayName());
        assertThat(message.subject()).doesNotContain("Secret");
    }

    @Test
    void discreetModeShowsOnlyTheNeutralNameInPageTitles() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = groups.create(organiser.id(), new GroupDetails("Ward 5 Union Organising", "", "OTHER", "", "", "",
                false, "Book club", false));
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        for (String path : new String[] {"", "/members", "/settings", "/invitations"}) {
            String title = session.get("/groups/" + groupId + path).body().replaceAll("(?s).*<title>([^<]*)</title>.*", "$1");
            assertThat(title).as(path).contains("Book club").doesNotContain("Union");
        }
    }
}
