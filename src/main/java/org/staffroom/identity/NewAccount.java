package org.staffroom.identity;

/** An account as the setup page or an accepted invitation asks for it; {@code Accounts} checks every part. */
public record NewAccount(String email, String displayName, String password) {
}
