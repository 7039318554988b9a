/**
 * Accounts and how people prove who they are: passwords, sessions, access tokens, throttling, and the
 * setup of a new instance. The module root is its API: {@link org.staffroom.identity.Accounts},
 * {@link org.staffroom.identity.CurrentAccount} and the events in {@link org.staffroom.identity.AccountEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@org.jspecify.annotations.NullMarked
package org.staffroom.identity;
