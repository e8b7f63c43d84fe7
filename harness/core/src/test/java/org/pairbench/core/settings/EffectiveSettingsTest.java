package org.pairbench.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {
    @Test
    void readsTheLastSettingsLineAmongOtherOutput() {
        var lines = List.of("DeprecationWarning: eventlet", "pairbench-settings {\"backlog\": \"50\"}",
                "pairbench-settings {\"backlog\": \"2048\", \"thread-pool\": \"6\"}", "other");
        assertThat(EffectiveSettings.parse(lines)).contains(Map.of("backlog", "2048", "thread-pool", "6"));
        assertThat(EffectiveSettings.parse(List.of("no line here"))).isEmpty();
        assertThat(EffectiveSettings.parse(List.of("pairbench-settings [1]"))).isEmpty();
        assertThat(EffectiveSettings.parse(List.of("pairbench-settings {oops"))).isEmpty();
    }

    @Test
    void aPlainValueOrAWordBeforeAnExplanationIsCheckedProseIsNot() {
        assertThat(EffectiveSettings.statedValue("2048")).isEqualTo("2048");
        assertThat(EffectiveSettings.statedValue("none: the call runs on the event loop")).isEqualTo("none");
        assertThat(EffectiveSettings.statedValue("asyncio's default executor: min(32, os.cpu_count() + 4) threads"))
                .isNull();
        assertThat(EffectiveSettings.statedValue("no cap, no reuse: urlopen opens a new connection")).isNull();
    }

    @Test
    void aContradictionNamesTheSettingTheFileAndTheProcess() {
        Map<String, String> declared = Map.of("backlog", "2048", "thread-pool", "64", "pool-max-idle", "3600",
                "loop", "uvloop", "read-size", "asyncio's transport: up to 256 KiB", "compression", "off");
        Map<String, String> effective = Map.of("backlog", "128", "thread-pool", "64", "pool-max-idle", "3600.0",
                "loop", "asyncio", "read-size", "65536");
        assertThat(EffectiveSettings.contradictions(declared, effective)).containsExactly(
                "backlog: the workload file says 2048, the process runs with 128",
                "loop: the workload file says uvloop, the process runs with asyncio");
    }
}
