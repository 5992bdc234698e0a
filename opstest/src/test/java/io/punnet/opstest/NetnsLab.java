package io.punnet.opstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small LAN of network namespaces, made for one test and removed after it: a switch
 * ({@code lan}, a bridge), an administrator's machine ({@code ctl}, 10.77.0.1) and nodes
 * ({@code n1}.. at 10.77.0.11..). Each namespace is named {@code po-<pid of this JVM>-<host>}, so
 * two builds on one machine never share one, and the lab of a JVM that died before its cleanup
 * (a killed build) is recognised and removed by the next lab. Every interface is created inside
 * these namespaces (a veth pair whose ends are born in a host and in the switch), so the machine's
 * own network sees nothing: no interface, no route, no packet. Loopback is up in each namespace.
 *
 * <p>Processes started here are tracked; {@link #close()} ends every process still in one of the
 * namespaces ({@code ip netns pids}: the nodes, sshd, the nginx daemons the playbooks started,
 * stray ssh clients) by PID with SIGTERM, then SIGKILL after a bounded wait, deletes the namespaces
 * and the lab directory. It is safe to call after a partial setup.
 */
final class NetnsLab implements AutoCloseable {

    static final String SUBNET = "10.77.0.";
    private static final String PREFIX = "po-" + ProcessHandle.current().pid() + "-";
    private static final Pattern OURS = Pattern.compile("po-(\\d+)-\\S+");
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Path dir;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private NetnsLab(Path dir) {
        this.dir = dir;
    }

    /** Whether this machine can make namespaces here: root and a working {@code ip netns}. */
    static boolean possible() {
        return Shell.isRoot() && Shell.has("ip") && new Shell().timeout(Duration.ofSeconds(10)).run("ip", "netns", "list").ok();
    }

    /** The LAN with the administrator's machine and {@code nodes} nodes named n1, n2, .. */
    static NetnsLab create(int nodes) throws IOException {
        NetnsLab lab = empty();
        try {
            lab.add("lan");
            lab.ip("-n", ns("lan"), "link", "add", "br0", "type", "bridge");
            lab.ip("-n", ns("lan"), "link", "set", "br0", "up");
            lab.ip("-n", ns("lan"), "link", "set", "lo", "up");
            lab.host("ctl", SUBNET + "1");
            for (int i = 1; i <= nodes; i++) {
                lab.host("n" + i, SUBNET + (10 + i));
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** One host with nothing but its loopback interface. */
    static NetnsLab loopbackOnly(String host) throws IOException {
        NetnsLab lab = empty();
        try {
            lab.add(host);
            lab.ip("-n", ns(host), "link", "set", "lo", "up");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private static NetnsLab empty() throws IOException {
        removeDeadLabs();
        // world-readable: nginx workers (www-data) serve files from the hosts' directories in it
        return new NetnsLab(Files.createTempDirectory("po-lab",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))));
    }

    /** The namespace of a host of this JVM's labs. */
    static String ns(String host) {
        return PREFIX + host;
    }

    /** Ends the labs of JVMs that are gone (a build killed before its cleanup ran). */
    private static void removeDeadLabs() {
        NetnsLab dead = new NetnsLab(null);
        for (String line : new Shell().run("ip", "netns", "list").output().lines().toList()) {
            String name = line.split(" ")[0];
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                dead.namespaces.add(name);
            }
        }
        dead.stopEverything();
    }

    private void add(String host) {
        ip("netns", "add", ns(host));
        namespaces.add(ns(host));
    }

    private void host(String name, String address) {
        add(name);
        ip("-n", ns(name), "link", "add", "eth0", "type", "veth", "peer", "name", name, "netns", ns("lan"));
        ip("-n", ns("lan"), "link", "set", name, "master", "br0", "up");
        ip("-n", ns(name), "addr", "add", address + "/24", "dev", "eth0");
        ip("-n", ns(name), "link", "set", "eth0", "up");
        ip("-n", ns(name), "link", "set", "lo", "up");
        addresses.put(name, address);
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        new Shell().timeout(Duration.ofSeconds(20)).run(command).check();
    }

    /** A route for multicast (mDNS) out of a host's eth0: a real machine's default route does that. */
    void multicastRoute(String host) {
        ip("-n", ns(host), "route", "add", "224.0.0.0/4", "dev", "eth0");
    }

    Path dir() {
        return dir;
    }

    String address(String host) {
        return addresses.get(host);
    }

    /** Runs a command in a host's namespace to its end, bounded. */
    Shell.Result exec(String host, Map<String, String> env, Duration timeout, String... command) {
        Shell shell = new Shell().timeout(timeout);
        env.forEach(shell::env);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        full.addAll(List.of(command));
        return shell.run(full);
    }

    /** Starts a long-running command in a host's namespace, its output to {@code log}. */
    Process spawn(String host, Map<String, String> env, Path log, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        full.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** SIGTERM to one process, then SIGKILL if it is still there after the bounded wait. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<Long> pidsInNamespaces() {
        List<Long> pids = new ArrayList<>();
        for (String ns : namespaces) {
            new Shell().timeout(Duration.ofSeconds(10)).run("ip", "netns", "pids", ns).output().lines()
                    .filter(l -> l.matches("\\d+")).map(Long::parseLong).forEach(pids::add);
        }
        return pids;
    }

    private void stopEverything() {
        for (Long pid : pidsInNamespaces()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (!pidsInNamespaces().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200); // waiting for processes to end, not for timing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Long pid : pidsInNamespaces()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (String ns : namespaces) {
            new Shell().timeout(Duration.ofSeconds(20)).run("ip", "netns", "del", ns);
        }
        namespaces.clear();
    }

    @Override
    public void close() throws IOException {
        stopEverything();
        if (dir != null) {
            new Shell().timeout(Duration.ofSeconds(60)).run("rm", "-rf", dir.toString());
        }
    }
}
