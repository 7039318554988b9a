package org.staffroom.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.web.filter.OncePerRequestFilter;
import org.staffroom.identity.AccountEvents.PasskeyAdded;
import org.staffroom.identity.AccountEvents.SignedIn;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.TextInput;

import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys through Spring Security's WebAuthn support: the credentials live in the database (so any server
 * can check them), the relying party is this instance's host, and a passkey must verify the person (PIN or
 * biometric) on the device, so it counts as both factors and the TOTP step is not asked for.
 */
@Configuration(proxyBeanMethods = false)
class PasskeySupport {

    static final int MAX_LABEL = 60;

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
            ApplicationEventPublisher events) {
        return new CheckedCredentials(new JdbcUserCredentialRepository(jdbc), users, events);
    }

    @Bean
    PasskeyOrigins passkeyOrigins(InstanceSettings settings) {
        return new PasskeyOrigins(settings.baseUrl());
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, PasskeyOrigins origins) {
        PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder()
                .id(origins.rpId()).name("Staffroom").build();
        Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials, rp,
                origins.allowed());
        operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        operations
                .setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

    /** Turns on the WebAuthn endpoints in the pages' filter chain. */
    static void configure(HttpSecurity http, AccountStore accounts, ApplicationEventPublisher events,
            MessageSource messages) throws Exception {
        http.setSharedObject(UserDetailsService.class, name -> {
            CurrentAccount account = find(accounts, name);
            return User.withUsername(name).password("").authorities(PasswordAuthenticator.authorities(account))
                    .build();
        });
        http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {

                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(new SignedInWithPasskey(accounts, events));
                        return filter;
                    }
                }))
                .addFilterBefore(new BadCeremonies(messages), org.springframework.security.web.csrf.CsrfFilter.class);
    }

    private static CurrentAccount find(AccountStore accounts, String name) {
        try {
            return accounts.byId(UUID.fromString(name))
                    .map(a -> new CurrentAccount(a.id(), a.administrator()))
                    .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("no such account");
        }
    }

    /** Where passkeys may be used: this instance's origin, with the real port once the server has one. */
    static final class PasskeyOrigins {

        private final URI base;
        private final Set<String> allowed = new CopyOnWriteArraySet<>();

        PasskeyOrigins(String baseUrl) {
            this.base = URI.create(baseUrl);
            allowed.add(origin(base.getPort()));
        }

        String rpId() {
            return base.getHost();
        }

        Set<String> allowed() {
            return allowed;
        }

        /** With {@code server.port=0} (tests) the base URL names port 0; the browser sees the real one. */
        @EventListener
        void on(WebServerInitializedEvent event) {
            if (base.getPort() == 0) {
                allowed.add(origin(event.getWebServer().getPort()));
            }
        }

        private String origin(int port) {
            return base.getScheme() + "://" + base.getHost() + (port < 0 ? "" : ":" + port);
        }
    }

    /**
     * Puts the same principal in the session as a password sign-in does, renews the session id, and answers
     * the page's script with where to go next.
     */
    private static final class SignedInWithPasskey
            implements
                org.springframework.security.web.authentication.AuthenticationSuccessHandler {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final AccountStore accounts;
        private final ApplicationEventPublisher events;

        SignedInWithPasskey(AccountStore accounts, ApplicationEventPublisher events) {
            this.accounts = accounts;
            this.events = events;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException {
            PublicKeyCredentialUserEntity user = ((WebAuthnAuthentication) authentication).getPrincipal();
            CurrentAccount account = find(accounts, user.getName());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                    PasswordAuthenticator.authorities(account)));
            SecurityContextHolder.setContext(context);
            request.changeSessionId();
            new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
            request.getSession().setAttribute(SessionRegistry.SIGNED_IN_AT, Instant.now());
            events.publishEvent(new SignedIn(account.id()));
            response.setContentType("application/json");
            response.getWriter().write(JSON.writeValueAsString(
                    java.util.Map.of("authenticated", true, "redirectUrl", request.getContextPath() + "/")));
        }
    }

    /**
     * A malformed or forged WebAuthn message is the client's fault: answer 400 with a problem document rather
     * than let the library's exception become a 500.
     */
    private static final class BadCeremonies extends OncePerRequestFilter {

        private final MessageSource messages;

        BadCeremonies(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getServletPath();
            return !(path.startsWith("/webauthn/") || path.equals("/login/webauthn"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (RuntimeException e) {
                if (response.isCommitted()) {
                    throw e;
                }
                response.reset();
                if (e instanceof DomainException refused) {
                    SecurityConfiguration.Problems.write(response, refused.status(), messages.getMessage(
                            refused.messageCode(), refused.arguments(), request.getLocale()));
                } else {
                    SecurityConfiguration.Problems.write(response, HttpStatus.BAD_REQUEST, "passkeys.failed",
                            messages, request.getLocale());
                }
            }
        }
    }

    /** Checks the label a person gives a new passkey, and records that one was added. */
    private record CheckedCredentials(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository users,
            ApplicationEventPublisher events) implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord credential) {
            boolean added = delegate.findByCredentialId(credential.getCredentialId()) == null;
            if (added) {
                TextInput.line("label", credential.getLabel(), MAX_LABEL, true);
            }
            // the days it was made and last used, not the times: a time of use is a time of sign-in (docs/anonymity.md)
            delegate.save(org.springframework.security.web.webauthn.api.ImmutableCredentialRecord
                    .fromCredentialRecord(credential).created(day(credential.getCreated()))
                    .lastUsed(day(credential.getLastUsed())).build());
            if (added) {
                PublicKeyCredentialUserEntity user = users.findById(credential.getUserEntityUserId());
                if (user != null) {
                    events.publishEvent(new PasskeyAdded(UUID.fromString(user.getName())));
                }
            }
        }

        @org.springframework.lang.Contract("null -> null; !null -> !null")
        private static java.time.@Nullable Instant day(java.time.@Nullable Instant instant) {
            return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        }

        @Override
        public void delete(Bytes credentialId) {
            delegate.delete(credentialId);
        }

        @Override
        public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public java.util.List<CredentialRecord> findByUserId(Bytes userId) {
            return delegate.findByUserId(userId);
        }
    }
}
