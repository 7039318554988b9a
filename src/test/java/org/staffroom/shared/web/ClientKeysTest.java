package org.staffroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Someone given an IPv6 /64 holds 2^64 addresses: counted per address, they would step round every per-client
 * limit by changing address. One /64 is one client; an IPv4 address is one client, however it is written.
 */
class ClientKeysTest {

    @Test
    void everyAddressInOneSlash64IsOneClient() {
        assertThat(key("2001:db8:1:2::1")).isEqualTo(key("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(key("2001:0db8:0001:0002:dead:beef:0:7")).isEqualTo(key("[2001:db8:1:2::99]"));
    }

    @Test
    void neighbouringSlash64sAreDifferentClients() {
        assertThat(key("2001:db8:1:2::1")).isNotEqualTo(key("2001:db8:1:3::1")).isNotEqualTo(key("2001:db8:2:2::1"));
    }

    @Test
    void everyIpv4AddressIsItsOwnClientHoweverItIsWritten() {
        assertThat(key("10.0.0.1")).isNotEqualTo(key("10.0.0.2")).isEqualTo(key("::ffff:10.0.0.1"))
                .isEqualTo(key("0:0:0:0:0:ffff:a00:1"));
        assertThat(key("::ffff:10.0.0.1")).isNotEqualTo(key("::ffff:10.0.0.2"));
    }

    @Test
    void aRemoteAddressThatIsNoIpLiteralIsKeyedAsItStands() {
        assertThat(key("localhost")).isEqualTo(key("localhost")).isNotEqualTo(key("127.0.0.1"));
    }

    private static String key(String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remoteAddress);
        return ClientKeys.of(request);
    }
}
