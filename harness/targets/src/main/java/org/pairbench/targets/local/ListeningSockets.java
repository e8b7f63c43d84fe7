package org.pairbench.targets.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who holds a listening TCP socket, read from {@code /proc}: the sockets listening on a port are the lines of
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} in state {@code 0A} (LISTEN), each naming its socket's inode;
 * a process holds the socket when one of its {@code /proc/PID/fd} links reads {@code socket:[INODE]}. Lets the local
 * runtime tell its target's own listener from a foreign process that took the port between the free-port check
 * and the target's bind (a TCP connect alone cannot tell them apart).
 *
 * <p>Immutable; any thread. Processes of other users cannot be read: their sockets are not found, never guessed.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private final Path procRoot;

    ListeningSockets(Path procRoot) {
        this.procRoot = procRoot;
    }

    static ListeningSockets system() {
        return new ListeningSockets(Path.of(ProcFs.SOURCE));
    }

    /**
     * Inodes of the sockets listening on {@code port} that accept connections to {@code host}: bound to it, or to
     * the wildcard address. Empty when {@code /proc/net} cannot be read.
     */
    Set<Long> listening(InetAddress host, int port) {
        Set<Long> inodes = new LinkedHashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                inodes.addAll(parseListening(Files.readString(procRoot.resolve(table), StandardCharsets.US_ASCII),
                        host, port, ByteOrder.nativeOrder()));
            } catch (IOException noTable) {
                // a kernel without IPv6 has no tcp6
            }
        }
        return inodes;
    }

    /**
     * The inodes of the LISTEN lines of one {@code /proc/net/tcp}-format table on {@code port} at {@code host} or
     * the wildcard. Addresses are hex words in the kernel's byte order ({@code order}); the port is plain hex.
     */
    static Set<Long> parseListening(String table, InetAddress host, int port, ByteOrder order) {
        Set<Long> inodes = new LinkedHashSet<>();
        for (String line : table.split("\n")) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":") || !f[3].equals(LISTEN)) {
                continue; // the header, or a socket not listening
            }
            int colon = f[1].indexOf(':');
            if (colon < 0 || Integer.parseInt(f[1].substring(colon + 1), 16) != port) {
                continue;
            }
            InetAddress bound = address(f[1].substring(0, colon), order);
            if (bound.isAnyLocalAddress() || bound.equals(host)) {
                inodes.add(Long.parseLong(f[9]));
            }
        }
        return inodes;
    }

    /** An address of {@code /proc/net/tcp*}: 32-bit words, each in the kernel's byte order. */
    static InetAddress address(String hex, ByteOrder order) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int from = order == ByteOrder.LITTLE_ENDIAN ? 3 - i : i;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring((word * 4 + from) * 2,
                        (word * 4 + from) * 2 + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address of /proc/net/tcp: " + hex, e);
        }
    }

    /** Inodes of the sockets the given processes hold open; a process that exited or cannot be read holds none. */
    Set<Long> socketsOf(Collection<Long> pids) {
        Set<Long> inodes = new HashSet<>();
        for (long pid : pids) {
            try (var fds = Files.list(procRoot.resolve(Long.toString(pid)).resolve("fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    socketInode(fd).ifPresent(inodes::add);
                }
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile, or not ours to read
            }
        }
        return inodes;
    }

    /** The process that holds socket {@code inode}, searched among the processes this user may read. */
    OptionalLong holderOf(long inode) {
        try (var procs = Files.list(procRoot)) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)
                        && socketsOf(List.of(Long.parseLong(name))).contains(inode)) {
                    return OptionalLong.of(Long.parseLong(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: unknown
        }
        return OptionalLong.empty();
    }

    /** {@code socket:[12345]} -> 12345; empty for any other kind of descriptor. */
    private static OptionalLong socketInode(Path fd) {
        try {
            return socketInode(Files.readSymbolicLink(fd).toString());
        } catch (IOException | UnsupportedOperationException closedMeanwhile) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong socketInode(String link) {
        if (link.startsWith("socket:[") && link.endsWith("]")) {
            return OptionalLong.of(Long.parseLong(link.substring("socket:[".length(), link.length() - 1)));
        }
        return OptionalLong.empty();
    }
}
