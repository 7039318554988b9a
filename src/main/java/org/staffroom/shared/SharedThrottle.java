package org.staffroom.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts attempts per key in the shared database, so that a limit holds whichever server each attempt
 * reaches: {@code allowed} attempts in a window that starts with the first. Keys are stored as a SHA-256 of
 * what the caller passes, for one window; {@link SharedThrottles} deletes them once it has passed.
 */
public final class SharedThrottle {

    private final String name;
    private final int allowed;
    private final Duration window;
    private final JdbcClient jdbc;
    private final Clock clock;

    SharedThrottle(String name, int allowed, Duration window, JdbcClient jdbc, Clock clock) {
        this.name = name;
        this.allowed = allowed;
        this.window = window;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when {@code key} has used all its attempts in the current window. */
    public boolean exhausted(String key) {
        return jdbc.sql("select attempts from shared_throttle where throttle = ? and key_hash = ? and window_ends > ?")
                .params(name, SecretTokens.hash(key), now()).query(Integer.class).optional()
                .map(attempts -> attempts >= allowed).orElse(false);
    }

    /** Counts one attempt. */
    public void count(String key) {
        String hash = SecretTokens.hash(key);
        OffsetDateTime now = now();
        int updated = jdbc.sql("""
                update shared_throttle set
                    attempts = case when window_ends > ? then attempts + 1 else 1 end,
                    window_ends = case when window_ends > ? then window_ends else ? end
                where throttle = ? and key_hash = ?""")
                .params(now, now, now.plus(window), name, hash).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into shared_throttle (throttle, key_hash, attempts, window_ends) values (?, ?, 1, ?)")
                        .params(name, hash, now.plus(window)).update();
            } catch (DuplicateKeyException raced) {
                // another server counted this key's first attempt a moment ago: count this one on top
                count(key);
            }
        }
    }

    public void forget(String key) {
        jdbc.sql("delete from shared_throttle where throttle = ? and key_hash = ?").params(name, SecretTokens.hash(key))
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
