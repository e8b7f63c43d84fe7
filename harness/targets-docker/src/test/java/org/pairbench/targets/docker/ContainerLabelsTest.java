package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.docker.ContainerLabels.Owner;

class ContainerLabelsTest {
    private static final Owner OWNER = new Owner("bench-1", 4242, 1_700_000_000_000L);

    @Test
    void everyContainerIsMarkedWithRunOwnerAndVariant() {
        assertThat(ContainerLabels.of("20261121-101010", OWNER, "aiohttp")).containsExactlyInAnyOrderEntriesOf(
                Map.of("org.pairbench", "1", "org.pairbench.run", "20261121-101010",
                        "org.pairbench.owner", "bench-1/4242/1700000000000", "org.pairbench.variant", "aiohttp"));
        assertThat(ContainerLabels.of("r", OWNER, null)).doesNotContainKey(ContainerLabels.VARIANT);
    }

    @Test
    void theOwnerLabelRoundTripsEvenWithSlashesInTheHostName() {
        assertThat(Owner.parse(OWNER.label())).contains(OWNER);
        Owner odd = new Owner("a/b", 1, 2);
        assertThat(Owner.parse(odd.label())).contains(odd);
        assertThat(Owner.parse("garbage")).isEmpty();
        assertThat(Owner.parse("host/notapid/1")).isEmpty();
        assertThat(Owner.parse(null)).isEmpty();
    }

    @Test
    void aContainerWhoseOwnerProcessIsGoneIsALeftover() {
        assertThat(leftover(labels(OWNER), pid -> Optional.empty())).isTrue();
    }

    @Test
    void aContainerOfALiveRunIsNot() {
        assertThat(leftover(labels(OWNER), pid -> Optional.of(OWNER.startMillis() + 10))).isFalse();
    }

    @Test
    void aReusedPidDoesNotKeepALeftoverAlive() {
        assertThat(leftover(labels(OWNER), pid -> Optional.of(OWNER.startMillis() + 60_000))).isTrue();
    }

    @Test
    void aLiveOwnerWithoutAKnownStartTimeIsGivenTheBenefitOfTheDoubt() {
        assertThat(leftover(labels(OWNER), pid -> Optional.of(ContainerLabels.UNKNOWN_START))).isFalse();
        Owner noStart = new Owner("bench-1", 4242, ContainerLabels.UNKNOWN_START);
        assertThat(leftover(labels(noStart), pid -> Optional.of(123L))).isFalse();
    }

    @Test
    void containersOfAnotherHostOrNotOursAreNeverTouched() {
        assertThat(leftover(labels(new Owner("bench-2", 4242, 1)), pid -> Optional.empty())).isFalse();
        assertThat(leftover(Map.of("org.testcontainers", "true"), pid -> Optional.empty())).isFalse();
        assertThat(leftover(null, pid -> Optional.empty())).isFalse();
    }

    @Test
    void oursWithoutAReadableOwnerIsALeftoverSinceNoRunCanClaimIt() {
        Map<String, String> labels = new HashMap<>(labels(OWNER));
        labels.put(ContainerLabels.OWNER, "broken");
        assertThat(leftover(labels, pid -> Optional.of(1L))).isTrue();
    }

    @Test
    void thisJvmIsAliveWithItsOwnStartTime() {
        Owner self = Owner.current();
        assertThat(ContainerLabels.isLeftover(labels(self), self.host(), ContainerLabels::startOfLivePid)).isFalse();
    }

    private static boolean leftover(Map<String, String> labels, LongFunction<Optional<Long>> live) {
        return ContainerLabels.isLeftover(labels, "bench-1", live);
    }

    private static Map<String, String> labels(Owner owner) {
        return ContainerLabels.of("run-1", owner, "v");
    }
}
