package org.staffroom.concerns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

import org.staffroom.shared.DomainException.InvalidInput;

/**
 * A receipt code: 24 characters of Crockford's base32 (120 random bits), shown in groups of four. The first
 * 8 characters find the concern; the other 16 (80 bits) are the secret, which is stored only as a slow
 * hash. Typing is forgiving: case, spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
 */
record Receipt(String lookup, String secret) {

    static final int LENGTH = 24;
    static final int LOOKUP_LENGTH = 8;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Receipt generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Receipt(code.substring(0, LOOKUP_LENGTH), code.substring(LOOKUP_LENGTH));
    }

    /**
     * The receipt a raise form stands for: the first 120 bits of the SHA-256 of {@code seed}, so that sending the
     * same form twice finds the concern the first sending raised instead of raising another. The seed is the
     * author's tag for the form's one-time key (random, 256 bits, kept nowhere but in the form), so that the key
     * alone gives no receipt.
     */
    static Receipt derivedFrom(String seed) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(("staffroom receipt\0" + seed).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 5;
            int twoBytes = ((digest[bit / 8] & 0xff) << 8) | (digest[bit / 8 + 1] & 0xff);
            code.append(ALPHABET.charAt((twoBytes >> (11 - bit % 8)) & 0x1f));
        }
        return new Receipt(code.substring(0, LOOKUP_LENGTH), code.substring(LOOKUP_LENGTH));
    }

    /** @throws InvalidInput when the text cannot be a receipt at all */
    static Receipt parse(String typed) {
        String code = normalise(typed);
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new InvalidInput("receipt", "receipt.invalid");
        }
        return new Receipt(code.substring(0, LOOKUP_LENGTH), code.substring(LOOKUP_LENGTH));
    }

    static String normalise(String typed) {
        if (typed == null || typed.length() > 100) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    /** As shown to the author: six groups of four characters joined by dashes. */
    String display() {
        String code = lookup + secret;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(code, i, i + 4);
        }
        return shown.toString();
    }
}
