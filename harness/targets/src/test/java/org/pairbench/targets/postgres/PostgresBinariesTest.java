package org.pairbench.targets.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.TargetException;

/** Discovery of initdb, postgres and psql against fake installations in a temp directory. */
class PostgresBinariesTest {
    private static final Function<String, Optional<Path>> NO_PG_CONFIG = path -> Optional.empty();

    @TempDir
    Path root;

    @Test
    void anExplicitDirectoryWins() throws Exception {
        Path bin = fakeBin("custom/bin", PostgresBinaries.PROGRAMS);
        fakeBin("lib/postgresql/15/bin", PostgresBinaries.PROGRAMS);
        PostgresBinaries found = PostgresBinaries.discover(Map.of(PostgresBinaries.ENV_BIN, bin.toString()),
                root.resolve("lib/postgresql"), NO_PG_CONFIG);
        assertThat(found.postgres()).isEqualTo(bin.resolve("postgres"));
        assertThat(found.initdb()).isEqualTo(bin.resolve("initdb"));
        assertThat(found.psql()).isEqualTo(bin.resolve("psql"));
        assertThat(found.foundBy()).startsWith("PAIRBENCH_PG_BIN=");
    }

    @Test
    void anExplicitDirectoryWithoutTheServerIsAnErrorNotSkipped() throws Exception {
        Path bin = fakeBin("client-only/bin", List.of("psql"));
        fakeBin("lib/postgresql/15/bin", PostgresBinaries.PROGRAMS);
        assertThatThrownBy(() -> PostgresBinaries.discover(Map.of(PostgresBinaries.ENV_BIN, bin.toString()),
                root.resolve("lib/postgresql"), NO_PG_CONFIG))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("PAIRBENCH_PG_BIN=" + bin)
                .hasMessageContaining("does not hold initdb, postgres and psql");
    }

    @Test
    void pgConfigComesBeforeTheVersionedDirectories() throws Exception {
        Path bin = fakeBin("pgconfig/bin", PostgresBinaries.PROGRAMS);
        fakeBin("lib/postgresql/16/bin", PostgresBinaries.PROGRAMS);
        PostgresBinaries found = PostgresBinaries.discover(Map.of("PATH", "/nowhere"),
                root.resolve("lib/postgresql"), path -> Optional.of(bin));
        assertThat(found.postgres()).isEqualTo(bin.resolve("postgres"));
        assertThat(found.foundBy()).isEqualTo("pg_config --bindir");
    }

    @Test
    void aClientOnlyPgConfigFallsThroughToTheNewestCompleteVersion() throws Exception {
        Path clientOnly = fakeBin("usr/bin", List.of("psql", "pg_config"));
        fakeBin("lib/postgresql/9.6/bin", PostgresBinaries.PROGRAMS);
        Path v13 = fakeBin("lib/postgresql/13/bin", PostgresBinaries.PROGRAMS);
        fakeBin("lib/postgresql/16/bin", List.of("psql")); // a client without its server: skipped
        Files.createDirectories(root.resolve("lib/postgresql/README.d")); // not a version
        PostgresBinaries found = PostgresBinaries.discover(Map.of("PATH", clientOnly.toString()),
                root.resolve("lib/postgresql"), path -> Optional.of(clientOnly));
        assertThat(found.postgres()).isEqualTo(v13.resolve("postgres"));
        assertThat(found.foundBy()).isEqualTo(v13.toString());
    }

    @Test
    void versionsCompareNumerically() throws Exception {
        fakeBin("lib/postgresql/9.6/bin", PostgresBinaries.PROGRAMS);
        Path v10 = fakeBin("lib/postgresql/10/bin", PostgresBinaries.PROGRAMS);
        assertThat(PostgresBinaries.newestVersioned(root.resolve("lib/postgresql")))
                .hasValueSatisfying(b -> assertThat(b.postgres()).isEqualTo(v10.resolve("postgres")));
        assertThat(PostgresBinaries.parseVersion("9.6")).hasValueSatisfying(v -> assertThat(v).containsExactly(9, 6));
        assertThat(PostgresBinaries.parseVersion("15")).hasValueSatisfying(v -> assertThat(v).containsExactly(15));
        assertThat(PostgresBinaries.parseVersion("README.d")).isEmpty();
    }

    @Test
    void thePathIsTheLastResortEachProgramOnItsOwn() throws Exception {
        Path a = fakeBin("a", List.of("initdb", "postgres"));
        Path b = fakeBin("b", List.of("psql"));
        PostgresBinaries found = PostgresBinaries.discover(Map.of("PATH", a + ":" + b),
                root.resolve("lib/postgresql"), NO_PG_CONFIG);
        assertThat(found.initdb()).isEqualTo(a.resolve("initdb"));
        assertThat(found.psql()).isEqualTo(b.resolve("psql"));
        assertThat(found.foundBy()).isEqualTo("PATH");
    }

    @Test
    void nothingInstalledSaysWhatToInstallOnOneLine() throws Exception {
        Path clientOnly = fakeBin("usr/bin", List.of("psql"));
        Path notExecutable = root.resolve("x");
        Files.createDirectories(notExecutable);
        for (String p : PostgresBinaries.PROGRAMS) {
            Files.writeString(notExecutable.resolve(p), "not a program"); // not executable: does not count
        }
        assertThatThrownBy(() -> PostgresBinaries.discover(Map.of("PATH", clientOnly + ":" + notExecutable),
                root.resolve("lib/postgresql"), NO_PG_CONFIG))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("apt-get install postgresql")
                .hasMessageNotContaining("\n");
    }

    private Path fakeBin(String dir, List<String> programs) throws IOException {
        Path d = Files.createDirectories(root.resolve(dir));
        for (String p : programs) {
            Path f = d.resolve(p);
            Files.writeString(f, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return d;
    }
}
