/**
 * Outgoing e-mail. Every message is content-free (a line and a link, never group names or what anyone
 * wrote), because a work mailbox may be read by the employer. Without SMTP, administrators read the outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
@org.jspecify.annotations.NullMarked
package org.staffroom.mail;
