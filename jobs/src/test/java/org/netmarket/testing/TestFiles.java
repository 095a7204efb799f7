package org.netmarket.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-tree chores of tests that reshape a delivery or a staging area. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Deletes {@code root} and everything under it (deepest first); fails on the first file it cannot delete. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
