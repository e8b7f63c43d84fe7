package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VenvCacheKeyTest {
    private static final byte[] LOCK = "aiohttp==3.14.5 \\\n    --hash=sha256:00\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void sameLockAndInterpreterGiveTheSameEnvironment() {
        assertThat(VenvCacheKey.of(LOCK, "3.11.7")).isEqualTo(VenvCacheKey.of(LOCK.clone(), "3.11.7"));
    }

    @Test
    void aChangedLockOrInterpreterGivesANewEnvironment() {
        String key = VenvCacheKey.of(LOCK, "3.11.7");
        byte[] changed = "aiohttp==3.14.6 \\\n    --hash=sha256:00\n".getBytes(StandardCharsets.UTF_8);
        assertThat(VenvCacheKey.of(changed, "3.11.7")).isNotEqualTo(key);
        assertThat(VenvCacheKey.of(LOCK, "3.12.1")).isNotEqualTo(key);
        assertThat(VenvCacheKey.dirName(VenvCacheKey.of(changed, "3.11.7"))).isNotEqualTo(VenvCacheKey.dirName(key));
    }

    @Test
    void dirNameIsVenvAndSixteenHexDigitsOfTheSha256() {
        // sha256("abc") = ba7816bf8f01cfea...
        String key = VenvCacheKey.of("ab".getBytes(StandardCharsets.UTF_8), "c");
        assertThat(key).hasSize(64).startsWith("ba7816bf8f01cfea");
        assertThat(VenvCacheKey.dirName(key)).isEqualTo("venv-ba7816bf8f01cfea");
        assertThat(VenvCacheKey.sha256Hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(key);
    }

    @Test
    void cacheRootPrefersPairbenchCacheThenXdgThenHome() {
        assertThat(VenvCacheKey.cacheRoot(Map.of("PAIRBENCH_CACHE", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/c"));
        assertThat(VenvCacheKey.cacheRoot(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/x/pairbench"));
        assertThat(VenvCacheKey.cacheRoot(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/pairbench"));
    }
}
