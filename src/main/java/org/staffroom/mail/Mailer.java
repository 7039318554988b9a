package org.staffroom.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
import org.staffroom.groups.Groups;
import org.staffroom.identity.Accounts;
import org.staffroom.groups.GroupEvents.InvitationEmailRequested;
import org.staffroom.identity.PasswordResets.ResetLinkRequested;
import org.staffroom.shared.Jobs;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.Times;

/**
 * Writes messages to the outbox in the transaction that asked for them, and delivers them over SMTP when
 * SMTP is configured. Each message is claimed by one conditional update, so several servers never send
 * the same one twice.
 */
@Service
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    public record OutboxMessage(UUID id, String recipient, String subject, String body, OffsetDateTime createdAt,
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
    private final org.springframework.context.ApplicationEventPublisher events;
    static final int KEPT_DAYS = 30;

    Mailer(JdbcClient jdbc, Groups groups, Accounts accounts, MessageSource messages, InstanceSettings settings, ObjectProvider<JavaMailSender> sender,
            @Value("${staffroom.mail.from}") String from, @Value("${spring.mail.host:}") String smtpHost, Clock clock, Jobs jobs,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jobs = jobs;
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
        queue(request.email(), "mail.passwordReset", request.path());
    }

    @EventListener
    void on(InvitationEmailRequested request) {
        queue(request.email(), "mail.invitation", request.path());
    }

    @EventListener
    void on(ApprovalEmailRequested request) {
        queue(request.email(), "mail.invitation", request.path());
    }

    /** Organisers hear that someone asked to join, and nothing more: not the group, not who asked. */
    @EventListener
    void on(JoinRequestReceived request) {
        String path = "/groups/" + request.groupId() + "/join-requests";
        accounts.views(groups.organiserIds(request.groupId())).values()
                .forEach(organiser -> queue(organiser.email(), "mail.update", path));
    }

    /** Queues a message made of a fixed subject and a fixed line with one link. */
    public void queue(String recipient, String messageKey, String path) {
        String subject = messages.getMessage(messageKey + ".subject", null, Locale.ENGLISH);
        String body = messages.getMessage(messageKey + ".body", new Object[] {settings.link(path)}, Locale.ENGLISH);
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, body, created_at, delivered)
                values (?, ?, ?, ?, ?, false)""")
                .params(UUID.randomUUID(), recipient, subject, body, Times.now(clock)).update();
    }

    /** An administrator read the outbox (the audit log records it). */
    public record OutboxRead(UUID administratorId) {
    }

    /** The latest messages, for an administrator, whose reading the audit log records. */
    @org.springframework.transaction.annotation.Transactional
    public List<OutboxMessage> outbox(UUID administratorId) {
        events.publishEvent(new OutboxRead(administratorId));
        return outbox();
    }

    /**
     * Every night, messages sent more than a day ago, and any older than {@value #KEPT_DAYS} days, are deleted:
     * the outbox is a queue, not a record of who was told what when.
     */
    @Scheduled(cron = "${staffroom.mail.expire-cron:0 40 3 * * *}")
    void expireScheduled() {
        jobs.onClock("mail-expire", this::expire);
    }

    public int expire() {
        OffsetDateTime now = Times.now(clock);
        return jdbc.sql("delete from mail_outbox where (delivered and created_at < ?) or created_at < ?")
                .params(now.minusDays(1), now.minusDays(KEPT_DAYS)).update();
    }

    public List<OutboxMessage> outbox() {
        return jdbc.sql("""
                select id, recipient, subject, body, created_at, delivered from mail_outbox
                order by created_at desc limit 200""").query(OutboxMessage.class).list();
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
        List<OutboxMessage> pending = jdbc.sql("""
                select id, recipient, subject, body, created_at, delivered from mail_outbox
                where delivered = false order by created_at limit 50""").query(OutboxMessage.class).list();
        for (OutboxMessage message : pending) {
            int claimed = jdbc.sql("update mail_outbox set delivered = true where id = ? and delivered = false")
                    .param(message.id()).update();
            if (claimed == 1) {
                send(mail, message);
            }
        }
    }

    private void send(JavaMailSender mail, OutboxMessage message) {
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(message.recipient());
        email.setSubject(message.subject());
        email.setText(message.body());
        try {
            mail.send(email);
        } catch (MailException e) {
            // the recipient stays out of the log; the administrator sees the message in the outbox
            LOG.warn("Could not deliver an e-mail over SMTP: {}", e.getClass().getSimpleName());
            jdbc.sql("update mail_outbox set delivered = false where id = ?").param(message.id()).update();
        }
    }
}
