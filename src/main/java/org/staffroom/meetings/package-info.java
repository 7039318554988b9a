/**
 * Meetings: scheduling with a facilitator and a note-taker, the agenda, who will come, and each meeting
 * as an iCalendar file. Later steps add attendance, the speaking queue, minutes and actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.staffroom.meetings;
