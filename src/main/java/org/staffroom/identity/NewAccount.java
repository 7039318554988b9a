package org.staffroom.identity;

public record NewAccount(String email, String displayName, String password) {
}
