package org.netmarket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a test can deliver that the job cannot open, even when the tests run as root (who
 * reads a file of mode 000): a broken link, a socket, a link to {@code /proc/1/mem}.
 */
public final class UnreadableFiles {
    /** Cannot be opened by another process, root included, unless it may trace process 1. */
    public static final Path PROCESS_ONE_MEMORY = Path.of("/proc/1/mem");

    private UnreadableFiles() {
    }

    /** Whether this process can open the file. */
    public static boolean canOpen(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A Unix domain socket named like a CSV file: listed as a file, and opening it fails for
     * every user, root included ("No such device or address").
     */
    public static void socketAt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(file));
        }
    }
}
