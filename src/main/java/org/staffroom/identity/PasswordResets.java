package org.staffroom.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.AccountEvents.PasswordResetRequested;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.SharedThrottle;
import org.staffroom.shared.SharedThrottles;
import org.staffroom.shared.Throttle;
import org.staffroom.shared.Times;

/**
 * Password reset by e-mailed link. The answer to a request never says whether the address has an account;
 * the link works once, for an hour.
 */
@Service
public class PasswordResets {

    static final Duration LIFETIME = Duration.ofHours(1);

    /** What the mail feature sends: the address and the secret link path, and when the link stops working. */
    public record ResetLinkRequested(String email, String path, java.time.Instant expiresAt) {
    }

    /** Requests from one client, whatever address they name: enough for a few typing mistakes. */
    static final int PER_CLIENT = 10;
    /** Links mailed to one account: enough for a lost e-mail or two, not for a flood of mail. */
    static final int PER_ACCOUNT = 3;
    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Throttle perClient = new Throttle(PER_CLIENT, WINDOW);
    private final SharedThrottle perAccount;

    PasswordResets(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Clock clock,
            SharedThrottles throttles) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.perAccount = throttles.of("password-reset", PER_ACCOUNT, WINDOW);
    }

    /**
     * Mails a reset link if {@code email} has an account. Throttled silently, per client and per account: the
     * answer is the same either way, so the throttle says nothing about who has an account, and nobody can
     * fill a colleague's mailbox or the outbox.
     */
    @Transactional
    public void request(String email, String clientKey) {
        if (!perClient.tryAcquire(clientKey)) {
            return;
        }
        Optional<AccountView> account = accounts.findByEmail(email);
        if (account.isEmpty() || perAccount.exhausted(account.get().id().toString())) {
            return;
        }
        perAccount.count(account.get().id().toString());
        String token = SecretTokens.newToken(32);
        jdbc.sql("delete from identity_password_reset where account_id = ? or expires_at < ?")
                .params(account.get().id(), Times.now(clock)).update();
        java.time.Instant expiresAt = clock.instant().plus(LIFETIME);
        jdbc.sql("insert into identity_password_reset (token_hash, account_id, expires_at) values (?, ?, ?)")
                .params(SecretTokens.hash(token), account.get().id(), Times.utc(expiresAt)).update();
        events.publishEvent(new PasswordResetRequested(account.get().id()));
        events.publishEvent(new ResetLinkRequested(account.get().email(), "/password-reset/" + token, expiresAt));
    }

    public boolean isValid(String token) {
        return accountFor(token).isPresent();
    }

    /** @return false when the link is unknown, used or expired */
    @Transactional
    /** The account whose password was reset, or empty when the link is unknown or has expired. */
    public Optional<UUID> complete(String token, String newPassword) {
        Optional<UUID> account = accountFor(token);
        if (account.isEmpty()) {
            return account;
        }
        accounts.resetPassword(account.get(), newPassword);
        jdbc.sql("delete from identity_password_reset where account_id = ?").param(account.get()).update();
        return account;
    }

    private Optional<UUID> accountFor(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from identity_password_reset where token_hash = ? and expires_at > ?")
                .params(SecretTokens.hash(token), Times.now(clock)).query(UUID.class).optional();
    }
}
