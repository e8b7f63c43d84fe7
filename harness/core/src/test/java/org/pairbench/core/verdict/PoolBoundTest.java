package org.pairbench.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pairbench.core.result.VariantInfo;

class PoolBoundTest {
    private static VariantInfo variant(String declared, Map<String, String> effective) {
        return new VariantInfo("v", null, List.of("x"), Map.of("thread-pool", declared), null, null, effective);
    }

    @Test
    void theThreadsAreTheProcesssWhenReadBackElseTheFilesStatedNumber() {
        assertThat(PoolBound.threads(variant("asyncio's default executor: min(32, os.cpu_count() + 4) threads",
                Map.of("thread-pool", "6")))).isEqualTo("6");
        assertThat(PoolBound.threads(variant("40: AnyIO's default thread limiter", null))).isEqualTo("40");
        assertThat(PoolBound.threads(variant("none: green threads, one per connection", Map.of("thread-pool",
                "none")))).isNull();
        assertThat(PoolBound.threads(variant("asyncio's default executor: min(32, os.cpu_count() + 4)", null)))
                .isNull();
    }
}
