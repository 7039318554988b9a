package org.staffroom.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.bastiaanjansen.otp.HOTPGenerator;

/** The code an authenticator app shows for a secret now, or a number of 30-second steps away. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String code(String secret, long stepsFromNow) {
        return new HOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII)).withPasswordLength(6).build()
                .generate(Math.floorDiv(Instant.now().getEpochSecond(), 30) + stepsFromNow);
    }
}
