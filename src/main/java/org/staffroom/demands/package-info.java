/**
 * Demands: what the group asks of management, who supports it (counted; named only if they sign openly),
 * the letter (PDF and plain text), the timeline from draft to outcome, and the group's escalation ladder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demands")
@org.jspecify.annotations.NullMarked
package org.staffroom.demands;
