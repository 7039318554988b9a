package org.staffroom.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.staffroom.directory.JoinRequests.ApprovalEmailRequested;
import org.staffroom.directory.JoinRequests.JoinRequestReceived;
import org.staffroom.groups.GroupEvents.InvitationEmailRequested;
import org.staffroom.groups.Groups;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.PasswordResets.ResetLinkRequested;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.Jobs;
import org.staffroom.shared.ServerKeys;
import org.staffroom.shared.Times;

/**
 * Writes messages to the outbox in the transaction that asked for them, and delivers them over SMTP when
 * SMTP is configured. Each message is claimed by one conditional update, so several servers never send
 * the same one twice.
 *
 * <p>The outbox holds only what delivery needs, and a copy of the database cannot use it: each message's
 * address and text (with its link, which may reset a password or open an invitation) are sealed under the
 * server's keys ({@link ServerKeys}), which are not in the database or a backup; a message is deleted once
 * sent, and unsent after {@value #KEPT_DAYS} days, or sooner when its link stops working; the outbox is not
 * backed up. Administrators read it only where they must pass the links on themselves (no SMTP).
 */
@Service
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    /** A message as sent: address and text opened. */
    public record OutboxMessage(UUID id, String recipient, String subject, String body, OffsetDateTime createdAt,
            boolean delivered) {
    }

    private record Stored(UUID id, String recipient, String subject, String body, OffsetDateTime createdAt,
            boolean delivered) {
    }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final Accounts accounts;
    private final MessageSource messages;
    private final InstanceSettings settings;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final boolean smtpConfigured;
    private final Clock clock;
    private final Jobs jobs;
    private final ServerKeys keys;
    private final org.springframework.context.ApplicationEventPublisher events;
    static final int KEPT_DAYS = 7;

    Mailer(JdbcClient jdbc, Groups groups, Accounts accounts, MessageSource messages, InstanceSettings settings,
            ObjectProvider<JavaMailSender> sender,
            @Value("${staffroom.mail.from}") String from, @Value("${spring.mail.host:}") String smtpHost, Clock clock,
            Jobs jobs,
            ServerKeys keys, org.springframework.context.ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.keys = keys;
        this.events = events;
        this.smtpConfigured = !smtpHost.isBlank();
        this.jdbc = jdbc;
        this.groups = groups;
        this.accounts = accounts;
        this.messages = messages;
        this.settings = settings;
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @EventListener
    void on(ResetLinkRequested request) {
        queue(request.email(), "mail.passwordReset", request.path(), request.expiresAt());
    }

    @EventListener
    void on(InvitationEmailRequested request) {
        queue(request.email(), "mail.invitation", request.path());
    }

    @EventListener
    void on(ApprovalEmailRequested request) {
        queue(request.email(), "mail.invitation", request.path());
    }

    /** Organisers hear that there is an update, and nothing more: not the group, not who asked, not when. */
    @EventListener
    void on(JoinRequestReceived request) {
        accounts.views(groups.organiserIds(request.groupId())).values()
                .forEach(organiser -> queueUpdate(organiser.email()));
    }

    /** Members who chose to hear of updates to concerns: the content-free e-mail of the hour, to each. */
    @EventListener
    void on(org.staffroom.concerns.ConcernEvents.UpdatesChosen chosen) {
        accounts.views(chosen.accountIds()).values().forEach(member -> queueUpdate(member.email()));
    }

    /** A deleted account's address leaves the outbox with it: nothing waits to be sent to someone who left. */
    @EventListener
    void on(org.staffroom.identity.AccountEvents.AccountDeleted deleted) {
        accounts.find(deleted.accountId()).ifPresent(account -> messages(Integer.MAX_VALUE).stream()
                .filter(message -> message.recipient().equalsIgnoreCase(account.email()))
                .forEach(message -> jdbc.sql("delete from mail_outbox where id = ?").param(message.id()).update()));
    }

    /**
     * Queues "there is an update for you", linking to the site and nothing more, to go out at the top of the
     * next hour. A link to {@code /groups/<id>/join-requests} in a work mailbox would say who organises
     * which group, the same group id in colleagues' mailboxes that they share it, and an e-mail seconds after
     * an event would date it: so the message names no group or record, and is sent, and dated in the outbox,
     * on the hour.
     */
    public void queueUpdate(String recipient) {
        OffsetDateTime hour = Times.now(clock).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        queue(recipient, "mail.update", "/", null, hour);
    }

    private void queue(String recipient, String messageKey, String path) {
        queue(recipient, messageKey, path, null, Times.now(clock));
    }

    private void queue(String recipient, String messageKey, String path, @Nullable Instant linkExpires) {
        queue(recipient, messageKey, path, linkExpires, Times.now(clock));
    }

    /** A message made of a fixed subject and a fixed line with one link, kept at most {@value #KEPT_DAYS} days. */
    private void queue(String recipient, String messageKey, String path, @Nullable Instant linkExpires,
            OffsetDateTime sendAt) {
        String subject = messages.getMessage(messageKey + ".subject", null, Locale.ENGLISH);
        String body = messages.getMessage(messageKey + ".body", new Object[] {settings.link(path)}, Locale.ENGLISH);
        OffsetDateTime expires = sendAt.plusDays(KEPT_DAYS);
        if (linkExpires != null && Times.utc(linkExpires).isBefore(expires)) {
            expires = Times.utc(linkExpires);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, body, created_at, expires_at, delivered)
                values (?, ?, ?, ?, ?, ?, false)""")
                .params(id, keys.seal(recipient, context(id, "recipient")), subject,
                        keys.seal(body, context(id, "body")),
                        sendAt, expires)
                .update();
    }

    private static String context(UUID id, String column) {
        return "mail_outbox." + column + ":" + id;
    }

    /**
     * At start-up, seals the messages an older version kept in plain text, and seals again under the key that
     * seals now those sealed under an older one.
     */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.transaction.annotation.Transactional
    public int resealMessages() {
        int changed = 0;
        for (Stored row : jdbc.sql("select id, recipient, subject, body, created_at, delivered from mail_outbox")
                .query(Stored.class).list()) {
            if (keys.current(row.recipient()) && keys.current(row.body())) {
                continue;
            }
            Optional<OutboxMessage> message = open(row);
            if (message.isPresent()) {
                changed += jdbc.sql("update mail_outbox set recipient = ?, body = ? where id = ? and recipient = ?")
                        .params(keys.seal(message.get().recipient(), context(row.id(), "recipient")),
                                keys.seal(message.get().body(), context(row.id(), "body")), row.id(), row.recipient())
                        .update();
            }
        }
        return changed;
    }

    /** The message opened; an older version's plain text as it is; empty under a key this server lacks. */
    private Optional<OutboxMessage> open(Stored row) {
        Optional<String> recipient = ServerKeys.isSealed(row.recipient())
                ? keys.open(row.recipient(), context(row.id(), "recipient")) : Optional.of(row.recipient());
        Optional<String> body = ServerKeys.isSealed(row.body())
                ? keys.open(row.body(), context(row.id(), "body")) : Optional.of(row.body());
        if (recipient.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxMessage(row.id(), recipient.get(), row.subject(), body.get(), row.createdAt(),
                row.delivered()));
    }

    /** An administrator read the outbox (the audit log records it). */
    public record OutboxRead(UUID administratorId) {
    }

    /**
     * The latest messages, for an administrator, whose reading the audit log records. A password-reset link is
     * never shown: whoever holds it signs in as the member. With SMTP the server delivers every message, so
     * no link is shown; without it the administrator passes invitations on by hand, and sees their links.
     */
    @org.springframework.transaction.annotation.Transactional
    public List<OutboxMessage> outbox(UUID administratorId) {
        events.publishEvent(new OutboxRead(administratorId));
        String reset = messages.getMessage("mail.passwordReset.subject", null, Locale.ENGLISH);
        String hidden = messages.getMessage("outbox.linkHidden", null, Locale.ENGLISH);
        return outbox().stream().map(m -> smtpConfigured || m.subject().equals(reset)
                ? new OutboxMessage(m.id(), m.recipient(), m.subject(), LINK.matcher(m.body()).replaceAll(hidden),
                        m.createdAt(), m.delivered())
                : m).toList();
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");

    public boolean smtpConfigured() {
        return smtpConfigured;
    }

    /**
     * Every few minutes, messages whose link has stopped working, and any unsent after {@value #KEPT_DAYS}
     * days, are deleted: the outbox is a queue, not a record of who was told what when.
     */
    @Scheduled(cron = "${staffroom.mail.expire-cron:0 */5 * * * *}")
    void expireScheduled() {
        jobs.onClock("mail-expire", this::expire);
    }

    public int expire() {
        return jdbc.sql("delete from mail_outbox where expires_at <= ?").param(Times.now(clock)).update();
    }

    /** The latest 200 messages, opened. */
    public List<OutboxMessage> outbox() {
        return messages(200);
    }

    private List<OutboxMessage> messages(int limit) {
        return jdbc.sql("""
                select id, recipient, subject, body, created_at, delivered from mail_outbox
                order by created_at desc limit ?""").param(limit).query(Stored.class).list().stream()
                .map(this::open).flatMap(Optional::stream).toList();
    }

    @Scheduled(fixedDelayString = "PT20S", initialDelayString = "PT20S")
    void deliverScheduled() {
        jobs.whenFree("mail-deliver", this::deliver);
    }

    void deliver() {
        JavaMailSender mail = smtpConfigured ? sender.getIfAvailable() : null;
        if (mail == null) {
            return;
        }
        // created_at is when a message is due: updates wait for the hour
        List<Stored> pending = jdbc.sql("""
                select id, recipient, subject, body, created_at, delivered from mail_outbox
                where delivered = false and created_at <= ? order by created_at limit 50""")
                .param(Times.now(clock)).query(Stored.class).list();
        for (Stored row : pending) {
            Optional<OutboxMessage> message = open(row);
            if (message.isEmpty()) {
                continue;
            }
            int claimed = jdbc.sql("update mail_outbox set delivered = true where id = ? and delivered = false")
                    .param(row.id()).update();
            if (claimed == 1) {
                send(mail, message.get());
            }
        }
    }

    /** Sends one message and deletes it; a message that could not be sent waits for the next round. */
    private void send(JavaMailSender mail, OutboxMessage message) {
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(message.recipient());
        email.setSubject(message.subject());
        email.setText(message.body());
        try {
            mail.send(email);
            jdbc.sql("delete from mail_outbox where id = ?").param(message.id()).update();
        } catch (MailException e) {
            // the recipient stays out of the log; the administrator sees the message in the outbox
            LOG.warn("Could not deliver an e-mail over SMTP: {}", e.getClass().getSimpleName());
            jdbc.sql("update mail_outbox set delivered = false where id = ?").param(message.id()).update();
        }
    }
}
