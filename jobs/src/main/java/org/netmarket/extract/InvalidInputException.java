package org.netmarket.extract;

import org.netmarket.rules.BilingualFailure;
import org.netmarket.rules.Reason;

import java.util.List;
import java.util.Optional;

/**
 * The delivered input breaks the extract contract so badly that nothing may be published: a
 * missing required column, an unreadable file, too many quarantined rows, a broken regions.csv.
 * The message says what and where; the CLI exits with code 2. Problems a data clerk fixes in the
 * files (a file that cannot be used, too many rows set aside, a region tree that is not one) are
 * said in Chinese too, for the dashboards ({@link #messageZh}).
 */
public class InvalidInputException extends RuntimeException implements BilingualFailure {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;
    private final String messageZh;

    public InvalidInputException(List<String> problems) {
        this(problems, null);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    private InvalidInputException(List<String> problems, String messageZh) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems with the input:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
        this.messageZh = messageZh;
    }

    /** One problem written in both languages. */
    public static InvalidInputException of(Reason problem) {
        return of(List.of(problem));
    }

    /** Problems written in both languages. */
    public static InvalidInputException of(List<Reason> problems) {
        List<String> zh = problems.stream().map(Reason::zh).toList();
        return new InvalidInputException(problems.stream().map(Reason::en).toList(), zh.size() == 1 ? zh.get(0)
                : "输入数据有 " + zh.size() + " 个问题：\n  - " + String.join("\n  - ", zh));
    }

    public List<String> problems() {
        return problems;
    }

    /** The message in Chinese, when the problems were written in both languages ({@link #of}). */
    @Override
    public Optional<String> messageZh() {
        return Optional.ofNullable(messageZh);
    }
}
