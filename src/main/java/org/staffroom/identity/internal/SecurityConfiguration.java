package org.staffroom.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.session.SessionIdGenerator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.AccountEvents.SignInFailed;
import org.staffroom.identity.AccountEvents.SignInThrottled;
import org.staffroom.identity.AccountEvents.SignedIn;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.TwoFactor;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.web.ClientKeys;
import org.staffroom.shared.web.PageErrorAdvice;
import org.staffroom.shared.web.ProblemDocuments;
import org.staffroom.shared.web.SecurityHeaders;

/**
 * Two filter chains: the JSON API (bearer tokens only, stateless, so no cookie can act for a client and CSRF
 * tokens are not needed) and the pages (form sign-in, sessions in the database, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No details for a form sign-in: the default details hold the client's address (null is Spring's "none"). */
    @SuppressWarnings("NullAway")
    private static final org.springframework.security.authentication.AuthenticationDetailsSource<HttpServletRequest, Object> NO_DETAILS = request -> null;

    private static final UrlOnlyRequestCache REQUEST_CACHE = new UrlOnlyRequestCache();

    /** Argon2id at OWASP's first recommended setting (ASVS 5.0): 46 MiB, 1 iteration, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 46 * 1024, 1);
    }

    /** 256 random bits per session id (the default UUID has 122). */
    @Bean
    SessionIdGenerator sessionIdGenerator() {
        return () -> SecretTokens.newToken(32);
    }

    /**
     * Health and metrics: open, stateless, no session. The actuator answers only on the management port (on
     * the loopback interface unless configured otherwise); the main port has the two probes a proxy or an
     * orchestrator asks.
     */
    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/livez", "/readyz", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, MessageSource messages) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
                        .requestMatchers("/api/v1/directory/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/receipts/**").permitAll()
                        .requestMatchers("/api/v1/public-surveys/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .addFilterAfter(new BearerTokenFilter(tokens, messages), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "error.status.401", messages, request.getLocale()))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "error.status.403", messages, request.getLocale())))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, TrustedDevices devices, AccountStore accounts,
            TwoFactor twoFactor,
            ApplicationEventPublisher events, MessageSource messages, SigningKeys signingKeys, UnlockedSecrets secrets,
            @Value("${staffroom.session.absolute-timeout}") Duration absoluteTimeout) throws Exception {
        PasskeySupport.configure(http, accounts, events, messages);
        http.authorizeHttpRequests(authorize -> authorize
                // right after raising, the receipt is shown only to the author still signed in
                .requestMatchers("/receipt/new", "/receipt/confirm").authenticated()
                .requestMatchers("/", "/login", "/login/two-factor", "/setup", "/directory", "/directory/**",
                        "/invitations/**",
                        "/password-reset", "/password-reset/**", "/css/**", "/js/**", "/favicon.svg",
                        "/error", "/privacy", "/leave", "/login/webauthn", "/webauthn/authenticate/options", "/receipt",
                        "/receipt/**", "/calendar/*.ics", "/s/*", "/journal/witness/*")
                .permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        // the default details hold the client's address, and would be stored in the session table
                        .authenticationDetailsSource(NO_DETAILS)
                        .successHandler(new SignedInHandler(throttle, devices, twoFactor, events, signingKeys, secrets))
                        .failureHandler((request, response, e) -> {
                            String email = request.getParameter("email");
                            throttle.failed(email, ClientKeys.of(request), devices.of(request, email));
                            events.publishEvent(new SignInFailed(email == null ? null
                                    : accounts.byEmail(email.strip().toLowerCase(Locale.ROOT))
                                            .map(AccountStore.StoredAccount::id).orElse(null)));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> TrustedDevices.forgetOnSignOut(request,
                                response))
                        .logoutSuccessUrl("/login?signedOut"))
                .requestCache(cache -> cache.requestCache(REQUEST_CACHE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new ThrottledSignIn(throttle, devices, accounts, events),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AbsoluteSessionTimeout(absoluteTimeout, Clock.systemUTC()),
                        SecurityContextHolderFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.defaultsDisabled();
        SecurityHeaders.all().forEach(headers::addHeaderWriter);
    }

    /**
     * A request the firewall refuses (a doubled slash, an encoded slash, a semicolon in the path, ...) is
     * answered before any chain runs: with the same headers as everything else, and the 400 page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            SecurityHeaders.write(request, response);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    /** Records the sign-in, clears the account's failure count, and starts the absolute session clock. */
    private static final class SignedInHandler extends SavedRequestAwareAuthenticationSuccessHandler {

        private final LoginThrottle throttle;
        private final TrustedDevices devices;
        private final TwoFactor twoFactor;
        private final ApplicationEventPublisher events;
        private final SigningKeys signingKeys;
        private final UnlockedSecrets secrets;

        SignedInHandler(LoginThrottle throttle, TrustedDevices devices, TwoFactor twoFactor,
                ApplicationEventPublisher events, SigningKeys signingKeys, UnlockedSecrets secrets) {
            this.devices = devices;
            this.signingKeys = signingKeys;
            this.secrets = secrets;
            this.throttle = throttle;
            this.twoFactor = twoFactor;
            this.events = events;
            setDefaultTargetUrl("/");
            setRequestCache(REQUEST_CACHE);
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
            String email = request.getParameter("email");
            throttle.succeeded(email, devices.of(request, email));
            CurrentAccount account = (CurrentAccount) Objects.requireNonNull(authentication.getPrincipal());
            TrustedDevices.noteOwnDevice(request);
            // the password is at hand only now: unlock the signing secret for this session
            byte[] secret = signingKeys.unlock(account.id(), request.getParameter("password"));
            try {
                secrets.keepInSession(request, response, account.id(), secret);
            } finally {
                SigningKeys.wipe(secret);
            }
            if (twoFactor.enabled(account.id())) {
                // the password was right, but the person is not signed in until the code is right too
                SecurityContextHolder.clearContext();
                new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(),
                        request, response);
                request.getSession().setAttribute(PendingSecondStep.ATTRIBUTE,
                        new PendingSecondStep(account.id(), Instant.now()));
                response.sendRedirect(request.getContextPath() + "/login/two-factor");
                return;
            }
            request.getSession().setAttribute(SessionRegistry.SIGNED_IN_AT, Instant.now());
            devices.remember(request, response, account.id());
            events.publishEvent(new SignedIn(account.id()));
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * Answers 429, saying why and what still works, to a sign-in attempt that {@link LoginThrottle} holds back.
     */
    private static final class ThrottledSignIn extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final TrustedDevices devices;
        private final AccountStore accounts;
        private final ApplicationEventPublisher events;

        ThrottledSignIn(LoginThrottle throttle, TrustedDevices devices, AccountStore accounts,
                ApplicationEventPublisher events) {
            this.throttle = throttle;
            this.devices = devices;
            this.accounts = accounts;
            this.events = events;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String email = request.getParameter("email");
            Optional<LoginThrottle.Held> held = throttle.held(email, ClientKeys.of(request),
                    devices.of(request, email));
            if (held.isPresent()) {
                events.publishEvent(new SignInThrottled(email == null ? null
                        : accounts.byEmail(email.strip().toLowerCase(Locale.ROOT))
                                .map(AccountStore.StoredAccount::id).orElse(null)));
                request.setAttribute(PageErrorAdvice.MESSAGE_CODE,
                        held.get() == LoginThrottle.Held.ADDRESS ? "signIn.held.address" : "signIn.held.slowed");
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** RFC 9457 problem documents written by filters, outside Spring MVC. */
    static final class Problems {

        private Problems() {
        }

        static void write(HttpServletResponse response, HttpStatus status, String messageCode, MessageSource messages,
                Locale locale) throws IOException {
            write(response, status, messages.getMessage(messageCode, null, locale));
        }

        static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            ProblemDocuments.write(response, status, detail);
        }
    }
}
