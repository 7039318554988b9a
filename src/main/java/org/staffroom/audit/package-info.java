/**
 * The audit log of security-relevant events (sign-ins that failed, roles changed, invitations, join
 * requests handled) for organisers and administrators. It records who and what kind, never content,
 * addresses or devices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.staffroom.audit;
