package io.punnet.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Records who saw what and when: runs {@link ObserverProbe} in the observer namespace and keeps,
 * per node, its latest view of the membership ({@code GET /api/v1/nodes}), the first time it
 * answered 200, and every change between two polls as a {@link Transition}. Times are the poll's,
 * so a change is seen up to one poll interval late; for exact times use the nodes' log events.
 */
public final class Observer implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final Thread reader;
    private final Map<String, Map<String, MemberView>> views = new HashMap<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<String, Long> firstOk = new HashMap<>();
    private final List<Transition> transitions = new ArrayList<>();

    Observer(String namespace, long pollMs) throws IOException {
        process = new ProcessBuilder("ip", "netns", "exec", namespace, ClassPath.java(), "-Xmx48m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", ClassPath.current(), ObserverProbe.class.getName(),
                Long.toString(pollMs)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader = new Thread(this::read, "lab-observer");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts polling {@code node} (again: its first-200 time is kept). */
    public synchronized void watch(LabNode node) throws IOException {
        command("add " + node.name() + " " + node.address() + " " + LabOptions.HTTP_PORT);
    }

    /** Starts polling {@code node} as a new process: its first-200 time is measured anew. */
    synchronized void watchNew(LabNode node) throws IOException {
        firstOk.remove(node.name());
        watch(node);
    }

    /** Stops polling {@code node} (and forgets its view). */
    public synchronized void forget(LabNode node) throws IOException {
        command("remove " + node.name());
        views.remove(node.name());
        codes.remove(node.name());
    }

    private void command(String line) throws IOException {
        commands.write(line + "\n");
        commands.flush();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("V ")) {
                    record(line.split(" ", 5));
                }
            }
        } catch (IOException e) {
            // the probe ended
        }
    }

    private synchronized void record(String[] f) {
        long t = Long.parseLong(f[1]);
        String node = f[2];
        int code = Integer.parseInt(f[3]);
        codes.put(node, code);
        if (code != 200) {
            return;
        }
        firstOk.putIfAbsent(node, t);
        Map<String, MemberView> now = new HashMap<>();
        if (f.length > 4) {
            for (String m : f[4].split(";")) {
                String[] p = m.split(":");
                if (p.length == 3) {
                    now.put(p[0], new MemberView(p[1], Long.parseLong(p[2])));
                }
            }
        }
        Map<String, MemberView> before = views.getOrDefault(node, Map.of());
        for (String member : union(before, now)) {
            String from = before.containsKey(member) ? before.get(member).status() : "ABSENT";
            String to = now.containsKey(member) ? now.get(member).status() : "ABSENT";
            if (!from.equals(to)) {
                transitions.add(new Transition(t, node, member, from, to));
            }
        }
        views.put(node, now);
        notifyAll();
    }

    private static List<String> union(Map<String, MemberView> a, Map<String, MemberView> b) {
        List<String> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        return all;
    }

    /** {@code node}'s latest view (empty before its first answer). */
    public synchronized Map<String, MemberView> view(String node) {
        return Map.copyOf(views.getOrDefault(node, Map.of()));
    }

    /** The HTTP code of {@code node}'s latest answer (0: unreachable, -1: none yet). */
    public synchronized int code(String node) {
        return codes.getOrDefault(node, -1);
    }

    /** When {@code node} first answered 200 since it was watched, or -1. */
    public synchronized long firstOkMs(String node) {
        return firstOk.getOrDefault(node, -1L);
    }

    /** Every transition seen so far. */
    public synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** Waits, at most {@code timeoutMs}, until {@code condition} holds (checked at each answer); whether it did. */
    public synchronized boolean await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 500));
        }
        return true;
    }

    @Override
    public void close() {
        try {
            command("quit");
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
