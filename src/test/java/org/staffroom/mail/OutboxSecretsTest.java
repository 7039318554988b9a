package org.staffroom.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.staffroom.backup.Backups;
import org.staffroom.groups.Groups;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.Jobs;
import org.staffroom.shared.ServerKeys;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * The outbox as an administrator and a copy of the database would use it: a password-reset link waiting
 * there must not sign anyone in but its recipient.
 */
@IntegrationTest
class OutboxSecretsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    Groups groups;

    @Autowired
    Accounts accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    InstanceSettings settings;

    @Autowired
    Clock clock;

    @Autowired
    Jobs jobs;

    @Autowired
    ServerKeys keys;

    @Autowired
    ApplicationEventPublisher events;

    private String askForReset(Person person) {
        WebSession visitor = new WebSession(port);
        visitor.get("/password-reset");
        assertThat(visitor.post("/password-reset", Map.of("email", person.email())).status()).isEqualTo(200);
        String body = mailer.outbox().stream().filter(m -> m.recipient().equals(person.email())).findFirst()
                .orElseThrow().body();
        return body.substring(body.indexOf("/password-reset/")).split("\\s")[0];
    }

    @Test
    void aCopyOfTheDatabaseHoldsNeitherTheLinkNorTheAddress() {
        Person person = fixtures.person("nurse");
        String path = askForReset(person);
        String token = path.substring(path.lastIndexOf('/') + 1);

        List<List<String>> outbox = DatabaseDump.allRows(jdbc).stream()
                .filter(row -> row.getFirst().equalsIgnoreCase("mail_outbox")).toList();
        assertThat(outbox).as("the message waits in the outbox").isNotEmpty();
        assertThat(outbox).allSatisfy(row -> assertThat(String.join(" ", row))
                .doesNotContain(token).doesNotContain(person.email()).doesNotContain("/password-reset/"));
        assertThat(DatabaseDump.allValues(jdbc)).as("no table holds the link")
                .noneMatch(value -> value.contains(token));

        OffsetDateTime expires = jdbc
                .sql("select expires_at from mail_outbox where created_at >= ? order by created_at desc")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)).query(OffsetDateTime.class).list()
                .getFirst();
        assertThat(expires).as("the message goes when its link stops working")
                .isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).plusMinutes(1));

        WebSession visitor = new WebSession(port);
        assertThat(visitor.get(path).status()).as("the recipient's link works").isEqualTo(200);
    }

    @Test
    void withoutSmtpTheAdministratorPassesInvitationsOnButSeesNoResetLink() {
        Person person = fixtures.person("nurse");
        String path = askForReset(person);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Outbox ward " + UUID.randomUUID().toString().substring(0, 6));
        String invited = "invited-" + UUID.randomUUID() + "@example.org";
        WebSession organiserSession = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        organiserSession.get("/groups/" + groupId + "/invitations");
        organiserSession.post("/groups/" + groupId + "/invitations/email", Map.of("email", invited, "validDays", "7"));
        String invitation = mailer.outbox().stream().filter(m -> m.recipient().equals(invited)).findFirst()
                .orElseThrow()
                .body();

        String page = WebSession.signedIn(port, fixtures.administrator().email(), Fixtures.PASSWORD)
                .get("/admin/outbox")
                .body();
        assertThat(page).as("the administrator would sign in as the member with it")
                .doesNotContain(path).doesNotContain(path.substring(path.lastIndexOf('/') + 1))
                .contains(person.email());
        assertThat(page).as("without SMTP the administrator is the post")
                .contains(invitation.substring(invitation.indexOf("/invitations/")).split("\\s")[0]);
    }

    @Test
    void withSmtpTheAdministratorSeesNoLinkAndASentMessageIsGone() throws Exception {
        Person person = fixtures.person("nurse");
        String path = askForReset(person);
        List<SimpleMailMessage> sent = new ArrayList<>();
        Mailer withSmtp = new Mailer(jdbc, groups, accounts, messages, settings, provider(new Recording(sent)),
                "staffroom@localhost", "smtp.invalid", clock, jobs, keys, events);

        List<Mailer.OutboxMessage> page = withSmtp.outbox(fixtures.administrator().id());
        assertThat(page).filteredOn(m -> m.recipient().equals(person.email())).isNotEmpty()
                .allSatisfy(m -> assertThat(m.body()).doesNotContain("/password-reset/").doesNotContain("http")
                        .contains("link hidden"));

        withSmtp.deliver();
        assertThat(sent).filteredOn(m -> m.getTo()[0].equals(person.email()))
                .singleElement().satisfies(m -> assertThat(m.getText()).contains(path));
        assertThat(mailer.outbox()).as("a message sent is deleted")
                .noneMatch(m -> m.recipient().equals(person.email()));
    }

    @Test
    void anUpdateWaitsForTheHour() {
        String address = "organiser-" + UUID.randomUUID() + "@example.org";
        mailer.queueUpdate(address);
        List<SimpleMailMessage> sent = new ArrayList<>();
        Mailer withSmtp = new Mailer(jdbc, groups, accounts, messages, settings, provider(new Recording(sent)),
                "staffroom@localhost", "smtp.invalid", clock, jobs, keys, events);
        withSmtp.deliver();
        assertThat(sent).as("not at the moment of the event").noneMatch(m -> m.getTo()[0].equals(address));
        assertThat(mailer.outbox()).filteredOn(m -> m.recipient().equals(address)).singleElement()
                .satisfies(m -> assertThat(m.createdAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC)));
        Mailer anHourLater = new Mailer(jdbc, groups, accounts, messages, settings, provider(new Recording(sent)),
                "staffroom@localhost", "smtp.invalid", Clock.offset(clock, java.time.Duration.ofHours(1)), jobs, keys,
                events);
        anHourLater.deliver();
        assertThat(sent).as("on the hour").anyMatch(m -> m.getTo()[0].equals(address));
    }

    @Test
    void messagesKeptInPlainTextAreSealedAtStartUpAndExpiredOnesGo() {
        UUID legacy = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, body, created_at, expires_at, delivered)
                values (?, 'legacy@example.org', 'Update', 'Open http://localhost/password-reset/abc', ?, ?, false)""")
                .params(legacy, now, now.plusDays(1)).update();
        UUID stale = UUID.randomUUID();
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, body, created_at, expires_at, delivered)
                values (?, 'stale@example.org', 'Update', 'Body', ?, ?, false)""")
                .params(stale, now.minusDays(8), now.minusDays(1)).update();

        assertThat(mailer.resealMessages()).isPositive();
        assertThat(jdbc.sql("select recipient || body from mail_outbox where id = ?").param(legacy).query(String.class)
                .single()).doesNotContain("legacy@example.org").doesNotContain("/password-reset/");
        assertThat(mailer.outbox()).anySatisfy(m -> assertThat(m.recipient()).isEqualTo("legacy@example.org"));

        mailer.expire();
        assertThat(jdbc.sql("select id from mail_outbox where id in (?, ?)").params(legacy, stale).query(UUID.class)
                .list()).containsExactly(legacy);
    }

    @Test
    void aBackupCarriesNoOutbox() throws Exception {
        askForReset(fixtures.person("nurse"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Backups.Manifest manifest = new Backups(dataSource).backup(out);
        assertThat(manifest.tables()).extracting(Backups.Table::name).doesNotContain("mail_outbox")
                .contains("identity_account");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).noneMatch(name -> name.contains("mail_outbox"));
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {

            @Override
            public JavaMailSender getObject() {
                return sender;
            }
        };
    }

    /** An SMTP server that keeps what it is given. */
    private static final class Recording extends JavaMailSenderImpl {

        private final List<SimpleMailMessage> sent;

        Recording(List<SimpleMailMessage> sent) {
            this.sent = sent;
        }

        @Override
        public void send(SimpleMailMessage... messages) {
            sent.addAll(List.of(messages));
        }

        @Override
        public void send(MimeMessage... messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) {
            throw new UnsupportedOperationException();
        }
    }
}
