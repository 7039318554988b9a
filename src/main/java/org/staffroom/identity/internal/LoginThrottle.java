package org.staffroom.identity.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.staffroom.shared.SharedThrottle;
import org.staffroom.shared.SharedThrottles;
import org.staffroom.shared.Throttle;

/**
 * Slows down password guessing: 5 failures per account and 20 per client in 15 minutes, then 429 until
 * the window refills. Failures per account are counted in the shared database, so the limit holds across
 * servers; failures per client are counted in each server's memory, under {@code ClientKeys} (the proxy in
 * front limits requests per address for all servers together: docs/operations.md).
 */
@Component
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final SharedThrottle perAccount;
    private final Throttle perClient = new Throttle(20, WINDOW);

    LoginThrottle(SharedThrottles throttles) {
        this.perAccount = throttles.of("sign-in", 5, WINDOW);
    }

    public boolean blocked(String email, String clientKey) {
        return perAccount.exhausted(accountKey(email)) || perClient.exhausted(clientKey);
    }

    public void failed(String email, String clientKey) {
        perAccount.count(accountKey(email));
        perClient.tryAcquire(clientKey);
    }

    public void succeeded(String email) {
        perAccount.forget(accountKey(email));
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
