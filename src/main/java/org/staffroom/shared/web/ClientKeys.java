package org.staffroom.shared.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A key for throttling "per client" that never keeps the address itself: an HMAC of the connecting address
 * under a key that lives only in this process's memory and changes at every start. An IPv6 client counts by
 * its /64, the smallest network a provider gives one subscriber, or anyone with a /64 would have 2^64 fresh
 * addresses to step round every limit with.
 */
public final class ClientKeys {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private ClientKeys() {
    }

    public static String of(HttpServletRequest request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            // in memory only: used as a throttling key, never stored or logged
            byte[] digest = mac.doFinal(client(request.getRemoteAddr()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /**
     * An IPv4 address whole (an IPv4-mapped IPv6 address is the IPv4 address it carries), an IPv6 address's first
     * 64 bits. Read as a literal only, never looked up in DNS; anything else counts as it stands.
     */
    private static String client(String remoteAddress) {
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(remoteAddress);
        } catch (IllegalArgumentException e) {
            return remoteAddress;
        }
        return address instanceof Inet6Address
                ? HexFormat.of().formatHex(address.getAddress(), 0, 8) + "/64"
                : address.getHostAddress();
    }
}
