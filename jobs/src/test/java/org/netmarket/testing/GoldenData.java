package org.netmarket.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The golden mini-Yuncheng data set, and writable copies of it for tests that alter a delivery. */
public final class GoldenData {
    /** The committed golden set (given/ and expect/). */
    public static final Path ROOT = Path.of("jobs/src/test/resources/golden/mini-yuncheng");
    /** The data directory of the golden delivery. */
    public static final Path GIVEN = ROOT.resolve("given");
    /** Its regions (regions.csv): 山西省, 运城市 and the city's two counties 盐湖区 and 临猗县. */
    public static final List<String> REGIONS = List.of("140000", "140800", "140802", "140821");
    /** Indicators of the 2022 edition. */
    public static final int INDICATORS = 41;
    /**
     * Sub-items of the 2022 edition: of its 75 items, 18 are a whole indicator (3, 10, ...) and
     * 57 are sub-points (11.1, ...) of the other 23 indicators.
     */
    public static final int SUB_ITEMS = 57;
    /**
     * The indicator_score rows one run of the golden delivery publishes: for each region one per
     * indicator and one per sub-item, 4 x (41 + 57) = 392.
     */
    public static final int SCORE_ROWS = REGIONS.size() * (INDICATORS + SUB_ITEMS);

    private GoldenData() {
    }

    /** Copies the golden delivery into {@code target} (which must not exist or be empty) and returns it. */
    public static Path copyTo(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(GIVEN)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(GIVEN.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
