package org.staffroom.identity.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Throttle;

/**
 * Slows down password guessing: 5 failures per account and 20 per client in 15 minutes, then 429 until
 * the window refills. In memory; accounts are keyed by a hash of the address, clients by {@code ClientKeys}.
 */
@Component
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Throttle perAccount = new Throttle(5, WINDOW);
    private final Throttle perClient = new Throttle(20, WINDOW);

    public boolean blocked(String email, String clientKey) {
        return perAccount.exhausted(accountKey(email)) || perClient.exhausted(clientKey);
    }

    public void failed(String email, String clientKey) {
        perAccount.tryAcquire(accountKey(email));
        perClient.tryAcquire(clientKey);
    }

    public void succeeded(String email) {
        perAccount.forget(accountKey(email));
    }

    private static String accountKey(String email) {
        return SecretTokens.hash(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }
}
