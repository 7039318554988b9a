package org.staffroom.meetings;

import java.time.Instant;
import java.util.Date;

import org.staffroom.shared.DateInput;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

/** A meeting as an iCalendar file (RFC 5545), written by biweekly; times are in UTC. */
final class MeetingCalendar {

    private MeetingCalendar() {
    }

    static String of(Meetings.View meeting, Instant now) {
        return of(java.util.List.of(meeting), now);
    }

    /**
     * The meetings a calendar file can hold; one stored before dates were bounded ({@link DateInput}) is left
     * out, so that it cannot break a member's whole feed.
     */
    static String of(java.util.List<Meetings.View> meetings, Instant now) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Staffroom//Meetings//EN");
        meetings.stream().filter(MeetingCalendar::writable).forEach(meeting -> calendar.addEvent(event(meeting, now)));
        return Biweekly.write(calendar).go();
    }

    static boolean writable(Meetings.View meeting) {
        return DateInput.inRange(meeting.startsAt().toInstant()) && DateInput.inRange(meeting.endsAt().toInstant());
    }

    private static VEvent event(Meetings.View meeting, Instant now) {
        VEvent event = new VEvent();
        event.setUid(meeting.id() + "@staffroom");
        event.setDateTimeStamp(Date.from(now));
        event.setSummary(meeting.title());
        event.setDateStart(Date.from(meeting.startsAt().toInstant()), true);
        event.setDateEnd(Date.from(meeting.endsAt().toInstant()), true);
        if (!meeting.place().isEmpty()) {
            event.setLocation(meeting.place());
        }
        if (!meeting.onlineLink().isEmpty()) {
            event.setUrl(meeting.onlineLink());
        }
        if (!meeting.agenda().isEmpty()) {
            event.setDescription(String.join("\n", meeting.agenda().stream().map(Meetings.AgendaItem::text).toList()));
        }
        if (meeting.cancelled()) {
            event.setStatus(Status.cancelled());
        }
        return event;
    }
}
