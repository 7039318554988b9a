package org.staffroom.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.staffroom.shared.DomainException;

/**
 * Turns refusals and invalid input in the JSON API into RFC 9457 problem documents. Standard MVC errors
 * (unreadable JSON, wrong content type, ...) reach {@link ErrorPages}, which answers in the same form.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private final MessageSource messages;

    ApiErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e, Locale locale) {
        ProblemDetail problem = ProblemDocuments.of(e.status(),
                messages.getMessage(e.messageCode(), e.arguments(), locale));
        if (e instanceof DomainException.InvalidInput invalid) {
            problem.setProperty("errors", invalid.all().stream().map(each -> Map.of("field", each.field(),
                    "message", messages.getMessage(each.messageCode(), each.arguments(), locale))).toList());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e, Locale locale) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", message(error, locale)))
                .toList();
        return badRequest(errors, locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, Locale locale) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", messages.getMessage(error, locale))))
                .toList();
        return badRequest(errors, locale);
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = ProblemDocuments.of(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.invalidInput", null, locale));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private String message(FieldError error, Locale locale) {
        return error.isBindingFailure() ? messages.getMessage("error.wrongType", null, locale)
                : messages.getMessage(error, locale);
    }
}
