package org.staffroom.identity.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.staffroom.shared.SharedThrottle;
import org.staffroom.shared.SharedThrottles;
import org.staffroom.shared.Throttle;

/**
 * Keeps password guessing expensive without locking the innocent out (docs/security.md, "Throttling"):
 * <ul>
 * <li>A browser the account has signed in from ({@link TrustedDevices}) counts against its own cookie alone:
 * 5 wrong in 15 minutes, then it is treated as any other browser.</li>
 * <li>Any other browser or app counts against the account — after 5 wrong in 15 minutes, one try every 3
 * minutes: slowed, never locked — and against its client address, 20 wrong in 15 minutes, then none from that
 * address until the window refills.</li>
 * </ul>
 * Counts per account and per device are kept in the shared database, so they hold across servers; counts per
 * client in each server's memory, under {@code ClientKeys}.
 */
@Component
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration SLOWED = Duration.ofMinutes(3);

    private final SharedThrottle perAccount;
    private final SharedThrottle perAccountSlowed;
    private final SharedThrottle perDevice;
    private final Throttle perClient = new Throttle(20, WINDOW);

    LoginThrottle(SharedThrottles throttles) {
        this.perAccount = throttles.of("sign-in", 5, WINDOW);
        this.perAccountSlowed = throttles.of("sign-in-slowed", 1, SLOWED);
        this.perDevice = throttles.of("sign-in-device", 5, WINDOW);
    }

    /** Why an attempt may not be made now, if it may not. */
    public enum Held {
        /** The account's tries from browsers it does not know are spaced out: a few minutes. */
        ACCOUNT_SLOWED,
        /** Too many wrong passwords from this address: a browser that has signed in before still can. */
        ADDRESS
    }

    public Optional<Held> held(String email, String clientKey, Optional<String> device) {
        if (device.isPresent() && !perDevice.exhausted(device.get())) {
            return Optional.empty();
        }
        if (perClient.exhausted(clientKey)) {
            return Optional.of(Held.ADDRESS);
        }
        String account = accountKey(email);
        return perAccount.exhausted(account) && perAccountSlowed.exhausted(account)
                ? Optional.of(Held.ACCOUNT_SLOWED) : Optional.empty();
    }

    public boolean blocked(String email, String clientKey) {
        return held(email, clientKey, Optional.empty()).isPresent();
    }

    public void failed(String email, String clientKey, Optional<String> device) {
        if (device.isPresent() && !perDevice.exhausted(device.get())) {
            perDevice.count(device.get());
            return;
        }
        String account = accountKey(email);
        perAccount.count(account);
        perAccountSlowed.count(account);
        perClient.tryAcquire(clientKey);
    }

    public void failed(String email, String clientKey) {
        failed(email, clientKey, Optional.empty());
    }

    /**
     * The second step (a two-step code) comes only after a right password, so it is counted per account
     * alone, slowed like the password: what others got wrong from the same address does not hold it back.
     */
    public boolean secondStepHeld(String key) {
        return perAccount.exhausted(accountKey(key)) && perAccountSlowed.exhausted(accountKey(key));
    }

    public void secondStepFailed(String key) {
        perAccount.count(accountKey(key));
        perAccountSlowed.count(accountKey(key));
    }

    public void succeeded(String email, Optional<String> device) {
        perAccount.forget(accountKey(email));
        perAccountSlowed.forget(accountKey(email));
        device.ifPresent(perDevice::forget);
    }

    public void succeeded(String email) {
        succeeded(email, Optional.empty());
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
