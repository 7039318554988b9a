package org.staffroom.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Remembers where to go after sign-in as a path only. Spring Security's default keeps the whole request,
 * headers included, in the session, and sessions live in the database: that would store user agents.
 */
final class UrlOnlyRequestCache implements RequestCache {

    private static final String ATTRIBUTE = "staffroom.afterSignIn";

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith("/error")) {
            return;
        }
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        request.getSession().setAttribute(ATTRIBUTE, path.length() > 1000 ? "/" : path);
    }

    @Override
    public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object path = session == null ? null : session.getAttribute(ATTRIBUTE);
        return path instanceof String url ? new SimpleSavedRequest(url) : null;
    }

    @Override
    public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
