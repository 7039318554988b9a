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
import org.staffroom.shared.Times;

/**
 * Password reset by e-mailed link. The answer to a request never says whether the address has an account;
 * the link works once, for an hour.
 */
@Service
public class PasswordResets {

    static final Duration LIFETIME = Duration.ofHours(1);

    /** What the mail feature sends: the address and the secret link path, nothing else. */
    public record ResetLinkRequested(String email, String path) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void request(String email) {
        Optional<AccountView> account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            return;
        }
        String token = SecretTokens.newToken(32);
        jdbc.sql("delete from identity_password_reset where account_id = ? or expires_at < ?")
                .params(account.get().id(), Times.now(clock)).update();
        jdbc.sql("insert into identity_password_reset (token_hash, account_id, expires_at) values (?, ?, ?)")
                .params(SecretTokens.hash(token), account.get().id(), Times.utc(clock.instant().plus(LIFETIME)))
                .update();
        events.publishEvent(new PasswordResetRequested(account.get().id()));
        events.publishEvent(new ResetLinkRequested(account.get().email(), "/password-reset/" + token));
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
