package io.punnet.lab;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Punnet node: the distribution's {@code bin/punnet} started inside its namespace with its
 * own {@code conf/}, data directory and log, and the signals the scenarios send it. {@code ip netns
 * exec} and the start script both exec, so the process started here is the node's JVM itself: its
 * pid is the one to signal and to read {@code /proc} of.
 */
public final class LabNode {

    private final int index;
    private final String name;
    private final String namespace;
    private final Path dir;
    private final List<LogEvent> events = new ArrayList<>();
    private Process process;
    private long startedAtMs;
    private long logOffset;

    LabNode(int index, String namespace, Path dir) {
        this.index = index;
        this.name = "n" + index;
        this.namespace = namespace;
        this.dir = dir;
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public String address() {
        return LabNetwork.address(index);
    }

    /** The node's log file. */
    public Path log() {
        return dir.resolve("node.log");
    }

    /** When the process was last started, epoch ms. */
    public long startedAtMs() {
        return startedAtMs;
    }

    /** Starts the node (again, after a stop: same name, new generation). */
    void start(Path dist, Map<String, String> env) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf);
        for (String f : List.of("config.properties", "jvm.options", "punnet.properties")) {
            Files.copy(dist.resolve("conf").resolve(f), conf.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", namespace, dist.resolve("bin/punnet").toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("PUNNET_"));
        pb.environment().putAll(env);
        pb.environment().put("PUNNET_CONF_DIR", conf.toString());
        pb.environment().put("PUNNET_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("PUNNET_NODE_NAME", name);
        pb.environment().put("PUNNET_BIND_ADDRESS", address());
        pb.environment().put("PUNNET_HTTP_HOST", address());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        startedAtMs = System.currentTimeMillis();
        process = pb.start();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the node vanishes without a word. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node leaves gracefully (the framework's shutdown hook); waits up to {@code timeoutMs}. */
    public boolean stop(long timeoutMs) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            kill9();
            return false;
        }
        return true;
    }

    /** SIGSTOP: the node freezes (a long GC, a starved Pi). */
    public void pause() throws IOException {
        Shell.run(List.of("kill", "-STOP", Long.toString(pid())));
    }

    /** SIGCONT. */
    public void resume() throws IOException {
        Shell.run(List.of("kill", "-CONT", Long.toString(pid())));
    }

    /** Resident set size in KiB, from /proc (0 when gone). */
    public long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** CPU time used so far (user + system), in clock ticks (1/100 s on Linux), from /proc. */
    public long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every membership event of the log so far (reads what was appended since the last call). */
    public synchronized List<LogEvent> events() {
        try (RandomAccessFile f = new RandomAccessFile(log().toFile(), "r")) {
            if (f.length() > logOffset) {
                f.seek(logOffset);
                byte[] bytes = new byte[(int) (f.length() - logOffset)];
                f.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                int complete = text.lastIndexOf('\n') + 1;
                logOffset += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
                text.substring(0, complete).lines().forEach(l -> LogEvent.parse(name, l).ifPresent(events::add));
            }
        } catch (IOException e) {
            // no log yet
        }
        return List.copyOf(events);
    }

    /** Kills the process if it still runs (clean-up). */
    void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
