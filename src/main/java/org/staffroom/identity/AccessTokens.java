package org.staffroom.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.AccountEvents.AccessTokenCreated;
import org.staffroom.identity.internal.UnlockedSecrets;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Bearer tokens for the API: personal access tokens made in account settings, and short-lived tokens from
 * {@code POST /api/v1/auth/token}. A token is shown once; only its SHA-256 is kept.
 */
@Service
public class AccessTokens {

    public static final Duration SIGN_IN_TOKEN_LIFETIME = Duration.ofHours(12);
    private static final int MAX_PERSONAL_TOKENS = 20;

    public record IssuedToken(String token, @Nullable Instant expiresAt) {
    }

    public record TokenSummary(UUID id, String name, String kind, LocalDate createdOn, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final UnlockedSecrets secrets;

    AccessTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, UnlockedSecrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken createPersonal(UUID accountId, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            throw new InvalidInput("name", "token.nameRequired");
        }
        if (name.length() > 80) {
            throw new InvalidInput("name", "text.tooLong", 80);
        }
        long existing = jdbc.sql("select count(*) from identity_token where account_id = ? and kind = 'personal'")
                .param(accountId).query(Long.class).single();
        if (existing >= MAX_PERSONAL_TOKENS) {
            throw new DomainException.Conflict("token.tooMany", MAX_PERSONAL_TOKENS);
        }
        // made while the member's signing secret is unlocked, the token can act anonymously too
        return issue(accountId, name, "personal", null, secrets.current(accountId).orElse(null));
    }

    /**
     * Expired sign-in tokens go: each one's expiry is its sign-in time and twelve hours (docs/anonymity.md).
     * Also each hour, for instances where nobody signs in through the API for a while.
     */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${staffroom.identity.expire-tokens-cron:0 15 * * * *}")
    public int deleteExpired() {
        return jdbc.sql("delete from identity_token where kind = 'sign-in' and expires_at < ?").param(Times.now(clock))
                .update();
    }

    /** @param secret the member's signing secret, unlocked by the password just given */
    @Transactional
    public IssuedToken createForSignIn(UUID accountId, byte[] secret) {
        deleteExpired();
        return issue(accountId, "sign-in", "sign-in", clock.instant().plus(SIGN_IN_TOKEN_LIFETIME), secret);
    }

    private IssuedToken issue(UUID accountId, String name, String kind, @Nullable Instant expiresAt,
            byte @Nullable [] secret) {
        String token = "sr_" + SecretTokens.newToken(32);
        jdbc.sql("""
                insert into identity_token (id, account_id, name, token_hash, kind, created_on, expires_at, signing_key)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), accountId, name, SecretTokens.hash(token), kind, Times.today(clock),
                        Times.utc(expiresAt), secret == null ? null : secrets.sealForToken(token, accountId, secret))
                .update();
        if (expiresAt == null) {
            // a personal token is a security event; a sign-in token is a sign-in, which the audit does not keep
            events.publishEvent(new AccessTokenCreated(accountId));
        }
        return new IssuedToken(token, expiresAt);
    }

    /** Every key that still works: personal ones, and apps' sign-ins that have not expired. */
    public List<TokenSummary> list(UUID accountId) {
        return jdbc.sql("""
                select id, name, kind, created_on, expires_at from identity_token
                where account_id = ? and (expires_at is null or expires_at > ?)
                order by created_on desc, kind, name, id""")
                .params(accountId, Times.now(clock)).query(TokenSummary.class).list();
    }

    /** Ends every key of the account (a password change or reset, signing out everywhere). */
    void revokeAll(UUID accountId) {
        jdbc.sql("delete from identity_token where account_id = ?").param(accountId).update();
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        int deleted = jdbc.sql("delete from identity_token where id = ? and account_id = ?")
                .params(tokenId, accountId).update();
        if (deleted == 0) {
            throw new DomainException.NotFound();
        }
    }

    /** The account a presented token belongs to, if the token is known and not expired. */
    public Optional<CurrentAccount> authenticate(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select a.id, a.administrator from identity_token t join identity_account a on a.id = t.account_id
                where t.token_hash = ? and (t.expires_at is null or t.expires_at > ?)""")
                .params(SecretTokens.hash(token), Times.now(clock))
                .query((rs, row) -> new CurrentAccount(rs.getObject("id", UUID.class), rs.getBoolean("administrator")))
                .optional();
    }
}
