package io.punnet.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lab's system commands ({@code ip}, {@code nft}, {@code kill}), each bounded in time, and
 * turns a failure into an {@link IOException} that carries the command and its output.
 */
public final class Shell {

    static final long TIMEOUT_MS = 15_000;

    private Shell() {
    }

    /** Runs {@code command}; its output. */
    public static String run(List<String> command) throws IOException {
        return run(command, null);
    }

    /** Runs {@code command} with {@code input} on its standard input (null: none); its output. */
    public static String run(List<String> command, String input) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + TIMEOUT_MS + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out.trim());
        }
        return out;
    }

    /** Runs {@code command}, ignoring a failure (clean-up paths); true when it succeeded. */
    public static boolean quietly(List<String> command) {
        try {
            run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
