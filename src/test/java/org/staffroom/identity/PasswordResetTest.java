package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.mail.Mailer;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class PasswordResetTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Mailer mailer;

    @Test
    void aResetLinkArrivesByEmailWorksOnceAndEndsOtherSessions() {
        Person person = fixtures.person("nurse");
        WebSession other = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);

        WebSession visitor = new WebSession(port);
        visitor.get("/password-reset");
        WebSession.Page asked = visitor.post("/password-reset", Map.of("email", person.email().toUpperCase()));
        assertThat(asked.status()).isEqualTo(200);

        Mailer.OutboxMessage message = mailer.outbox().stream().filter(m -> m.recipient().equals(person.email()))
                .findFirst().orElseThrow();
        assertThat(message.body()).doesNotContain(person.displayName());
        String path = message.body().substring(message.body().indexOf("/password-reset/")).split("\\s")[0];

        assertThat(visitor.get(path).status()).isEqualTo(200);
        WebSession.Page tooShort = visitor.post(path, Map.of("newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(tooShort.body()).contains("aria-invalid=\"true\"");
        WebSession.Page done = visitor.post(path, Map.of("newPassword", "an entirely new passphrase"));
        assertThat(done.status()).isEqualTo(302);

        assertThat(visitor.get(path).status()).isEqualTo(410);
        assertThat(other.get("/account").status()).isEqualTo(302);
        assertThat(new WebSession(port).signIn(person.email(), "an entirely new passphrase").location())
                .doesNotContain("error");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() {
        Person person = fixtures.person("nurse");
        WebSession visitor = new WebSession(port);
        visitor.get("/password-reset");
        String known = visitor.post("/password-reset", Map.of("email", person.email())).body();
        String unknown = visitor
                .post("/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org")).body();
        assertThat(known).contains("If that address has an account, we have sent a link");
        assertThat(strip(known)).isEqualTo(strip(unknown));
    }

    @Test
    void oneAccountGetsAFewLinksAnHourHoweverManyAskAndTheAnswerNeverChanges() {
        Person person = fixtures.person("nurse");
        String first = null;
        for (int i = 0; i < 6; i++) {
            WebSession visitor = new WebSession(port, ClientAddresses.next()); // from six addresses
            visitor.get("/password-reset");
            WebSession.Page answer = visitor.post("/password-reset", Map.of("email", person.email()));
            assertThat(answer.status()).isEqualTo(200);
            first = first == null ? strip(answer.body()) : first;
            assertThat(strip(answer.body())).as("the throttle is silent").isEqualTo(first);
        }
        assertThat(mailer.outbox().stream().filter(m -> m.recipient().equals(person.email())).count())
                .as("links mailed to the account in the hour").isEqualTo(3);
    }

    @Test
    void oneClientCannotFloodColleaguesMailboxes() {
        WebSession visitor = new WebSession(port, ClientAddresses.next());
        visitor.get("/password-reset");
        java.util.List<Person> colleagues = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person colleague = fixtures.person("nurse");
            colleagues.add(colleague);
            assertThat(visitor.post("/password-reset", Map.of("email", colleague.email())).body())
                    .contains("If that address has an account, we have sent a link");
        }
        assertThat(
                colleagues.stream().filter(c -> mailer.outbox().stream().anyMatch(m -> m.recipient().equals(c.email())))
                        .count())
                .as("ten requests an hour from one client").isEqualTo(10);
    }

    /** The pages differ only in their CSRF token. */
    private static String strip(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("value=\"[^\"]*@example.org\"", "");
    }
}
