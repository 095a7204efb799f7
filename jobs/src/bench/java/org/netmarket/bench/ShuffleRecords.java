package org.netmarket.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Puts the records of CSV files in random order, in place, the header first: the generator
 * writes each file in key order (as a registry's export by id would be), and a delivery exported
 * in another order (by update time, by an internal row id) reaches the job's deduplication
 * without the sorted runs its sort finds cheaply. The benchmark's {@code --random-order}
 * measures that case.
 *
 * <p>Records are moved as their bytes: a quoted line break stays inside its record (a quote
 * byte never occurs inside a UTF-8 or GB18030 multi-byte character), and a file's encoding,
 * line ends and deliberate flaws are kept. The same seed gives the same order.
 *
 * <p>Usage: {@code ShuffleRecords SEED FILE...}
 */
public final class ShuffleRecords {
    private ShuffleRecords() {
    }

    public static void main(String[] args) throws IOException {
        Random random = new Random(Long.parseLong(args[0]));
        long records = 0;
        for (int i = 1; i < args.length; i++) {
            records += shuffle(Path.of(args[i]), random);
        }
        System.out.printf("%d records of %d file(s) put in random order%n", records, args.length - 1);
    }

    /** Shuffles one file's records after its header; returns how many records it has. */
    static int shuffle(Path file, Random random) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> records = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                records.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // A last record without a line end gets one, or it would run into the next after shuffling.
            byte[] last = Arrays.copyOfRange(bytes, start, bytes.length + 1);
            last[last.length - 1] = '\n';
            records.add(last);
        }
        if (records.size() < 3) {
            return Math.max(0, records.size() - 1);
        }
        List<byte[]> body = records.subList(1, records.size());
        Collections.shuffle(body, random);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1);
        for (byte[] r : records) {
            out.write(r);
        }
        Files.write(file, out.toByteArray());
        return body.size();
    }
}
