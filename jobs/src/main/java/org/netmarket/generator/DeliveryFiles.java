package org.netmarket.generator;

/**
 * Names of the delivered files. The first night's files are dated 2025-03-05; a re-delivery of
 * the same night revises keys of the first files with later versions; the next night's delta is
 * dated 2025-03-06. Record-level extracts are split into part files at the larger scales so that
 * Spark reads them in parallel.
 */
final class DeliveryFiles {
    static final String FIRST_NIGHT = "2025-03-05";
    static final String NEXT_NIGHT = "2025-03-06";

    private DeliveryFiles() {
    }

    static String first(String extract, int part, int parts) {
        return extract + "/" + extract + "-" + FIRST_NIGHT + suffix(part, parts) + ".csv";
    }

    static String redelivery(String extract, int part, int parts) {
        return extract + "/" + extract + "-" + FIRST_NIGHT + "-redelivery" + suffix(part, parts) + ".csv";
    }

    static String nextNight(String extract, int part, int parts) {
        return extract + "/" + extract + "-" + NEXT_NIGHT + suffix(part, parts) + ".csv";
    }

    /** A file of the first night named by what it holds, e.g. {@code retail/retail-2024.csv}. */
    static String named(String extract, String name) {
        return extract + "/" + extract + "-" + name + ".csv";
    }

    private static String suffix(int part, int parts) {
        return parts == 1 ? "" : "-part-" + (part < 10 ? "0" : "") + part;
    }
}
