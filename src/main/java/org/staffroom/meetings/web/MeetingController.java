package org.staffroom.meetings.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.groups.Groups;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.GroupMomentum;
import org.staffroom.meetings.MeetingAnswers;
import org.staffroom.meetings.MeetingAttendance;
import org.staffroom.meetings.MeetingRecords;
import org.staffroom.meetings.MeetingRoles;
import org.staffroom.meetings.MeetingSettings;
import org.staffroom.meetings.Meetings;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** A group's meetings as pages: the list, scheduling one, and a meeting with its agenda and answers. */
@Controller
class MeetingController {

    /** The minutes and decisions as the page shows them: as written, or as typed when the server refused them. */
    record MinutesForm(String text, String decisions) {
    }

    /** An action as typed, shown again when the server refused it. */
    record ActionForm(String what, String ownerId, String dueOn) {
    }

    private final Meetings meetings;
    private final Groups groups;
    private final MeetingRecords records;
    private final MeetingRoles roles;
    private final MeetingAnswers answers;
    private final MeetingAttendance attendance;
    private final MeetingSettings settings;
    private final GroupMomentum groupMomentum;

    MeetingController(Meetings meetings, Groups groups, MeetingRecords records, MeetingRoles roles,
            MeetingAnswers answers, MeetingAttendance attendance, MeetingSettings settings,
            GroupMomentum groupMomentum) {
        this.records = records;
        this.roles = roles;
        this.answers = answers;
        this.attendance = attendance;
        this.settings = settings;
        this.groupMomentum = groupMomentum;
        this.meetings = meetings;
        this.groups = groups;
    }

    static ResponseEntity<String> ics(String calendar) {
        return ResponseEntity.ok().contentType(MeetingsApiController.CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-meeting.ics").build().toString())
                .body(calendar);
    }

    @GetMapping("/groups/{groupId}/meetings")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("meetings", meetings.list(me.id(), groupId));
        model.addAttribute("canSchedule", meetings.canSchedule(me.id(), groupId));
        return "meetings/list";
    }

    @GetMapping("/groups/{groupId}/meetings/new")
    String scheduleForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        if (!meetings.canSchedule(me.id(), groupId)) {
            throw new DomainException.Forbidden("meeting.scheduleOrganisersOnly");
        }
        Meetings.Suggestion suggested = roles.suggestRoles(me.id(), groupId);
        model.addAttribute("form", new Meetings.Draft("", "", "18:00", "19:00", "", "", suggested.facilitatorId(),
                suggested.noteTakerId(), "", List.of()));
        model.addAttribute("suggested", suggested);
        return formPage(me, groupId, model);
    }

    private String formPage(CurrentAccount me, UUID groupId, Model model) {
        model.addAttribute("groupId", groupId);
        // only organisers see the member list, so only they pick who facilitates and takes notes
        model.addAttribute("members", groups.get(me.id(), groupId).organiser() ? groups.members(me.id(), groupId)
                : List.of());
        model.addAttribute("choices", meetings.agendaChoices(me.id(), groupId));
        return "meetings/new";
    }

    @PostMapping("/groups/{groupId}/meetings")
    String schedule(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") Meetings.Draft form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formPage(me, groupId, model);
        }
        try {
            UUID id = meetings.schedule(me.id(), groupId, form);
            redirect.addFlashAttribute("notice", "meeting.scheduled");
            return "redirect:/groups/" + groupId + "/meetings/" + id;
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return formPage(me, groupId, model);
        }
    }

    @GetMapping("/groups/{groupId}/meetings/{meetingId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            Model model) {
        return meetingPage(me, groupId, meetingId, model);
    }

    /**
     * The meeting's page; a form refused by the server is in the model already, as typed and with its errors,
     * and the page opens the folded section that holds it.
     */
    private String meetingPage(CurrentAccount me, UUID groupId, UUID meetingId, Model model) {
        Meetings.View view = meetings.get(me.id(), groupId, meetingId);
        MeetingRecords.Record record = records.get(me.id(), groupId, meetingId);
        model.addAttribute("m", view);
        model.addAttribute("record", record);
        if (!model.containsAttribute("minutesForm")) {
            model.addAttribute("minutesForm",
                    new MinutesForm(record.minutesText(), String.join("\n", record.decisions())));
        }
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", new ActionForm("", "", ""));
        }
        model.addAttribute("answers", Meetings.Answer.values());
        if (record.canEdit() && groups.get(me.id(), groupId).organiser()) {
            model.addAttribute("members", groups.members(me.id(), groupId));
        }
        if (view.canRecordAttendance() && view.attendanceByName()) {
            model.addAttribute("sheet", attendance.attendanceSheet(me.id(), groupId, meetingId));
        }
        return "meetings/meeting";
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/answer")
    String answer(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
        try {
            answers.answer(me.id(), groupId, meetingId, answer);
            redirect.addFlashAttribute("notice", "meeting.answerSaved");
        } catch (DomainException.Conflict e) {
            // a form left open from before the meeting ended: say why on the meeting's page
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId;
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/attendance")
    String attendance(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestParam(required = false) Integer attended,
            @RequestParam(required = false) List<UUID> present, @RequestParam(defaultValue = "false") boolean byName,
            RedirectAttributes redirect) {
        if (byName) {
            attendance.recordAttendees(me.id(), groupId, meetingId, present);
        } else {
            attendance.recordAttendance(me.id(), groupId, meetingId, attended);
        }
        redirect.addFlashAttribute("notice", "meeting.attendance.saved");
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId;
    }

    @GetMapping("/groups/{groupId}/meetings/settings")
    String settingsForm(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.getAsOrganiser(me.id(), groupId));
        model.addAttribute("settings", settings.settings(me.id(), groupId));
        return "meetings/settings";
    }

    @PostMapping("/groups/{groupId}/meetings/settings")
    String changeSettings(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(defaultValue = "false") boolean membersCanSchedule,
            @RequestParam(defaultValue = "false") boolean attendanceByName, RedirectAttributes redirect) {
        settings.changeSettings(me.id(), groupId, new Meetings.Settings(membersCanSchedule, attendanceByName));
        redirect.addFlashAttribute("notice", "meeting.settings.saved");
        return "redirect:/groups/" + groupId + "/meetings";
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/minutes")
    String minutes(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String decisions,
            Model model,
            RedirectAttributes redirect) {
        try {
            records.writeMinutes(me.id(), groupId, meetingId, text, decisions);
        } catch (DomainException.InvalidInput e) {
            refused(model, "minutesForm", new MinutesForm(shown(text), shown(decisions)), e);
            return meetingPage(me, groupId, meetingId, model);
        }
        redirect.addFlashAttribute("notice", "meeting.minutes.saved");
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId + "#minutes-heading";
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/actions")
    String addAction(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId, @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String dueOn, Model model,
            RedirectAttributes redirect) {
        try {
            records.addAction(me.id(), groupId, meetingId, what, ownerId(ownerId), dueOn);
        } catch (DomainException.InvalidInput e) {
            refused(model, "actionForm", new ActionForm(shown(what), shown(ownerId), shown(dueOn)), e);
            return meetingPage(me, groupId, meetingId, model);
        }
        redirect.addFlashAttribute("notice", "meeting.action.added");
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId + "#actions-heading";
    }

    /** Puts a refused form, as typed, into the model with the refusal next to its field. */
    private static void refused(Model model, String name, Object typed, DomainException.InvalidInput e) {
        BindingResult errors = new DirectFieldBindingResult(typed, name);
        FormErrors.reject(errors, e);
        model.addAttribute(name, typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
    }

    /**
     * Typed text to show again: a control character, which the server refuses and HTML cannot carry, becomes
     * U+FFFD, so that the writer sees where it was (text pasted from a word processor can hold one).
     */
    static String shown(String typed) {
        StringBuilder shown = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> shown.appendCodePoint(
                Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? '\uFFFD' : c));
        return shown.toString();
    }

    /** The owner chosen from the list; anything else is refused next to the field. */
    private static @Nullable UUID ownerId(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput("ownerId", "meeting.person.invalid");
        }
    }

    @PostMapping("/groups/{groupId}/actions/{actionId}")
    String markAction(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID actionId,
            @RequestParam(defaultValue = "false") boolean done, @RequestParam UUID meetingId,
            RedirectAttributes redirect) {
        records.markAction(me.id(), groupId, actionId, done);
        redirect.addFlashAttribute("notice", "meeting.action.saved");
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId + "#actions-heading";
    }

    @GetMapping("/groups/{groupId}/momentum")
    String momentum(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        Meetings.Momentum momentum = groupMomentum.momentum(me.id(), groupId);
        model.addAttribute("momentum", momentum);
        model.addAttribute("most", momentum.meetings().stream().map(Meetings.Attended::attended)
                .filter(java.util.Objects::nonNull).max(Integer::compare).orElse(1));
        return "meetings/momentum";
    }

    @GetMapping("/groups/{groupId}/meetings/{meetingId}.ics")
    ResponseEntity<String> calendar(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return ics(meetings.calendar(me.id(), groupId, meetingId));
    }
}
