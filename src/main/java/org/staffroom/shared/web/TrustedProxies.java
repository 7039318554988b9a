package org.staffroom.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which peers may say, in {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, who the client is and
 * whether it came over HTTPS: only the proxy addresses listed in {@code staffroom.trusted-proxies}
 * ({@code STAFFROOM_TRUSTED_PROXIES}, comma-separated IP addresses), and by default none. Tomcat's own default
 * trusts every loopback and private address, so that anyone reaching a server directly — on a LAN, a
 * container bridge, or a server started without the proxy — could name a new address with each request and
 * escape every per-client limit.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<String> addresses;

    TrustedProxies(@Value("${staffroom.trusted-proxies:}") String configured) {
        this.addresses = parse(configured);
    }

    /** The addresses as Tomcat writes a peer's ({@link InetAddress#getHostAddress()}). */
    static List<String> parse(String configured) {
        return Arrays.stream(configured == null ? new String[0] : configured.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).map(address -> {
                    if (!LITERAL.matcher(address).matches()) {
                        throw new IllegalStateException("STAFFROOM_TRUSTED_PROXIES takes IP addresses, not names: "
                                + address);
                    }
                    try {
                        // a literal: no name is looked up
                        return InetAddress.getByName(address).getHostAddress();
                    } catch (UnknownHostException e) {
                        throw new IllegalStateException("STAFFROOM_TRUSTED_PROXIES: not an IP address: " + address, e);
                    }
                }).distinct().toList();
    }

    /** Tomcat's pattern for the addresses; empty for none. */
    String pattern() {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        for (var valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                apply(remoteIp);
            }
        }
    }

    void apply(RemoteIpValve valve) {
        valve.setInternalProxies(pattern());
        valve.setTrustedProxies(null);
    }

    /** After Spring Boot's own customizer, which adds the valve with Tomcat's default. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
