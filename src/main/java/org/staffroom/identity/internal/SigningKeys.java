package org.staffroom.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.shared.Sealing;

/**
 * Each member's signing secret: 32 random bytes from which their anonymous tags are derived (HMAC-SHA256 of
 * a scope, such as one concern). The database holds it only wrapped (AES-256-GCM) under a key derived from
 * the member's password with Argon2id, so a copy of the database and every server secret do not reveal
 * it. An account gets its secret at its first password sign-in; a password reset loses it and a new one is
 * made (see docs/anonymity.md).
 */
@Component
public class SigningKeys {

    static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final String TOKEN_INFO = "staffroom signing key under an access token";

    private record Wrapped(byte @Nullable [] signingKey, byte @Nullable [] signingKeySalt) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's secret, unwrapped with the password its caller has just checked; made now if the account
     * has none yet (or if it was wrapped under a password that no longer applies).
     */
    public byte[] unlock(UUID accountId, String password) {
        Wrapped wrapped = jdbc.sql("select signing_key, signing_key_salt from identity_account where id = ?")
                .param(accountId).query(Wrapped.class).optional().orElse(new Wrapped(null, null));
        if (wrapped.signingKey() != null) {
            Optional<byte[]> secret = open(
                    fromPassword(password, java.util.Objects.requireNonNull(wrapped.signingKeySalt())),
                    wrapped.signingKey(),
                    accountId);
            if (secret.isPresent()) {
                return secret.get();
            }
        }
        byte[] secret = randomBytes(SECRET_BYTES);
        if (wrapped.signingKey() == null) {
            // the first unlock makes the secret; two at once (two first sign-ins) must not make two, or the
            // member's tags would differ between them: only one is kept, and the other unlocks that one
            byte[] salt = randomBytes(SALT_BYTES);
            int made = jdbc
                    .sql("""
                            update identity_account set signing_key = ?, signing_key_salt = ? where id = ? and signing_key is null""")
                    .params(seal(fromPassword(password, salt), secret, accountId), salt, accountId).update();
            return made > 0 ? secret : unlock(accountId, password);
        }
        store(accountId, password, secret);
        return secret;
    }

    /** Wraps the same secret under a new password (a password change keeps the member's tags). */
    public void rewrap(UUID accountId, String oldPassword, String newPassword) {
        store(accountId, newPassword, unlock(accountId, oldPassword));
    }

    /** After a password reset the old password is gone, and with it the secret: the next sign-in makes one. */
    public void forget(UUID accountId) {
        jdbc.sql("update identity_account set signing_key = null, signing_key_salt = null where id = ?")
                .param(accountId).update();
    }

    private void store(UUID accountId, String password, byte[] secret) {
        byte[] salt = randomBytes(SALT_BYTES);
        jdbc.sql("update identity_account set signing_key = ?, signing_key_salt = ? where id = ?")
                .params(seal(fromPassword(password, salt), secret, accountId), salt, accountId).update();
    }

    /** AES-256-GCM, bound to the account so that a sealed secret cannot serve another. */
    byte[] seal(byte[] key, byte[] plaintext, UUID accountId) {
        return Sealing.seal(key, plaintext, bytes(accountId));
    }

    /** The plaintext, or empty when the key is wrong or the sealed bytes were changed. */
    Optional<byte[]> open(byte[] key, byte[] sealed, UUID accountId) {
        return Sealing.open(key, sealed, bytes(accountId));
    }

    /** Argon2id at the password hash's parameters (46 MiB, 1 pass, 1 lane) with its own salt. */
    static byte[] fromPassword(String password, byte[] salt) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
                .withMemoryAsKB(46 * 1024).withIterations(1).withParallelism(1).build());
        byte[] key = new byte[32];
        argon2.generateBytes(password.toCharArray(), key);
        return key;
    }

    /** HKDF-SHA256 of a bearer token (itself 256 random bits), which the database keeps only as a hash. */
    static byte[] fromToken(String token) {
        return Sealing.keyFromToken(token, TOKEN_INFO);
    }

    /** HMAC-SHA256 of the scope under the member's secret. */
    public static byte[] tag(byte[] secret, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(scope.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
