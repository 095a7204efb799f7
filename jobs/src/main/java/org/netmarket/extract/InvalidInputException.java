package org.netmarket.extract;

import java.util.List;

/**
 * The delivered input breaks the extract contract so badly that nothing may be published: a
 * missing required column, an unreadable file, too many quarantined rows, a broken regions.csv.
 * The message says what and where; the CLI exits with code 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems with the input:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
