package org.staffroom.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormPage;

/**
 * A form that acts under the member's anonymous tag, sent while the signing secret is locked in this session
 * (after a passkey sign-in): nothing was done, and the member is sent to confirm their password, then back to
 * the page the form is on. The API's advice, which comes first, answers the same refusal with a 403 problem
 * document; every other refusal goes on to the error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecretLockedAdvice {

    @ExceptionHandler(DomainException.SecretLocked.class)
    String locked(HandlerMethod handler, HttpServletRequest request) {
        return "redirect:/account/unlock?then=" + formPage(handler, request.getRequestURI());
    }

    static String formPage(HandlerMethod handler, String path) {
        FormPage page = handler.getMethodAnnotation(FormPage.class);
        if (page != null) {
            return path + page.append();
        }
        int last = path.lastIndexOf('/');
        return last > 0 ? path.substring(0, last) : "/";
    }
}
