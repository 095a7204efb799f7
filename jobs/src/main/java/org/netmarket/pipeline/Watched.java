package org.netmarket.pipeline;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Rows streamed once to where they are written, shown on the way to whatever takes note of them
 * (the log's examples of rows set aside, the per-region counts of the lineage): the rows are
 * read once, however many take note.
 */
final class Watched {
    private Watched() {
    }

    /** {@code rows} as they are, each handed to {@code seen} as it passes. */
    static <T> Iterator<T> each(Iterator<T> rows, Consumer<? super T> seen) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                T row = rows.next();
                seen.accept(row);
                return row;
            }
        };
    }
}
