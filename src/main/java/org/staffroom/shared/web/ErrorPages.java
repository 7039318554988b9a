package org.staffroom.shared.web;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends every error that no handler answered: unreadable bodies, unknown routes,
 * wrong methods or content types, and bugs. API paths get a problem document; pages get the error page.
 */
@Controller
class ErrorPages implements ErrorController {

    static final String VIEW = "error";
    private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 429, 503);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    /** Returns a problem document for API paths and the error page otherwise (dispatched on the value). */
    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        HttpStatus status = statusOf(request);
        if (isApi(request)) {
            ProblemDetail problem = ProblemDocuments.of(status,
                    messages.getMessage(messageCode(status), null, locale));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("status", status.value());
        Object refusal = request.getAttribute(PageErrorAdvice.MESSAGE_CODE);
        page.addObject("messageCode", refusal instanceof String code ? code : messageCode(status));
        page.addObject("messageArguments", request.getAttribute(PageErrorAdvice.MESSAGE_ARGUMENTS));
        return page;
    }

    private static String messageCode(HttpStatus status) {
        return EXPLAINED.contains(status.value()) ? "error.status." + status.value() : "error.status.other";
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
