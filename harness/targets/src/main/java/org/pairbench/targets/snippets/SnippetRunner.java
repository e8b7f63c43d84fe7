package org.pairbench.targets.snippets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.pairbench.core.snippet.GuideSnippet;
import org.pairbench.core.snippet.GuideSnippets;
import org.pairbench.core.snippet.SnippetResult;
import org.pairbench.targets.DatabaseService;
import org.pairbench.targets.TargetException;
import org.pairbench.targets.ToolCommand;
import org.pairbench.targets.postgres.LocalPostgres;
import org.pairbench.targets.postgres.PostgresConventions;

/**
 * Runs every guide snippet of {@link GuideSnippets}, each in a Python process of its own
 * ({@code python-targets/guide_snippets/run_snippet.py ID FILE}) with the targets' virtual environment and a time
 * limit, two at a time, and records what each did ({@link SnippetResult}, judged against {@code snippets.yaml}).
 * A snippet that needs PostgreSQL runs against one throwaway local cluster started for them
 * ({@link LocalPostgres}); when none can start, those snippets are {@code not-run} and say why.
 *
 * <p>Threading: {@link #run} blocks the caller; the snippet processes are waited for on a private pool of two
 * threads. Stateless between calls.
 */
public final class SnippetRunner {
    /** How long one snippet may take; each runs in about a second. */
    public static final Duration LIMIT = Duration.ofSeconds(30);
    static final String MARKER = "PAIRBENCH-SNIPPET ";
    static final String DSN_ENV = "PAIRBENCH_SNIPPET_PG_DSN";

    private final Path python;
    private final GuideSnippets snippets;
    private final Duration limit;
    private final Consumer<String> progress;

    /**
     * @param python   the interpreter of the targets' virtual environment
     * @param snippets the snippets to run
     * @param limit    how long one snippet may run before it is killed and recorded as timed out
     * @param progress receives one-line messages (PostgreSQL started, or why not)
     */
    public SnippetRunner(Path python, GuideSnippets snippets, Duration limit, Consumer<String> progress) {
        this.python = python;
        this.snippets = snippets;
        this.limit = limit;
        this.progress = progress;
    }

    /** Runs every snippet; results in id order. */
    public List<SnippetResult> run() throws InterruptedException {
        List<GuideSnippet> all = new ArrayList<>(snippets.all().values());
        DatabaseService postgres = null;
        String noPostgres = null;
        if (all.stream().anyMatch(GuideSnippet::needsPostgres)) {
            try {
                postgres = LocalPostgres.start(Files.createTempDirectory("pairbench-snippets-pg"), List.of(),
                        PostgresConventions.MIN_CONNECTIONS * 4, progress);
            } catch (TargetException | java.io.IOException e) {
                noPostgres = "no throwaway PostgreSQL to run it against: " + e.getMessage();
                progress.accept("Guide snippets: " + noPostgres);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "pairbench-snippet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SnippetResult>> futures = new ArrayList<>();
            for (GuideSnippet s : all) {
                DatabaseService db = s.needsPostgres() ? postgres : null;
                String skip = s.needsPostgres() && postgres == null ? noPostgres : null;
                futures.add(pool.submit(() -> skip != null ? notRun(s, skip) : runOne(s, db)));
            }
            List<SnippetResult> out = new ArrayList<>();
            for (Future<SnippetResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a snippet's runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private SnippetResult runOne(GuideSnippet s, DatabaseService db) {
        List<String> argv = List.of(python.toString(), snippets.dir().resolve("run_snippet.py").toString(), s.id(),
                s.file().toString());
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONDONTWRITEBYTECODE", "1"); // nothing written into python-targets/
        env.put("PYTHONUNBUFFERED", "1");
        if (db != null) {
            env.put(DSN_ENV, db.dsn());
            env.put("PGPASSWORD", db.password()); // as the targets get it: never on a command line
        }
        long startNs = System.nanoTime();
        Duration own = s.timeout() == null ? limit : s.timeout(); // a snippet that hangs says how long to wait
        ToolCommand.Result r;
        try {
            r = ToolCommand.run(argv, env, own, p -> { });
        } catch (TargetException e) {
            long ms = (System.nanoTime() - startNs) / 1_000_000;
            boolean late = e.getMessage().contains("did not finish within");
            return new SnippetResult(s.id(), late ? SnippetResult.TIMED_OUT : SnippetResult.NOT_RUN, "",
                    late ? "killed after " + own.toSeconds() + " s" : e.getMessage(), "", "", "", List.of(), ms,
                    false, null).judged(s.expect());
        }
        long ms = (System.nanoTime() - startNs) / 1_000_000;
        return SnippetOutput.parse(s.id(), r, ms).judged(s.expect());
    }

    private static SnippetResult notRun(GuideSnippet s, String why) {
        return new SnippetResult(s.id(), SnippetResult.NOT_RUN, "", why, "", "", "", List.of(), 0, false, null);
    }
}
