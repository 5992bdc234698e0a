package io.punnet.opstest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command to its end, bounded in time, and keeps what it printed (stdout and
 * stderr merged, in order). A command still running at its deadline is killed with its children
 * and reported as a failure, so no test can hang on a tool.
 */
final class Shell {

    private final Map<String, String> env = new HashMap<>();
    private Path directory;
    private Duration timeout = Duration.ofSeconds(60);

    /** An environment variable added to the inherited ones. */
    Shell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Shell in(Path dir) {
        this.directory = dir;
        return this;
    }

    Shell timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Runs the command; never throws for a non-zero exit (see {@link Result#check()}). */
    Result run(String... command) {
        return run(List.of(command));
    }

    Result run(List<String> command) {
        try {
            Path log = Files.createTempFile("po-shell", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(env);
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                Process process = builder.start();
                boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                return new Result(command, done ? process.exitValue() : -1, output, !done);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(command, -2, "cannot run: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -3, "interrupted", false);
        }
    }

    /** Whether a program is on the PATH. */
    static boolean has(String program) {
        return new Shell().timeout(Duration.ofSeconds(5)).run("sh", "-c", "command -v " + program).exit() == 0;
    }

    static boolean isRoot() {
        return "0".equals(new Shell().timeout(Duration.ofSeconds(5)).run("id", "-u").output().trim());
    }

    /** What a command did. */
    record Result(List<String> command, int exit, String output, boolean timedOut) {

        boolean ok() {
            return exit == 0;
        }

        /** This result, or an AssertionError that shows the command and everything it printed. */
        Result check() {
            if (exit != 0) {
                throw new AssertionError(describe());
            }
            return this;
        }

        String describe() {
            return String.join(" ", command) + (timedOut ? " timed out" : " exited " + exit) + ":\n" + output;
        }
    }
}
