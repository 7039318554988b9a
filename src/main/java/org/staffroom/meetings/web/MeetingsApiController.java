package org.staffroom.meetings.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.GroupMomentum;
import org.staffroom.meetings.MeetingAnswers;
import org.staffroom.meetings.MeetingAttendance;
import org.staffroom.meetings.MeetingRecords;
import org.staffroom.meetings.MeetingRoles;
import org.staffroom.meetings.MeetingSettings;
import org.staffroom.meetings.Meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The meetings API: scheduling, answers and the agenda, for apps; the same use cases as the pages. */
@RestController
@Tag(name = "Meetings")
class MeetingsApiController {

    record AnswerRequest(String answer) {
    }

    /** {@code present}, where the group takes attendance by name; otherwise {@code attended}, a count. */
    record AttendanceRequest(Integer attended, List<UUID> present) {
    }

    record MinutesRequest(String text, String decisions) {
    }

    record ActionRequest(String what, UUID ownerId, String dueOn) {
    }

    record DoneRequest(Boolean done) {
    }

    /** A setting left out keeps its value. */
    record SettingsRequest(Boolean membersCanSchedule, Boolean attendanceByName) {
    }

    private final Meetings meetings;
    private final MeetingRecords records;
    private final MeetingRoles roles;
    private final MeetingAnswers answers;
    private final MeetingAttendance attendance;
    private final MeetingSettings settings;
    private final GroupMomentum groupMomentum;

    MeetingsApiController(Meetings meetings, MeetingRecords records, MeetingRoles roles, MeetingAnswers answers,
            MeetingAttendance attendance, MeetingSettings settings, GroupMomentum groupMomentum) {
        this.records = records;
        this.roles = roles;
        this.answers = answers;
        this.attendance = attendance;
        this.settings = settings;
        this.groupMomentum = groupMomentum;
        this.meetings = meetings;
    }

    @Operation(summary = "Schedule a meeting (organisers, or members where the group allows)", description = "date as 2026-12-01 and times as 18:00, in the instance's time zone; agenda is one item a line.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/meetings")
    ResponseEntity<Meetings.View> schedule(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody Meetings.Draft draft) {
        UUID id = meetings.schedule(me.id(), groupId, draft);
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/meetings/" + id))
                .body(meetings.get(me.id(), groupId, id));
    }

    @Operation(summary = "The group's meetings: upcoming soonest first, past newest first (members)")
    @GetMapping("/api/v1/groups/{groupId}/meetings")
    Meetings.Listing list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return meetings.list(me.id(), groupId);
    }

    @Operation(summary = "One meeting with its agenda and answers (members; names of who is coming for organisers)")
    @GetMapping("/api/v1/groups/{groupId}/meetings/{meetingId}")
    Meetings.View get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return meetings.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Say whether you will come: YES, MAYBE or NO (members)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/answer")
    Meetings.View answer(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestBody AnswerRequest request) {
        answers.answer(me.id(), groupId, meetingId, request.answer());
        return meetings.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Record how many came, or who by their account ids where the group takes attendance by name "
            + "(the facilitator or an organiser, once the meeting has started)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/attendance")
    Meetings.View attendance(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestBody AttendanceRequest request) {
        if (request.present() != null) {
            attendance.recordAttendees(me.id(), groupId, meetingId, request.present());
        } else {
            attendance.recordAttendance(me.id(), groupId, meetingId, request.attended());
        }
        return meetings.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Whether members may schedule meetings and whether attendance is taken by name (members)")
    @GetMapping("/api/v1/groups/{groupId}/meeting-settings")
    Meetings.Settings settings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return settings.settings(me.id(), groupId);
    }

    @Operation(summary = "Change how the group runs its meetings (organisers)")
    @PutMapping("/api/v1/groups/{groupId}/meeting-settings")
    Meetings.Settings changeSettings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody SettingsRequest request) {
        Meetings.Settings now = settings.settings(me.id(), groupId);
        settings.changeSettings(me.id(), groupId, new Meetings.Settings(
                request.membersCanSchedule() == null ? now.membersCanSchedule() : request.membersCanSchedule(),
                request.attendanceByName() == null ? now.attendanceByName() : request.attendanceByName()));
        return settings.settings(me.id(), groupId);
    }

    @Operation(summary = "Who could facilitate and take notes next: who has not held the role, or not for longest")
    @GetMapping("/api/v1/groups/{groupId}/meetings/suggested-roles")
    Meetings.Suggestion suggestedRoles(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return roles.suggestRoles(me.id(), groupId);
    }

    @Operation(summary = "Attendance over the last meetings and, for organisers, warnings (members)")
    @GetMapping("/api/v1/groups/{groupId}/momentum")
    Meetings.Momentum momentum(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return groupMomentum.momentum(me.id(), groupId);
    }

    @Operation(summary = "The meeting's minutes, decisions, actions and the actions carried over to it (members)")
    @GetMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/record")
    MeetingRecords.Record record(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return records.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Write the minutes and the decisions, one a line (note-taker, facilitator, organisers)")
    @PutMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/minutes")
    MeetingRecords.Record minutes(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestBody MinutesRequest request) {
        records.writeMinutes(me.id(), groupId, meetingId, request.text(), request.decisions());
        return records.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Add an action: what, who, by when (note-taker, facilitator, organisers)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/actions")
    MeetingRecords.Record action(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestBody ActionRequest request) {
        records.addAction(me.id(), groupId, meetingId, request.what(), request.ownerId(), request.dueOn());
        return records.get(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Mark an action done or not (its owner, or whoever writes the meeting's records)")
    @PostMapping("/api/v1/groups/{groupId}/actions/{actionId}")
    ResponseEntity<Void> mark(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID actionId, @RequestBody DoneRequest request) {
        records.markAction(me.id(), groupId, actionId, Boolean.TRUE.equals(request.done()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The meeting as an iCalendar file (members)")
    @GetMapping("/api/v1/groups/{groupId}/meetings/{meetingId}.ics")
    ResponseEntity<String> calendar(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return MeetingController.ics(meetings.calendar(me.id(), groupId, meetingId));
    }

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
}
