package org.pairbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule over a fixed name table: no name service, no network. */
class RemoteTargetRuleTest {
    private static final Map<String, String[]> NAMES = Map.of(
            "bench-a", new String[] {"10.0.0.5"},
            "bench-a.lab", new String[] {"10.0.0.5"},
            "bench-b", new String[] {"10.0.0.6"},
            "pool", new String[] {"10.0.0.5", "10.0.0.7"},
            "localhost", new String[] {"127.0.0.1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = NAMES.get(host);
        if (literals == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        String[] all = literals == null ? new String[] {host} : literals;
        InetAddress[] out = new InetAddress[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = InetAddress.getByName(all[i]); // literals: no lookup
        }
        return out;
    }

    private static RemoteTargetRule.Decision decide(String runtime, String dockerHost, String flag) {
        return RemoteTargetRule.decide(runtime, dockerHost, flag, RemoteTargetRuleTest::resolve);
    }

    @Test
    void aLocalEngineOrTheLocalRuntimeSendsLoadToLoopbackOnly() throws Exception {
        for (String dockerHost : new String[] {null, "", "unix:///var/run/docker.sock", "tcp://127.0.0.1:2375",
            "tcp://localhost:2375", "tcp://[::1]:2375"}) {
            RemoteTargetRule.Decision d = decide("docker", dockerHost, null);
            assertThat(d.remote()).as(dockerHost).isFalse();
            assertThatThrownBy(() -> d.hosts().require(InetAddress.getByName("10.0.0.5"))).as(dockerHost)
                    .hasMessageContaining("is not a loopback address");
        }
        // the local runtime ignores DOCKER_HOST: its targets are child processes
        assertThat(decide("local", "tcp://10.0.0.5:2376", null).remote()).isFalse();
    }

    @Test
    void aRemoteEngineIsRefusedWithoutTheFlagAndTheMessageNamesIt() {
        assertThatThrownBy(() -> decide("docker", "tcp://10.0.0.5:2376", null))
                .hasMessage("DOCKER_HOST=tcp://10.0.0.5:2376 is an engine on another machine: load goes to loopback"
                        + " only unless you allow that host with --allow-remote-target 10.0.0.5");
        assertThatThrownBy(() -> decide("docker", "tcp://bench-a:2376", null))
                .hasMessageEndingWith("--allow-remote-target bench-a");
    }

    @Test
    void theFlagAllowsExactlyTheEnginesHostResolvedOnce() throws Exception {
        RemoteTargetRule.Decision d = decide("docker", "tcp://bench-a:2376", "bench-a.lab");
        assertThat(d.remote()).isTrue();
        assertThat(d.remoteHost()).isEqualTo("bench-a.lab");
        assertThat(d.hosts().require(InetAddress.getByName("10.0.0.5"))).isEqualTo(InetAddress.getByName("10.0.0.5"));
        assertThat(d.hosts().require(InetAddress.getByName("127.0.0.1"))).isNotNull();
        for (String other : new String[] {"10.0.0.6", "10.0.0.7", "192.168.1.2"}) {
            assertThatThrownBy(() -> d.hosts().require(InetAddress.getByName(other))).as(other)
                    .hasMessageContaining("nor the remote target host 10.0.0.5");
        }
        assertThat(decide("docker", "tcp://10.0.0.5:2376", "10.0.0.5").remoteHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void everyOtherCombinationIsRefusedInOneLine() {
        assertThatThrownBy(() -> decide("docker", "tcp://bench-a:2376", "bench-b"))
                .hasMessage("--allow-remote-target bench-b (10.0.0.6) is not the host DOCKER_HOST=tcp://bench-a:2376"
                        + " names (10.0.0.5): load may go only to the machine whose engine runs the targets");
        assertThatThrownBy(() -> decide("docker", "tcp://pool:2376", "pool"))
                .hasMessage("--allow-remote-target pool resolves to several addresses (10.0.0.5, 10.0.0.7): name "
                        + "one address, so that load goes to exactly one host");
        assertThatThrownBy(() -> decide("docker", "tcp://bench-a:2376", "nowhere"))
                .hasMessage("--allow-remote-target nowhere: 'nowhere' does not resolve");
        assertThatThrownBy(() -> decide("docker", null, "bench-a"))
                .hasMessageStartingWith("--allow-remote-target bench-a: the Docker engine is this machine's "
                        + "(DOCKER_HOST=unset); set DOCKER_HOST=tcp://bench-a:2376");
        assertThatThrownBy(() -> decide("docker", "tcp://127.0.0.1:2375", "127.0.0.1"))
                .hasMessageContaining("the Docker engine is this machine's (DOCKER_HOST=tcp://127.0.0.1:2375)");
        assertThatThrownBy(() -> decide("local", null, "bench-a"))
                .hasMessage("--allow-remote-target bench-a is for --runtime docker with DOCKER_HOST on that host: "
                        + "--runtime local runs targets on this machine");
        assertThatThrownBy(() -> decide("docker", "ssh://me@bench-a", "bench-a"))
                .hasMessageStartingWith("DOCKER_HOST=ssh://me@bench-a: an ssh:// engine cannot run remote targets");
        assertThatThrownBy(() -> decide("docker", "tcp://bench-a:2376", " "))
                .hasMessage("--allow-remote-target: a host name or address is needed");
        assertThatThrownBy(() -> decide("docker", "bench-a:2376", "bench-a"))
                .hasMessageContaining("expected unix://PATH, tcp://HOST:PORT");
    }
}
