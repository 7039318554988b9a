package org.staffroom.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.ServerKeys;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;

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
    private static final Logger LOG = LoggerFactory.getLogger(TwoFactor.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ServerKeys keys;
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator();
    private final CodeVerifier verifier = new DefaultCodeVerifier(generator, new SystemTimeProvider());

    TwoFactor(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, ServerKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.encoder = encoder;
        this.clock = clock;
    }

    public boolean enabled(UUID accountId) {
        return secret(accountId).isPresent();
    }

    /** A new secret, not yet stored: it is kept only once the person proves their app has it. */
    public Setup newSetup() {
        String secret = new DefaultSecretGenerator(32).generate();
        QrData data = new QrData.Builder().label("Staffroom").issuer("Staffroom").secret(secret).digits(6)
                .period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return new Setup(secret, data.getUri(), Utils.getDataUriForImage(generator.generate(data),
                    generator.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }

    @Transactional
    public void enable(UUID accountId, String secret, String code) {
        if (secret == null || !verifier.isValidCode(secret, normalise(code))) {
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
    public boolean passes(UUID accountId, String code) {
        Optional<String> secret = secret(accountId);
        if (secret.isEmpty()) {
            return true;
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (matches(secret.get(), step, normalise(code))) {
                return jdbc.sql("""
                        update identity_account set totp_last_step = ?
                        where id = ? and (totp_last_step is null or totp_last_step < ?)""")
                        .params(step, accountId, step).update() == 1;
            }
        }
        return false;
    }

    private boolean matches(String secret, long step, String code) {
        if (secret.isEmpty()) {
            return false;
        }
        try {
            return MessageDigest.isEqual(generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        } catch (CodeGenerationException e) {
            return false;
        }
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
                LOG.warn("A two-step sign-in secret is sealed under a key this server does not have (docs/security.md)");
            }
        }
        return changed;
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }
}
