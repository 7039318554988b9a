package org.staffroom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void byDefaultNoPeerIsTrustedToForward() {
        RemoteIpValve valve = new RemoteIpValve();
        assertThat(valve.getInternalProxies()).as("Tomcat's own default trusts private addresses").isNotNull();
        new TrustedProxies("").apply(valve);
        assertThat(valve.getInternalProxies()).isNull();
        assertThat(valve.getTrustedProxies()).isNull();
    }

    @Test
    void listedAddressesAreTrustedExactlyAsTomcatWritesThem() {
        RemoteIpValve valve = new RemoteIpValve();
        new TrustedProxies(" 10.0.0.5, ::1 ").apply(valve);
        assertThat(valve.getInternalProxies()).isEqualTo("\\Q10.0.0.5\\E|\\Q0:0:0:0:0:0:0:1\\E");
        assertThat("10.0.0.5").matches(valve.getInternalProxies());
        assertThat("10.0.0.50").doesNotMatch(valve.getInternalProxies());
    }

    @Test
    void aNameIsRefusedAtStartRatherThanLookedUp() {
        assertThatThrownBy(() -> new TrustedProxies("proxy.example.org")).hasMessageContaining("not names");
    }
}
