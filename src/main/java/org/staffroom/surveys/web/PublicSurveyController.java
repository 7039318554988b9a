package org.staffroom.surveys.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.Notices;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.SurveyLinks;

/**
 * A network survey through its link, as a page for people outside Staffroom: no account, no session
 * identity. Wrong codes are throttled ({@link CodeThrottle}).
 */
@Controller
class PublicSurveyController {

    private final SurveyLinks links;
    private final Responses responses;
    private final CodeThrottle throttle;

    PublicSurveyController(SurveyLinks links, Responses responses, CodeThrottle throttle) {
        this.links = links;
        this.responses = responses;
        this.throttle = throttle;
    }

    @GetMapping("/s/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) @Nullable String done, Model model) {
        Notices.fromQuery(model, done, null, Map.of("answered", "survey.answered"), Map.of());
        model.addAttribute("survey", links.byLinkView(token));
        model.addAttribute("token", token);
        model.addAttribute("answered", "answered".equals(done));
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", Map.of());
        }
        return "surveys/public";
    }

    @PostMapping("/s/{token}")
    String respond(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        AnswerForm answers = AnswerForm.of(form);
        Map<String, List<String>> given = answers.given();
        try {
            throttle.guard(request, () -> responses.respondByLink(token, code,
                    answers.answers(links.byLinkView(token).questions())));
            return "redirect:/s/" + token + "?done=answered";
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("given", given);
            model.addAttribute("answerError", e);
            model.addAttribute("code", code);
            return show(token, null, model);
        }
    }
}
