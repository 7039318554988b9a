/**
 * Meetings: scheduling with rotating facilitator and note-taker, the agenda (linking the group's work), who
 * will come, attendance, the speaking queue, minutes and actions, calendar files and feeds, and the
 * momentum page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
@org.jspecify.annotations.NullMarked
package org.staffroom.meetings;
