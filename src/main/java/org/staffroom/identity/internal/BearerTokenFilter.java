package org.staffroom.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.CurrentAccount;

/** Authenticates API requests that carry {@code Authorization: Bearer <token>}; a bad token is a 401. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;
    private final MessageSource messages;

    BearerTokenFilter(AccessTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            SecurityConfiguration.Problems.write(response, HttpStatus.UNAUTHORIZED, "error.badToken", messages,
                    request.getLocale());
            return;
        }
        String token = header.substring(PREFIX.length()).strip();
        CurrentAccount account = tokens.authenticate(token).orElse(null);
        if (account == null) {
            SecurityConfiguration.Problems.write(response, HttpStatus.UNAUTHORIZED, "error.badToken", messages,
                    request.getLocale());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                PasswordAuthenticator.authorities(account)));
        SecurityContextHolder.setContext(context);
        UnlockedSecrets.rememberToken(request, token);
        chain.doFilter(request, response);
    }
}
