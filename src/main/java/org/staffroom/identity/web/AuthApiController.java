package org.staffroom.identity.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.AccountEvents.SignInFailed;
import org.staffroom.identity.AccountEvents.SignedIn;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.TwoFactor;
import org.staffroom.identity.internal.LoginThrottle;
import org.staffroom.identity.internal.PasswordAuthenticator;
import org.staffroom.identity.internal.SigningKeys;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.ClientKeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The API's sign-in: an e-mail and password (and second step) exchanged for an access token. */
@RestController
@Tag(name = "Authentication")
class AuthApiController {

    record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 512) String password,
            @Size(max = 10) String totp) {
    }

    record TokenResponse(String token, @Nullable Instant expiresAt) {
    }

    private final PasswordAuthenticator authenticator;
    private final LoginThrottle throttle;
    private final AccessTokens tokens;
    private final TwoFactor twoFactor;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SigningKeys signingKeys;

    AuthApiController(PasswordAuthenticator authenticator, LoginThrottle throttle, AccessTokens tokens,
            TwoFactor twoFactor, org.springframework.context.ApplicationEventPublisher events,
            SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
        this.twoFactor = twoFactor;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.tokens = tokens;
        this.events = events;
    }

    @Operation(summary = "Exchange an e-mail address and password for a bearer token valid for 12 hours", description = "Accounts with two-step sign-in also send the current six-digit code as totp. "
            + "Throttled like the sign-in page: 429 after repeated failures.")
    @PostMapping("/api/v1/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        String client = ClientKeys.of(http);
        if (throttle.blocked(request.email(), client)) {
            throw new DomainException.TooManyRequests();
        }
        CurrentAccount account = authenticator.check(request.email().strip().toLowerCase(java.util.Locale.ROOT),
                request.password()).orElse(null);
        if (account == null) {
            throttle.failed(request.email(), client);
            events.publishEvent(new SignInFailed(null));
            throw new DomainException.Unauthorized("signIn.api.failed");
        }
        if (!twoFactor.passes(account.id(), request.totp())) {
            throttle.failed(request.email(), client);
            events.publishEvent(new SignInFailed(account.id()));
            // the same answer as a wrong password: which of the two was wrong would confirm the password
            throw new DomainException.Unauthorized("signIn.api.failed");
        }
        throttle.succeeded(request.email());
        events.publishEvent(new SignedIn(account.id()));
        byte[] secret = signingKeys.unlock(account.id(), request.password());
        AccessTokens.IssuedToken issued;
        try {
            issued = tokens.createForSignIn(account.id(), secret);
        } finally {
            SigningKeys.wipe(secret);
        }
        return new TokenResponse(issued.token(), issued.expiresAt());
    }
}
