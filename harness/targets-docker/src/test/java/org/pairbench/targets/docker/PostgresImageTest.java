package org.pairbench.targets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.postgres.PostgresConventions;

/** The PostgreSQL image's name, build arguments and context. */
class PostgresImageTest {
    @Test
    void theTagIsAStableHashOfTheDockerfile() {
        PostgresImage a = new PostgresImage("FROM x\n");
        assertThat(a.tag()).hasSize(BuildContext.TAG_HEX_CHARS).matches("[0-9a-f]+");
        assertThat(new PostgresImage("FROM x\n").tag()).isEqualTo(a.tag());
        assertThat(new PostgresImage("FROM y\n").tag()).isNotEqualTo(a.tag());
        assertThat(a.reference()).isEqualTo("pairbench/postgres:" + a.tag());
    }

    @Test
    void theShippedDockerfileIsLoadedAndTakesTheArgumentsTheBuilderGives() {
        PostgresImage shipped = PostgresImage.load();
        assertThat(shipped.reference()).startsWith(Images.POSTGRES_REPOSITORY + ":");
        var args = PostgresImage.buildArgs("pairbench/base-bookworm:20250101");
        assertThat(args).containsEntry("BASE_IMAGE", "pairbench/base-bookworm:20250101")
                .containsEntry("INITDB_OPTIONS", String.join(" ", PostgresConventions.initdbOptions()))
                .containsEntry("DATA_DIR", PostgresImage.DATA_DIR);
        assertThat(PostgresImage.shapingArgs()).doesNotContainKey("BASE_IMAGE");
    }

    @Test
    void theBuildContextHoldsOnlyTheDockerfile() throws IOException {
        byte[] tar = new PostgresImage("FROM x\nRUN true\n").contextTar();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            ArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName() + ":" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(names).containsExactly("Dockerfile:FROM x\nRUN true\n");
    }
}
