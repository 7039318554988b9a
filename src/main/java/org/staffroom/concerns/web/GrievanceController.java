package org.staffroom.concerns.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.concerns.Comments;
import org.staffroom.concerns.Grievances;
import org.staffroom.groups.Groups;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** Grievances as pages: the list, the overview with its timeline, and one page for each stage. */
@Controller
class GrievanceController {

    record ProblemForm(String what, String who, String responsible, String since) {
    }

    record InfoForm(String kind, String text, String link, Boolean anonymous) {
    }

    record PlanForm(String what, @Nullable UUID ownerId, String dueOn) {
    }

    private final Grievances grievances;
    private final Groups groups;
    private final Comments comments;

    GrievanceController(Grievances grievances, Groups groups, Comments comments) {
        this.comments = comments;
        this.grievances = grievances;
        this.groups = groups;
    }

    private static String page(UUID groupId, UUID grievanceId) {
        return "/groups/" + groupId + "/grievances/" + grievanceId;
    }

    @GetMapping("/groups/{groupId}/grievances")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("grievances", grievances.list(me.id(), groupId));
        return "grievances/list";
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/grievance")
    String adopt(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID concernId,
            RedirectAttributes redirect) {
        UUID id = grievances.adopt(me.id(), groupId, concernId);
        redirect.addFlashAttribute("notice", "grievance.adopted");
        return "redirect:" + page(groupId, id);
    }

    @GetMapping("/groups/{groupId}/grievances/{grievanceId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID grievanceId,
            Model model) {
        model.addAttribute("g", grievances.get(me.id(), groupId, grievanceId));
        model.addAttribute("statuses", Grievances.Status.values());
        model.addAttribute("comments", comments.list(me.id(), groupId, Comments.On.GRIEVANCE, grievanceId));
        return "grievances/grievance";
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/status")
    String status(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestParam(defaultValue = "") String status,
            RedirectAttributes redirect) {
        grievances.changeStatus(me.id(), groupId, grievanceId, status);
        redirect.addFlashAttribute("notice", "grievance.statusSaved");
        return "redirect:" + page(groupId, grievanceId);
    }

    @GetMapping("/groups/{groupId}/grievances/{grievanceId}/problem")
    String problem(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, Model model) {
        Grievances.View view = grievances.get(me.id(), groupId, grievanceId);
        if (!model.containsAttribute("form")) {
            Grievances.Problem p = view.problem();
            model.addAttribute("form", new ProblemForm(p.what(), p.who(), p.responsible(), p.since()));
        }
        model.addAttribute("g", view);
        return "grievances/problem";
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/problem")
    String describe(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @ModelAttribute("form") ProblemForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            grievances.describeProblem(me.id(), groupId, grievanceId,
                    new Grievances.Problem(form.what(), form.who(), form.responsible(), form.since()));
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return problem(me, groupId, grievanceId, model);
        }
        redirect.addFlashAttribute("notice", "grievance.saved");
        return "redirect:" + page(groupId, grievanceId) + "/problem";
    }

    @GetMapping("/groups/{groupId}/grievances/{grievanceId}/information")
    String information(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, Model model) {
        model.addAttribute("g", grievances.get(me.id(), groupId, grievanceId));
        model.addAttribute("kinds", Grievances.InfoKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InfoForm("FACT", "", "", true));
        }
        return "grievances/information";
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/information")
    String addInformation(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @ModelAttribute("form") InfoForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            grievances.addInformation(me.id(), groupId, grievanceId,
                    new Grievances.NewInfo(form.kind(), form.text(), form.link(),
                            form.anonymous() == null || form.anonymous()));
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return information(me, groupId, grievanceId, model);
        }
        // the notice goes in the query, not the session, since the information may be anonymous: see QueryNotices
        return "redirect:" + page(groupId, grievanceId) + "/information?done=informed";
    }

    @GetMapping("/groups/{groupId}/grievances/{grievanceId}/plan")
    String plan(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, Model model) {
        Grievances.View view = grievances.get(me.id(), groupId, grievanceId);
        model.addAttribute("g", view);
        if (view.organiser()) {
            model.addAttribute("members", groups.members(me.id(), groupId));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PlanForm("", null, ""));
        }
        model.addAttribute("myId", me.id());
        return "grievances/plan";
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/plan")
    String addStep(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return plan(me, groupId, grievanceId, model);
        }
        try {
            grievances.addPlanItem(me.id(), groupId, grievanceId,
                    new Grievances.NewPlanItem(form.what(), form.ownerId(), form.dueOn()));
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return plan(me, groupId, grievanceId, model);
        }
        redirect.addFlashAttribute("notice", "grievance.stepAdded");
        return "redirect:" + page(groupId, grievanceId) + "/plan";
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/plan/{itemId}")
    String mark(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID grievanceId,
            @PathVariable UUID itemId, @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        grievances.markPlanItem(me.id(), groupId, grievanceId, itemId, done);
        redirect.addFlashAttribute("notice", "grievance.stepSaved");
        return "redirect:" + page(groupId, grievanceId) + "/plan";
    }
}
