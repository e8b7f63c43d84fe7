package org.pairbench.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pairbench.core.record.StepRecording;
import org.pairbench.core.record.WorkerRecorder;
import org.pairbench.core.result.ResultLayout;
import org.pairbench.core.spec.StepSpec;
import org.pairbench.netty.load.LoadDriver;
import org.pairbench.netty.load.LoadTarget;
import org.pairbench.netty.load.LoadException;
import org.pairbench.netty.load.RunningStep;

/**
 * One stream of load within a step (the step's own, or its probe) with its recorders and its .hlog. The
 * recording is anchored on the step's timeline (its one wall-clock anchor) once the load has started; a stream
 * whose load never started still writes an empty log, stamped when it gave up. Closing it finishes and closes the
 * interval log.
 *
 * <p>Threading: the runner's thread; the driver's workers write the recorders.
 */
final class LoadStream implements AutoCloseable {
    final StepSpec step;
    final String hlog;
    private final List<WorkerRecorder> recorders;
    private final ResultLayout layout;
    private final String comment;
    /** Set once the load started (then anchored on its timeline), or by {@link #close} if it never did. */
    StepRecording recording;
    RunningStep running;

    LoadStream(ResultLayout layout, LoadDriver driver, StepSpec step, String hlog, String comment) {
        this.layout = layout;
        this.step = step;
        this.hlog = hlog;
        this.comment = comment;
        this.recorders = new ArrayList<>();
        for (int i = 0; i < driver.workerCount(); i++) {
            recorders.add(new WorkerRecorder());
        }
    }

    /** Opens the stream's connections (with {@code primed}: each answered once first) and starts it. */
    void start(LoadDriver driver, LoadTarget target, boolean primed)
            throws LoadException, InterruptedException, IOException {
        running = driver.start(target, step, recorders, primed);
        recording = new StepRecording(layout.resolve(hlog), recorders, running.timeline().startEpochMs(), comment);
    }

    boolean started() {
        return running != null;
    }

    /** Closes the interval log; fails, naming the file, when it could not be written whole. */
    @Override
    public void close() throws IOException {
        if (recording == null) {
            // the load never started: an empty log, stamped when the step gave up
            recording = new StepRecording(layout.resolve(hlog), recorders, System.currentTimeMillis(), comment);
        }
        recording.close();
    }
}
