package org.staffroom.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Lets unit tests build the policy without a Spring context. */
public final class PasswordPolicyAccess {

    private PasswordPolicyAccess() {
    }

    public static PasswordPolicy create() {
        try {
            return new PasswordPolicy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
