package org.pairbench.targets.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pairbench.targets.TargetException;

/** How every PostgreSQL server is set up and questioned: its command line, parsing psql's answers. */
class PostgresConventionsTest {
    @Test
    void theServerListensOnLoopbackOnlyWithTheRequestedConnections() {
        List<String> argv = PostgresConventions.serverArgs(Path.of("/usr/lib/postgresql/15/bin/postgres"),
                Path.of("/tmp/run/postgres-1/data"), 54321, 300);
        assertThat(argv.get(0)).isEqualTo("/usr/lib/postgresql/15/bin/postgres");
        assertThat(argv).containsSubsequence("-D", "/tmp/run/postgres-1/data")
                .contains("listen_addresses=127.0.0.1", "port=54321", "max_connections=300",
                        "unix_socket_directories=/tmp/run/postgres-1/data", "fsync=off", "synchronous_commit=off",
                        "full_page_writes=off", "wal_level=minimal", "max_wal_senders=0");
        // every setting is passed as "-c name=value"
        for (int i = 3; i < argv.size(); i += 2) {
            assertThat(argv.get(i)).isEqualTo("-c");
        }
    }

    @Test
    void theUnixSocketGoesInTheDataDirectoryOnlyWhenItsPathFits() {
        Path shortDir = Path.of("/tmp/pg/data");
        assertThat(PostgresConventions.socketDirectory(shortDir, 65535)).isEqualTo("/tmp/pg/data");
        // "/.s.PGSQL.65535" is 15 bytes: a 92-byte directory fits exactly, 93 does not
        Path fits = Path.of("/" + "d".repeat(91));
        Path tooLong = Path.of("/" + "d".repeat(92));
        assertThat(PostgresConventions.socketDirectory(fits, 65535)).isEqualTo(fits.toString());
        assertThat(PostgresConventions.socketDirectory(tooLong, 65535)).isEmpty();
    }

    @Test
    void dsnHasNoPassword() {
        assertThat(PostgresConventions.dsn(5433)).isEqualTo("postgresql://pairbench@127.0.0.1:5433/pairbench");
    }

    @Test
    void passwordsAreFreshAndOnlyTheirScramVerifierIsShown() {
        String a = PostgresPassword.generate();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(PostgresPassword.generate());
        String verifier = PostgresPassword.scramVerifier(a);
        assertThat(verifier).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}")
                .doesNotContain(a);
        assertThat(LocalPostgres.localInitdbOptions(Path.of("/p"))).contains("--auth=scram-sha-256", "--pwfile=/p")
                .noneMatch(o -> o.contains("trust"));
    }

    @Test
    void parsesCounts() throws Exception {
        assertThat(PostgresConventions.parseCount("42\n")).isEqualTo(42);
        assertThat(PostgresConventions.parseCount("  7 ")).isEqualTo(7);
        assertThat(PostgresConventions.parseCount("\n")).isZero(); // no row: the database has had no session
        assertThatThrownBy(() -> PostgresConventions.parseCount("ERROR: x")).isInstanceOf(TargetException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void parsesTheVersion() throws Exception {
        var v = PostgresConventions.parseVersion("150018 15.18 (Debian 15.18-0+deb12u1)\n");
        assertThat(v.getKey()).isEqualTo(150018);
        assertThat(v.getValue()).isEqualTo("15.18 (Debian 15.18-0+deb12u1)");
        assertThat(PostgresConventions.parseVersion("170002 17.2").getValue()).isEqualTo("17.2");
        assertThatThrownBy(() -> PostgresConventions.parseVersion("psql: error")).isInstanceOf(TargetException.class);
    }

    @Test
    void refusesTooFewConnectionsBeforeTouchingAnything() {
        assertThatThrownBy(() -> LocalPostgres.start(Path.of("/nonexistent"), List.of(), 3, m -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
    }
}
