package org.pairbench.targets.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.local.CpuAffinity;

/**
 * Starts a real throwaway cluster from the installed PostgreSQL. Skipped when PostgreSQL is not installed, except
 * under {@code CI=true}, where it must be ({@code .ci/run} installs it). Asserts counts and states, never durations.
 */
class LocalPostgresIT {
    private static final int SESSIONS = 5;

    @TempDir
    Path work;

    @Test
    void startsAnswersCountsSessionsAndLeavesNothingBehind() throws Exception {
        requirePostgres();
        List<String> progress = new CopyOnWriteArrayList<>();
        CpuAffinity affinity = new CpuAffinity();
        String cpus = affinity.available() ? affinity.defaultTargetCpus() : "";
        LocalPostgres pg = LocalPostgres.start(work, affinity.launchPrefix(cpus), 20, progress::add);
        Path clusterDir = pg.logFile().getParent();
        long pid = pg.pid();
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            assertThat(pg.host()).isEqualTo("127.0.0.1");
            assertThat(pg.user()).isEqualTo("pairbench");
            assertThat(pg.database()).isEqualTo("pairbench");
            assertThat(pg.dsn()).isEqualTo("postgresql://pairbench@127.0.0.1:" + pg.port() + "/pairbench");
            assertThat(pg.version()).matches("\\d+(\\.\\d+)*.*");
            assertThat(clusterDir).isDirectory();
            if (!progress.stream().anyMatch(m -> m.contains("cannot reach"))) {
                assertThat(clusterDir.getParent()).isEqualTo(work.toAbsolutePath());
            }

            // the settings it was started with
            assertThat(pg.psql("postgres", "SHOW listen_addresses").strip()).isEqualTo("127.0.0.1");
            assertThat(pg.psql("postgres", "SHOW max_connections").strip()).isEqualTo("20");
            assertThat(pg.psql("postgres", "SHOW fsync").strip()).isEqualTo("off");
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            if (ServiceAccount.runningAsRoot()) {
                assertThat(status).as("PostgreSQL must not run as root").doesNotContainPattern("(?m)^Uid:\\s+0\\s");
            }
            if (!cpus.isEmpty()) {
                assertThat(status).containsPattern("(?m)^Cpus_allowed_list:\\s+" + cpus + "$");
            }

            // nobody gets in without the password: not over TCP, not through the Unix socket
            assertThat(firstAuthenticationRequest(pg)).as("SASL (scram), not AuthenticationOk").isEqualTo(10);
            List<String> hosts = new ArrayList<>(List.of(pg.host()));
            String socketDir = PostgresConventions.socketDirectory(clusterDir.resolve("data"), pg.port());
            if (!socketDir.isEmpty()) {
                hosts.add(socketDir);
            }
            for (String host : hosts) {
                Process refused = psql(pg, host, null).start();
                refused.getOutputStream().close();
                assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(refused.exitValue()).as("psql without password via " + host).isNotZero();
                assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("password");
            }

            // SELECT 1 in database pairbench, through psql: one session
            assertThat(pg.psql("pairbench", "SELECT 1").strip()).isEqualTo("1");
            long base = awaitSessions(pg, 1);
            assertThat(base).isEqualTo(1);

            // SESSIONS connections held open at once: counted while open, and exactly once
            List<Process> open = new ArrayList<>();
            try {
                for (int i = 0; i < SESSIONS; i++) {
                    open.add(psql(pg, pg.host(), pg.password()).start()); // connects, then waits on its stdin
                }
                assertThat(awaitSessions(pg, base + SESSIONS)).isEqualTo(base + SESSIONS);
                processes.addAll(ProcessHandle.of(pid).orElseThrow().descendants().toList());
                Thread.sleep(1000); // nothing else may show up
                assertThat(pg.sessionsOpened()).isEqualTo(base + SESSIONS);
            } finally {
                for (Process p : open) {
                    p.getOutputStream().close(); // end of input: psql says goodbye and exits
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
            Thread.sleep(500); // closing is no new session
            assertThat(pg.sessionsOpened()).isEqualTo(base + SESSIONS);
        } finally {
            pg.close();
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("postmaster").isFalse();
        assertThat(processes).isNotEmpty().allSatisfy(p -> assertThat(p.isAlive()).as("pid " + p.pid()).isFalse());
        assertThat(clusterDir).doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
        pg.close(); // a second close does nothing
    }

    /** Polls until the count reaches {@code expected} (a backend publishes its session shortly after it starts). */
    private static long awaitSessions(LocalPostgres pg, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long n = pg.sessionsOpened();
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            n = pg.sessionsOpened();
        }
        return n;
    }

    /** An interactive psql on database pairbench, its stdin a pipe; without a password when it is null. */
    private static ProcessBuilder psql(LocalPostgres pg, String host, String password) {
        ProcessBuilder pb = new ProcessBuilder(pg.binaries().psql().toString(), "-X", "-w", "-q", "-h", host, "-p",
                Integer.toString(pg.port()), "-U", pg.user(), "-d", pg.database()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("LC_ALL", "C");
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        return pb;
    }

    /**
     * The server's first answer to a startup message without a password (wire protocol v3): its authentication
     * request code, 0 for AuthenticationOk (trust would let anyone in), 10 for SASL (scram).
     */
    private static int firstAuthenticationRequest(LocalPostgres pg) throws IOException {
        try (Socket s = new Socket(pg.host(), pg.port())) {
            s.setSoTimeout(10_000);
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            for (String p : List.of("user", pg.user(), "database", pg.database())) {
                params.write(p.getBytes(StandardCharsets.UTF_8));
                params.write(0);
            }
            params.write(0);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(8 + params.size());
            out.writeInt(196608); // protocol 3.0
            out.write(params.toByteArray());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int type = in.readUnsignedByte();
            in.readInt();
            assertThat((char) type).as("an authentication request").isEqualTo('R');
            return in.readInt();
        }
    }

    private static void requirePostgres() {
        try {
            PostgresBinaries.discover();
        } catch (TargetException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must install PostgreSQL: " + e.getMessage(), e);
            }
            assumeTrue(false, e.getMessage());
        }
    }
}
