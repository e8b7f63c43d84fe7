package org.pairbench.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleStateHoldTest {
    @TempDir
    Path dir;

    @Test
    void writesAZeroLatencyRequestAndNamesTheDriver() throws Exception {
        Path device = Files.createFile(dir.resolve("cpu_dma_latency"));
        Path driver = Files.writeString(dir.resolve("current_driver"), "haltpoll\n");
        try (IdleStateHold hold = IdleStateHold.acquire(device, driver, true)) {
            assertTrue(hold.state().held());
            assertEquals("haltpoll", hold.state().driver());
            // the PM QoS interface reads a binary s32 of microseconds
            assertArrayEquals(new byte[4], Files.readAllBytes(device));
            assertTrue(hold.describe().startsWith("Idle CPUs are kept polling"), hold.describe());
        }
    }

    @Test
    void aMissingDeviceHoldsNothingAndSaysWhy() {
        try (IdleStateHold hold = IdleStateHold.acquire(dir.resolve("absent"), dir.resolve("no-driver"), true)) {
            assertFalse(hold.state().held());
            assertEquals("none", hold.state().driver());
            assertTrue(hold.state().detail().contains("does not exist"), hold.state().detail());
            assertTrue(hold.describe().startsWith("Note: idle CPUs may sleep"), hold.describe());
        }
    }

    @Test
    void anUnwritableDeviceHoldsNothingAndNamesTheFix() throws Exception {
        // a directory cannot be opened for writing, as the device cannot be without root
        Path device = Files.createDirectory(dir.resolve("cpu_dma_latency"));
        try (IdleStateHold hold = IdleStateHold.acquire(device, dir.resolve("no-driver"), true)) {
            assertFalse(hold.state().held());
            assertTrue(hold.state().detail().contains("run as root"), hold.state().detail());
        }
    }

    @Test
    void turnedOffItLeavesTheDeviceAlone() throws Exception {
        Path device = Files.createFile(dir.resolve("cpu_dma_latency"));
        try (IdleStateHold hold = IdleStateHold.acquire(device, dir.resolve("no-driver"), false)) {
            assertFalse(hold.state().held());
            assertTrue(hold.state().detail().contains(IdleStateHold.ENV + "=allow"), hold.state().detail());
            assertEquals(0, Files.size(device));
        }
    }
}
