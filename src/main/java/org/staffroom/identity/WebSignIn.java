package org.staffroom.identity;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.SignedIn;
import org.staffroom.identity.internal.PasswordAuthenticator;
import org.staffroom.identity.internal.SessionRegistry;
import org.staffroom.identity.internal.TrustedDevices;

/** Signs in an account that has just been created (setup page, accepted invitation) without a second form. */
@Component
public class WebSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TrustedDevices devices;

    WebSignIn(Accounts accounts, ApplicationEventPublisher events, TrustedDevices devices) {
        this.accounts = accounts;
        this.events = events;
        this.devices = devices;
    }

    public void signIn(java.util.UUID accountId, HttpServletRequest request, HttpServletResponse response) {
        CurrentAccount account = new CurrentAccount(accountId, accounts.get(accountId).administrator());
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                PasswordAuthenticator.authorities(account)));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        request.getSession().setAttribute(SessionRegistry.SIGNED_IN_AT, Instant.now());
        devices.remember(request, response, accountId);
        events.publishEvent(new SignedIn(accountId));
    }
}
