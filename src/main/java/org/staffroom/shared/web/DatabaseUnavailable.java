package org.staffroom.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.staffroom.shared.DatabaseFailures;
import org.staffroom.shared.InstanceSettings;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the database cannot be reached (restarting, failing over, unreachable), every request answers 503
 * with "temporarily unavailable" and a Retry-After: a problem document on API paths, the error page
 * otherwise, never a stack trace. Ahead of the session filter, which needs the database too. The server
 * itself carries on: the connection pool reconnects once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String MESSAGE = "error.unavailable";
    private static final String RETRY_AFTER_SECONDS = "30";

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final InstanceSettings settings;

    DatabaseUnavailable(ITemplateEngine templates, MessageSource messages, InstanceSettings settings) {
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            if (response.isCommitted()) {
                LOG.warn("The database cannot be reached ({}) after the answer had begun",
                        NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName());
                throw e;
            }
            // the kind of failure only: its message could hold the database's address
            LOG.warn("The database cannot be reached ({}); answered 503",
                    NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName());
            unavailable(request, response);
        }
    }

    /** The error page needs the database too (the signed-in member, for the layout): guard it as well. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDocuments.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage(MESSAGE, null, request.getLocale()));
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), request.getLocale(),
                Map.of(
                        "status", HttpStatus.SERVICE_UNAVAILABLE.value(),
                        "messageCode", MESSAGE,
                        "quickExitUrl", settings.quickExitUrl()));
        templates.process(ErrorPages.VIEW, page, response.getWriter());
    }
}
