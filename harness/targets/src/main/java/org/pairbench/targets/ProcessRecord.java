package org.pairbench.targets;

import java.nio.file.Path;

/**
 * Where a run writes down what it starts and must not leave behind (processes, directories), so that the next run
 * can remove it if this one is killed: the local runtime's run record. Services started outside the local runtime's
 * package (the PostgreSQL cluster) write to it through this interface. Implementations are thread-safe.
 */
public interface ProcessRecord {
    /** Records nothing. */
    ProcessRecord NONE = new ProcessRecord() {
        @Override
        public void process(long pid, String label) {
        }

        @Override
        public void ended(long pid) {
        }

        @Override
        public void directory(Path dir) {
        }

        @Override
        public void removed(Path dir) {
        }
    };

    /** A process started for the run, identified by pid and start time. */
    void process(long pid, String label);

    /** ... and stopped again. */
    void ended(long pid);

    /** A directory (or file) made for the run. */
    void directory(Path dir);

    /** ... and deleted again. */
    void removed(Path dir);
}
