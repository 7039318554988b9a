package org.staffroom.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers every response carries, in one place: the filter chains write them, and so do the
 * answers to requests refused before any chain runs (by Spring Security's firewall, or by Tomcat).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final List<HeaderWriter> WRITERS = writers();

    private SecurityHeaders() {
    }

    /** Spring Security's defaults (HSTS only over HTTPS) with the policy, framing and referrer settings. */
    private static List<HeaderWriter> writers() {
        CrossOriginOpenerPolicyHeaderWriter openerPolicy = new CrossOriginOpenerPolicyHeaderWriter();
        openerPolicy.setPolicy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN);
        return List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(), new HstsHeaderWriter(31_536_000, true),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER), openerPolicy,
                new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
    }

    public static List<HeaderWriter> all() {
        return WRITERS;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) {
        WRITERS.forEach(writer -> writer.writeHeaders(request, response));
    }
}
