package org.staffroom.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutTest {

    static final Instant SIGNED_IN = Instant.parse("2026-11-23T08:00:00Z");

    MockHttpServletResponse request(Instant now, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AbsoluteSessionTimeout(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SessionRegistry.SIGNED_IN_AT, SIGNED_IN);
        assertThat(request(SIGNED_IN.plus(Duration.ofHours(11)), session).getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();

        MockHttpServletResponse late = request(SIGNED_IN.plus(Duration.ofHours(12).plusSeconds(1)), session);
        assertThat(late.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }
}
