package org.staffroom.journal;

import java.util.Base64;

import org.staffroom.shared.DomainException.InvalidInput;

/**
 * The server checks the shape and size of what the browser encrypted, never its content (it cannot read
 * it): base64 of the right length, nothing more.
 */
final class Ciphertexts {

    /** AES-GCM's nonce: 12 bytes. */
    static final int IV_BYTES = 12;
    /** An entry's ciphertext in base64; an entry of a few thousand words fits, and a request stays under 64 KiB. */
    static final int MAX_DATA = 60_000;
    /** A witness's summary or confirmation. */
    static final int MAX_NOTE = 8_000;
    /** An AES key wrapped by RSA-OAEP (3072-bit: 384 bytes) in base64, with room for 4096-bit keys. */
    static final int MAX_SEALED_KEY = 1_000;

    private Ciphertexts() {
    }

    static String iv(String field, String value) {
        byte[] bytes = base64(field, value, 24);
        if (bytes.length != IV_BYTES) {
            throw new InvalidInput(field, "journal.invalid.iv");
        }
        return value;
    }

    /** Base64 of at most {@code maxChars} characters, and not empty. */
    static String data(String field, String value, int maxChars) {
        if (base64(field, value, maxChars).length == 0) {
            throw new InvalidInput(field, "journal.invalid.ciphertext");
        }
        return value;
    }

    /** A sealed key, its nonce and what it encrypted, each checked; {@code maxData} bounds the content. */
    static Journal.Sealed sealed(Journal.Sealed sealed, int maxData) {
        if (sealed == null) {
            throw new InvalidInput("data", "journal.invalid.ciphertext");
        }
        return new Journal.Sealed(data("key", sealed.key(), MAX_SEALED_KEY), iv("iv", sealed.iv()),
                data("data", sealed.data(), maxData));
    }

    private static byte[] base64(String field, String value, int maxChars) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput(field, "journal.invalid.ciphertext");
        }
        if (value.length() > maxChars) {
            throw new InvalidInput(field, "journal.invalid.tooLong", maxChars);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "journal.invalid.ciphertext");
        }
    }
}
