package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.mail.Mailer;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class NotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Mailer mailer;

    @Autowired
    ConcernNotifications notifications;

    String signIn(Person person) {
        return new Api(port).signIn(person);
    }

    List<Mailer.OutboxMessage> mailTo(Person person) {
        return mailer.outbox().stream().filter(m -> m.recipient().equals(person.email())).toList();
    }

    @Test
    void membersWhoChoseGetAContentFreeHourlyRoundUpAndNamedAuthorsHearOfReplies() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Mail ward " + UUID.randomUUID().toString().substring(0, 6));
        Person keen = fixtures.member(groupId, organiser);
        Person quiet = fixtures.member(groupId, organiser);
        Person author = fixtures.member(groupId, organiser);
        WebSession keenSession = WebSession.signedIn(port, keen.email(), Fixtures.PASSWORD);
        assertThat(keenSession.get("/account/notifications").status()).isEqualTo(200);
        assertThat(keenSession.post("/account/notifications", Map.of("newConcern", "true", "shared", "true")).status())
                .isEqualTo(302);
        assertThat(keenSession.get("/account/notifications").body())
                .contains("id=\"newConcern\" name=\"newConcern\" value=\"true\" checked");
        notifications.choose(author.id(), new ConcernNotifications.Choices(true, false, true));

        String g = "/api/v1/groups/" + groupId;
        String authorToken = signIn(author);
        String anonymous = api.post(g + "/concerns", authorToken, ConcernsApiTest.draft("Secret worry", true))
                .json().get("id").asString();
        String named = api.post(g + "/concerns", authorToken, ConcernsApiTest.draft("Open worry", false))
                .json().get("id").asString();
        assertThat(mailTo(keen)).as("nothing at the moment a concern is raised").isEmpty();

        fixtures.release();
        assertThat(mailTo(keen)).hasSize(1);
        assertThat(mailTo(author)).as("the anonymous author is not left out, which would give them away").hasSize(1);
        assertThat(mailTo(quiet)).isEmpty();
        Mailer.OutboxMessage message = mailTo(keen).getFirst();
        assertThat(message.subject() + message.body()).as("the link names no group and no concern: just the site")
                .doesNotContain(groupId.toString()).doesNotContain("/groups/").contains("Sign in to see it")
                .doesNotContain("worry").doesNotContain(anonymous).doesNotContain("Mail ward");
        assertThat(message.createdAt()).as("sent, and dated, on the hour")
                .isAfter(java.time.OffsetDateTime.now())
                .satisfies(at -> assertThat(at.getMinute() + at.getSecond() + at.getNano()).isZero());
        fixtures.release();
        assertThat(mailTo(keen)).as("once").hasSize(1);

        for (int i = 0; i < 3; i++) {
            api.post(g + "/concerns/" + named + "/cosign", signIn(fixtures.member(groupId, organiser)),
                    Map.of("anonymous", true));
        }
        assertThat(mailTo(keen)).hasSize(1);
        fixtures.release();
        assertThat(mailTo(keen)).as("shared by many, in the round-up").hasSize(2);

        String organiserToken = signIn(organiser);
        api.post(g + "/concerns/" + named + "/messages", organiserToken, Map.of("text", "We will raise it Monday"));
        assertThat(mailTo(author)).as("a named author who chose replies hears, on the hour").hasSize(2);
        assertThat(mailTo(author)).allSatisfy(m -> assertThat(m.body()).doesNotContain("Monday")
                .doesNotContain(named).doesNotContain(groupId.toString()));
        api.post(g + "/concerns/" + anonymous + "/messages", organiserToken, Map.of("text", "Tell us more"));
        assertThat(mailTo(author)).as("nobody can be told about a reply to an anonymous concern").hasSize(2);
    }
}
