package org.netmarket.edition;

import org.netmarket.items.ItemRegistry;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The real 2022 edition and the edition files under src/test/resources/editions, loaded once. */
public final class TestEditions {
    private static Edition edition2022;

    private TestEditions() {
    }

    public static EditionLoader loader() {
        return new EditionLoader(ItemRegistry.COMPUTATIONS);
    }

    /** The bundled 2022 edition, loaded exactly as the pipeline loads its default. */
    public static synchronized Edition edition2022() {
        if (edition2022 == null) {
            edition2022 = loader().load("2022");
        }
        return edition2022;
    }

    /** A file of src/test/resources/editions as a file-system path (as given to --edition). */
    public static Path file(String name) {
        URL url = TestEditions.class.getResource("/editions/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test edition " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test model of the revised national edition (pass: total >= 85 and each first level >= 80%). */
    public static Edition revised() {
        return loader().load(file("revised-85-80.yaml").toString());
    }
}
