package org.interlink.caller.security;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private final ClientAddress behindBalancer = ClientAddress.trusting("127.0.0.1", "10.0.0.5", "::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverBelieved() {
        ClientAddress direct = ClientAddress.trusting();
        assertThat(direct.of("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void fromATrustedBalancerTheAddressItSawIsTheClient() {
        assertThat(behindBalancer.of("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("0:0:0:0:0:0:0:1", List.of("203.0.113.9"))).as("::1 as the container writes it")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void theHeaderFromAnyoneElseIsTheirOwnWords() {
        assertThat(behindBalancer.of("198.51.100.7", List.of("127.0.0.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void whatTheClientWroteLeftOfItsAddressIsNeverRead() {
        // the client sent "X-Forwarded-For: …", a proxy that appends added what it saw, then the trusted balancer
        assertThat(behindBalancer.of("127.0.0.1", List.of("192.0.2.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("127.0.0.1", List.of("192.0.2.1", "203.0.113.9, 10.0.0.5"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("127.0.0.1", List.of("not an address, <script>, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("127.0.0.1", List.of(String.join(",", Collections.nCopies(40, "x")) + ",203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void onlyTrustedHopsNameTheNearest() {
        assertThat(behindBalancer.of("127.0.0.1", List.of("10.0.0.5"))).isEqualTo("10.0.0.5");
        assertThat(behindBalancer.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void anEntryThatIsNotAnAddressWhereTheClientShouldBeIsNotBelieved() {
        assertThat(behindBalancer.of("127.0.0.1", List.of("evil.example"))).as("never looked up").isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of("203.0.113.9, <script>"))).isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of("203.0.113.9, 10.0.0.5, ::::"))).isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of("203.0.113.9, bad, 10.0.0.5"))).as("the last trusted hop")
                .isEqualTo("10.0.0.5");
        assertThat(behindBalancer.of("127.0.0.1", List.of(""))).isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of("1.1"))).isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of("256.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(behindBalancer.of("127.0.0.1", List.of(".:"))).as("not a literal to InetAddress: never looked up")
                .isEqualTo("127.0.0.1");
        assertThat(ClientAddress.canonical(".1:2")).isEmpty();
    }

    @Test
    void addressesAreRecordedInOneForm() {
        assertThat(behindBalancer.of("127.0.0.1", List.of("2001:db8::17"))).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(behindBalancer.of("127.0.0.1", List.of("[2001:DB8::17]:443"))).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(behindBalancer.of("127.0.0.1", List.of("203.0.113.9:5678"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("127.0.0.1", List.of("::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of("127.0.0.1", List.of("::ffff:10.0.0.5"))).as("a trusted proxy, mapped").isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedProxyMustBeAnAddress() {
        assertThatThrownBy(() -> ClientAddress.trusting("balancer.example")).hasMessageContaining("not an IP address");
    }
}
