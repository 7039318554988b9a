/**
 * Outgoing e-mail. Every message is content-free (a line and a link, never group names or what anyone
 * wrote), because a work mailbox may be read by the employer. Without SMTP, administrators read the outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.mail;
