package org.staffroom.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback addresses a test can connect from, each handed out once per test JVM. Throttles count per client
 * address and live as long as the application context, which test classes share: two tests that picked the
 * same literal address spent each other's allowance (the receipt throttle once failed CI that way).
 */
public final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClientAddresses() {
    }

    /** An address in 127.0.8.0/21 that no other caller in this JVM has been given. */
    public static String next() {
        int n = NEXT.getAndIncrement();
        if (n >= 8 * 256 - 2) {
            throw new IllegalStateException("out of test client addresses");
        }
        int host = n + 1; // skip 127.0.8.0
        return "127.0." + (8 + host / 256) + "." + (host % 256);
    }
}
