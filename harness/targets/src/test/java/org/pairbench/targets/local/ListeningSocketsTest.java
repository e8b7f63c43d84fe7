package org.pairbench.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningSocketsTest {
    // the format of /proc/net/tcp on a little-endian machine: 127.0.0.1:8080 listening (inode 1001), the same port
    // connected (state 01, inode 1002), 0.0.0.0:8080 listening (1003), 127.0.0.2:8080 listening (1004), and
    // 127.0.0.1:8081 listening (1005)
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1001 1 0000000000000000 100 0 0 10 0
               1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 1002 1 0000000000000000 20 4 30 10 -1
               2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1003 1 0000000000000000 100 0 0 10 0
               3: 0200007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1004 1 0000000000000000 100 0 0 10 0
               4: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1005 1 0000000000000000 100 0 0 10 0
            """;
    // /proc/net/tcp6: [::]:8080 (2001), ::ffff:127.0.0.1:8080 (2002), ::1:8080 (2003), all listening
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2001 1 0000000000000000 100 0 0 10 0
               1: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2002 1 0000000000000000 100 0 0 10 0
               2: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2003 1 0000000000000000 100 0 0 10 0
            """;

    @Test
    void listenersOnThePortAtTheHostOrTheWildcardAreFound() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(ListeningSockets.parseListening(TCP, loopback, 8080, ByteOrder.LITTLE_ENDIAN))
                .containsExactly(1001L, 1003L);
        assertThat(ListeningSockets.parseListening(TCP6, loopback, 8080, ByteOrder.LITTLE_ENDIAN))
                .containsExactly(2001L, 2002L);
        assertThat(ListeningSockets.parseListening(TCP, loopback, 9999, ByteOrder.LITTLE_ENDIAN)).isEmpty();
    }

    @Test
    void addressesAreWordsInTheKernelsByteOrder() throws Exception {
        assertThat(ListeningSockets.address("0100007F", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("7F000001", ByteOrder.BIG_ENDIAN))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("00000000000000000000000001000000", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void socketLinksNameTheirInode() {
        assertThat(ListeningSockets.socketInode("socket:[4242]")).hasValue(4242);
        assertThat(ListeningSockets.socketInode("pipe:[4242]")).isEmpty();
        assertThat(ListeningSockets.socketInode("/dev/null")).isEmpty();
    }

    @Test
    void theHolderOfASocketIsFoundByItsFdLinks(@TempDir Path proc) throws IOException {
        Path fd = Files.createDirectories(proc.resolve("321/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[1003]"));
        Files.createSymbolicLink(fd.resolve("4"), Path.of("/dev/null"));
        Files.createDirectories(proc.resolve("654/fd"));
        Files.createDirectories(proc.resolve("net"));
        ListeningSockets sockets = new ListeningSockets(proc);
        assertThat(sockets.socketsOf(List.of(321L, 654L, 999L))).containsExactly(1003L);
        assertThat(sockets.holderOf(1003)).hasValue(321);
        assertThat(sockets.holderOf(1001)).isEmpty();
    }

    @Test
    void thisJvmsOwnListenerIsFoundInTheRealProc() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(loopback, 0));
            ListeningSockets sockets = ListeningSockets.system();
            var listening = sockets.listening(loopback, server.getLocalPort());
            assertThat(listening).hasSize(1);
            long pid = ProcessHandle.current().pid();
            assertThat(sockets.socketsOf(List.of(pid))).containsAll(listening);
            assertThat(sockets.holderOf(listening.iterator().next())).hasValue(pid);
        }
    }
}
