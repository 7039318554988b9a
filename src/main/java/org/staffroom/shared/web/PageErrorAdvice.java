package org.staffroom.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.staffroom.shared.DomainException;

/**
 * Refusals on pages go through the container's error dispatch to {@link ErrorPages}, so that the error
 * page is rendered like every other page (layout, signed-in menu, quick exit) with the refusal's message.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrorAdvice {

    /** A request attribute: the message the error page shows instead of its status's. */
    public static final String MESSAGE_CODE = "staffroom.error.messageCode";
    static final String MESSAGE_ARGUMENTS = "staffroom.error.messageArguments";

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(MESSAGE_CODE, e.messageCode());
        request.setAttribute(MESSAGE_ARGUMENTS, e.arguments());
        response.sendError(e.status().value());
        return new ModelAndView();
    }
}
