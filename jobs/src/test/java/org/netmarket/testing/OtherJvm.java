package org.netmarket.testing;

import org.netmarket.cli.NetmarketCommand;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job as a scheduler starts it: its own JVM, with this test JVM's class path and options
 * (but for the JIT's, set for a short run), so that a test can run two jobs at once or send one
 * a signal.
 */
public final class OtherJvm {
    private OtherJvm() {
    }

    /**
     * Starts {@code netmarket ARGS --report-dir REPORTS} in a new JVM, its stdout and stderr
     * going to {@code output}.
     */
    public static Process start(Path output, Path reports, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The tuning too (collector, JIT), as a scheduled run gets it; not a flight recording,
            // which two JVMs would write to one file.
            if (option.startsWith("--add-opens") || option.startsWith("-D")
                    || option.startsWith("-XX:") && !option.contains("FlightRecord")) {
                command.add(option);
            }
        }
        // Compiled by C1 only: a run of test data is over before C2's work pays, and C2's
        // compiler threads took the cores from both JVMs (a cold run took 37 s, 22 s so).
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NetmarketCommand.class.getName());
        command.addAll(List.of(args));
        command.addAll(List.of("--report-dir", reports.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** What the other JVM has written so far ("" before it wrote anything). */
    public static String output(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
