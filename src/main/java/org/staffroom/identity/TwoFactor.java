package org.staffroom.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.ServerKeys;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.HOTPGenerator;
import com.bastiaanjansen.otp.SecretGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * The optional second step at sign-in: a six-digit code from an authenticator app (TOTP, RFC 6238). The
 * app's entry is labelled "Staffroom" only, so a phone shows no e-mail address.
 */
@Service
public class TwoFactor {

    /** What the set-up page shows: the secret as text, as an otpauth link, and as a QR code image. */
    public record Setup(String secret, String otpauthUri, String qrDataUri) {
    }

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(TwoFactor.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ServerKeys keys;

    TwoFactor(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, ServerKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.encoder = encoder;
        this.clock = clock;
    }

    public boolean enabled(UUID accountId) {
        return secret(accountId).isPresent();
    }

    /** A new secret (160 random bits, base32), not yet stored: it is kept only once the person proves their app has it. */
    public Setup newSetup() {
        String secret = new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
        String uri = UriComponentsBuilder.fromUriString("otpauth://totp/Staffroom").queryParam("secret", secret)
                .queryParam("issuer", "Staffroom").queryParam("algorithm", "SHA1").queryParam("digits", DIGITS)
                .queryParam("period", PERIOD_SECONDS).build().toUriString();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 350, 350), "PNG",
                    png);
            return new Setup(secret, uri,
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }

    @Transactional
    public void enable(UUID accountId, @Nullable String secret, @Nullable String code) {
        if (secret == null || matchingStep(secret, code).isEmpty()) {
            throw new InvalidInput("code", "twoFactor.wrongCode");
        }
        jdbc.sql("update identity_account set totp_secret = ?, totp_last_step = null where id = ?")
                .params(keys.seal(secret, context(accountId)), accountId).update();
    }

    @Transactional
    public void disable(UUID accountId, String password) {
        String hash = jdbc.sql("select password_hash from identity_account where id = ?").param(accountId)
                .query(String.class).optional().orElseThrow(DomainException.NotFound::new);
        if (password == null || !encoder.matches(password, hash)) {
            throw new InvalidInput("password", "password.wrong");
        }
        jdbc.sql("update identity_account set totp_secret = null where id = ?").param(accountId).update();
    }

    /**
     * True when the account has no second factor, or the code is right and newer than the last one
     * accepted: each code works once. Claiming the step is one conditional update, so two requests with
     * the same code cannot both pass.
     */
    @Transactional
    public boolean passes(UUID accountId, @Nullable String code) {
        Optional<String> secret = secret(accountId);
        if (secret.isEmpty()) {
            return true;
        }
        Optional<Long> step = matchingStep(secret.get(), code);
        return step.isPresent() && jdbc.sql("""
                update identity_account set totp_last_step = ?
                where id = ? and (totp_last_step is null or totp_last_step < ?)""")
                .params(step.get(), accountId, step.get()).update() == 1;
    }

    /** The time step, this one or either next to it (for a clock a little off), whose code this is. */
    private Optional<Long> matchingStep(String secret, @Nullable String code) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] typed = normalise(code).getBytes(StandardCharsets.US_ASCII);
        try {
            HOTPGenerator codes = new HOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
                    .withPasswordLength(DIGITS).withAlgorithm(HMACAlgorithm.SHA1).build();
            long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
            for (long step = now - 1; step <= now + 1; step++) {
                if (MessageDigest.isEqual(codes.generate(step).getBytes(StandardCharsets.US_ASCII), typed)) {
                    return Optional.of(step);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a secret that is not base32 matches no code
        }
        return Optional.empty();
    }

    /**
     * The secret, opened with the server's keys. One that cannot be opened (sealed for another account, or
     * under a key this server was not given) still counts as set up: no code passes, rather than none needed.
     */
    private Optional<String> secret(UUID accountId) {
        return jdbc.sql("select totp_secret from identity_account where id = ? and totp_secret is not null")
                .param(accountId).query(String.class).optional()
                .map(sealed -> keys.open(sealed, context(accountId)).orElse(UNREADABLE));
    }

    private static final String UNREADABLE = "";

    private record SecretRow(UUID id, String totpSecret) {
    }

    private static String context(UUID accountId) {
        return "identity_account.totp_secret:" + accountId;
    }

    /**
     * At start-up, seals every secret still in plain text (kept so before issue 16) and seals again, under the
     * key that seals now, every secret sealed under an older one: after a rotation the old key can go once
     * every server has started with the new ring. Each row changes only if it is still as read.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int resealSecrets() {
        int changed = 0;
        for (SecretRow row : jdbc.sql("select id, totp_secret from identity_account where totp_secret is not null")
                .query(SecretRow.class).list()) {
            if (keys.current(row.totpSecret())) {
                continue;
            }
            Optional<String> plain = ServerKeys.isSealed(row.totpSecret())
                    ? keys.open(row.totpSecret(), context(row.id())) : Optional.of(row.totpSecret());
            if (plain.isPresent()) {
                changed += jdbc.sql("update identity_account set totp_secret = ? where id = ? and totp_secret = ?")
                        .params(keys.seal(plain.get(), context(row.id())), row.id(), row.totpSecret()).update();
            } else {
                LOG.warn(
                        "A two-step sign-in secret is sealed under a key this server does not have (docs/security.md)");
            }
        }
        return changed;
    }

    private static String normalise(@Nullable String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }
}
