package org.staffroom.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on. Each subclass fixes the status; {@code messageCode} names the message
 * in the bundles, so pages and problem documents say the same thing.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Forbidden, DomainException.Conflict,
        DomainException.InvalidInput, DomainException.TooManyRequests, DomainException.Gone,
        DomainException.Unauthorized {

    private final String messageCode;
    private final transient Object[] arguments;

    protected DomainException(String messageCode, Object... arguments) {
        super(messageCode, null, false, false);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }

    public abstract HttpStatus status();

    /** Also used where something exists but the caller may not know that it does. */
    public static final class NotFound extends DomainException {

        public NotFound() {
            super("error.notFound");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_FOUND;
        }
    }

    public static sealed class Forbidden extends DomainException permits SecretLocked {

        public Forbidden(String messageCode) {
            super(messageCode);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }

    /**
     * The act needs the member's anonymous tag and this request cannot unlock the signing secret (a passkey
     * sign-in, or a token made before it was unlocked). The API answers 403; a page sends the member to confirm
     * their password and back to the form (identity's {@code SecretLockedAdvice}).
     */
    public static final class SecretLocked extends Forbidden {

        public static final String CODE = "anonymity.locked";

        public SecretLocked() {
            super(CODE);
        }
    }

    public static final class Conflict extends DomainException {

        public Conflict(String messageCode, Object... arguments) {
            super(messageCode, arguments);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }
    }

    public static final class Gone extends DomainException {

        public Gone(String messageCode) {
            super(messageCode);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.GONE;
        }
    }

    /** Credentials that do not match; says nothing about which part was wrong. */
    public static final class Unauthorized extends DomainException {

        public Unauthorized(String messageCode) {
            super(messageCode);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }
    }

    public static final class TooManyRequests extends DomainException {

        public TooManyRequests() {
            super("error.tooManyRequests");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
    }

    /**
     * Invalid input for one field: shown next to that field, or listed in the problem document. A use case that
     * checks several fields reports every one found wrong at once ({@link Checks}): the first is this exception's
     * own, and {@link #all()} lists them all.
     */
    public static final class InvalidInput extends DomainException {

        private final String field;
        private final transient java.util.List<InvalidInput> all;

        public InvalidInput(String field, String messageCode, @Nullable Object... arguments) {
            super(messageCode, arguments);
            this.field = field;
            this.all = java.util.List.of(this);
        }

        private InvalidInput(java.util.List<InvalidInput> all) {
            super(all.getFirst().messageCode(), all.getFirst().arguments());
            this.field = all.getFirst().field();
            this.all = java.util.List.copyOf(all);
        }

        public String field() {
            return field;
        }

        /** Every field found wrong, in the order checked; this one alone for a single refusal. */
        public java.util.List<InvalidInput> all() {
            return all;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }
    }

    /**
     * Checks several fields and refuses them together: each check runs, a refusal is noted instead of thrown, and
     * {@link #done()} throws one {@link InvalidInput} carrying them all, so a form shows every mistake at once.
     */
    public static final class Checks {

        private final java.util.List<InvalidInput> found = new java.util.ArrayList<>();

        /** The checked value, or null when the check refused it (the refusal is kept). */
        public <T> @Nullable T check(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidInput e) {
                found.addAll(e.all());
                return null;
            }
        }

        /** Notes a refusal found without a check that throws. */
        public void refuse(String field, String messageCode, Object... arguments) {
            found.add(new InvalidInput(field, messageCode, arguments));
        }

        /** Throws every refusal found, if any. */
        public void done() {
            if (!found.isEmpty()) {
                throw new InvalidInput(found);
            }
        }
    }
}
