package io.punnet.discovery.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started inside a network namespace with this test's class path, running one of the probe
 * mains. Its output is collected line by line; {@link #close} asks it to stop (a line "stop" on its
 * standard input), then kills it if it has not ended within a bound.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Writer input;

    ChildJvm(Netns netns, String ns, Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        process = netns.in(ns, command).start();
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader = new Thread(this::read, "child-" + ns);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Every line so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits, at most {@code timeoutMs}, for a line matching {@code wanted}; true when one came. */
    boolean awaitLine(Predicate<String> wanted, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (lines) {
            while (lines.stream().noneMatch(wanted)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return lines.stream().anyMatch(wanted);
                }
                lines.wait(Math.min(left, 200));
            }
            return true;
        }
    }

    /** Asks the probe to stop and waits for it, bounded; its exit code (-1 when it had to be killed). */
    int stop(long timeoutMs) throws InterruptedException {
        try {
            input.write("stop\n");
            input.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        reader.join(2_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(5_000);
        }
    }
}
