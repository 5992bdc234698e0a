package io.punnet.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Network namespaces for the tests that run real mDNS, so that no multicast ever reaches this
 * machine's interfaces. Every namespace is named {@code pn-d<pid>-<name>}, after this JVM's pid:
 * {@link #close} deletes this JVM's, and {@link #sweepOrphans} deletes those of JVMs that died
 * before they could (a killed test run). Deleting a namespace deletes the veth ends inside it.
 */
final class Netns implements AutoCloseable {

    private static final Pattern OURS = Pattern.compile("pn-d(\\d+)-[a-z0-9]+");
    private static final long COMMAND_TIMEOUT_MS = 10_000;

    private final String prefix = "pn-d" + ProcessHandle.current().pid() + "-";
    private final List<String> created = new ArrayList<>();

    /** Whether namespaces can be made here (root, iproute2 with netns support). */
    static boolean available() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        String probe = "pn-d" + ProcessHandle.current().pid() + "-probe";
        try {
            run(List.of("ip", "netns", "add", probe));
            run(List.of("ip", "netns", "delete", probe));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the namespaces of test JVMs that are gone. */
    static void sweepOrphans() {
        try {
            for (String line : lines(List.of("ip", "netns", "list"))) {
                String name = line.split(" ")[0];
                Matcher m = OURS.matcher(name);
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    run(List.of("ip", "netns", "delete", name));
                }
            }
        } catch (IOException e) {
            // nothing to sweep
        }
    }

    /** Creates namespace {@code name} (its full name is returned) with {@code lo} up. */
    String create(String name) throws IOException {
        String full = prefix + name;
        run(List.of("ip", "netns", "add", full));
        created.add(full);
        ip(full, "link", "set", "lo", "up");
        return full;
    }

    /** Joins two namespaces with a veth pair, {@code eth0} on both sides, up, with the addresses given (CIDR). */
    void link(String a, String addressA, String b, String addressB) throws IOException {
        run(List.of("ip", "link", "add", "eth0", "netns", a, "type", "veth", "peer", "name", "eth0", "netns", b));
        ip(a, "addr", "add", addressA, "dev", "eth0");
        ip(b, "addr", "add", addressB, "dev", "eth0");
        ip(a, "link", "set", "eth0", "up");
        ip(b, "link", "set", "eth0", "up");
    }

    /** Runs {@code ip <args>} inside {@code ns}. */
    void ip(String ns, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs {@code nft <args>} inside {@code ns}. */
    void nft(String ns, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "nft"));
        command.addAll(List.of(args));
        run(command);
    }

    /** A process builder for {@code command} inside {@code ns}. */
    ProcessBuilder in(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return new ProcessBuilder(full).redirectErrorStream(true);
    }

    @Override
    public void close() {
        for (String ns : created) {
            try {
                run(List.of("ip", "netns", "delete", ns));
            } catch (IOException e) {
                System.err.println("could not delete namespace " + ns + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    private static List<String> lines(List<String> command) throws IOException {
        return run(command).lines().toList();
    }

    /** Runs a command, bounded; its output, or an IOException with the output when it fails. */
    static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + COMMAND_TIMEOUT_MS + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out.trim());
        }
        return out;
    }
}
