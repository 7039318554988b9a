package org.staffroom.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Counts attempts per key in memory (token buckets that refill over a window). Keys are opaque strings
 * chosen by the caller; nothing is written anywhere, and idle keys are forgotten after the window.
 */
public final class Throttle {

    private final int allowed;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    public Throttle(int allowed, Duration window) {
        this.allowed = allowed;
        this.window = window;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(200_000).build();
    }

    /** True when {@code key} has used all its attempts in the window. */
    public boolean exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** Counts one attempt; false when none was left. */
    public boolean tryAcquire(String key) {
        return buckets.get(key, ignored -> newBucket()).tryConsume(1);
    }

    public void forget(String key) {
        buckets.invalidate(key);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, window).build())
                .build();
    }
}
