package org.pairbench.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Literal addresses only: nothing here needs a resolver or a network. */
class TargetHostsTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void loopbackOnlyAcceptsLoopbackAndRefusesEveryOtherAddress() throws Exception {
        TargetHosts rule = TargetHosts.loopbackOnly();
        assertThat(rule.require(ip("127.0.0.1"))).isEqualTo(ip("127.0.0.1"));
        assertThat(rule.require(ip("127.3.4.5"))).isEqualTo(ip("127.3.4.5"));
        assertThat(rule.require(ip("::1"))).isEqualTo(ip("::1"));
        for (String other : new String[] {"10.0.0.5", "192.168.1.2", "172.16.0.1", "8.8.8.8", "0.0.0.0", "fe80::1"}) {
            assertThatThrownBy(() -> rule.require(ip(other))).as(other)
                    .hasMessageContaining("is not a loopback address")
                    .hasMessageEndingWith("pairbench sends load only to 127.0.0.1 or ::1");
        }
        assertThat(rule.remoteHost()).isNull();
        // the guard every driver calls applies the same rule
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(ip("10.0.0.5"))).hasMessageContaining("10.0.0.5");
    }

    @Test
    void anAllowedRemoteHostIsAcceptedAndNoOtherIs() throws Exception {
        TargetHosts rule = TargetHosts.allowing("10.0.0.5");
        assertThat(rule.require(ip("10.0.0.5"))).isEqualTo(ip("10.0.0.5"));
        assertThat(rule.require(new InetSocketAddress("10.0.0.5", 8080)).getPort()).isEqualTo(8080);
        assertThat(rule.require(ip("127.0.0.1"))).isEqualTo(ip("127.0.0.1"));
        for (String other : new String[] {"10.0.0.6", "10.0.0.4", "192.168.1.2", "8.8.8.8", "0.0.0.0"}) {
            assertThatThrownBy(() -> rule.require(ip(other))).as(other)
                    .hasMessageContaining("nor the remote target host 10.0.0.5 (10.0.0.5)");
        }
        assertThatThrownBy(() -> rule.require(new InetSocketAddress("10.0.0.6", 8080)))
                .hasMessageContaining("'10.0.0.6' is not a loopback address");
        assertThat(rule.remoteHost()).isEqualTo("10.0.0.5");
        // allowing one host leaves the loopback-only rule as it was
        assertThatThrownBy(() -> TargetHosts.loopbackOnly().require(ip("10.0.0.5")))
                .hasMessageContaining("is not a loopback address");
        assertThatThrownBy(() -> TargetHosts.allowing(" ")).hasMessageContaining("a host name or address is needed");
    }

    @Test
    void dockerHostNamesTheTargetsHostOrALocalEngine() {
        assertThat(TargetHosts.fromDockerHost("tcp://10.0.0.5:2376")).isEqualTo("10.0.0.5");
        assertThat(TargetHosts.fromDockerHost("tcp://127.0.0.1:2375")).isEqualTo("127.0.0.1");
        assertThat(TargetHosts.fromDockerHost("ssh://bench@box.example:22")).isEqualTo("box.example");
        assertThat(TargetHosts.fromDockerHost("tcp://[fd00::5]:2376")).isEqualTo("[fd00::5]");
        assertThat(TargetHosts.fromDockerHost(null)).isNull();
        assertThat(TargetHosts.fromDockerHost("")).isNull();
        assertThat(TargetHosts.fromDockerHost("unix:///var/run/docker.sock")).isNull();
        assertThatThrownBy(() -> TargetHosts.fromDockerHost("box:2376")).hasMessageContaining("expected unix://PATH");
        assertThatThrownBy(() -> TargetHosts.fromDockerHost("tcp://")).hasMessageStartingWith("DOCKER_HOST 'tcp://'");
    }
}
