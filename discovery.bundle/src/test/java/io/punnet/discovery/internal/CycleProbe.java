package io.punnet.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A child-JVM main for {@link MdnsNamespaceTest}: activates and deactivates the discovery
 * component {@code cycles} times on the namespace's real interfaces (JmDNS), as a bundle stopped
 * and started again would, then waits (bounded) for the background closes and compares the live
 * threads with those before the first cycle. Every tenth cycle waits until JmDNS has announced; the
 * others stop it while it may still be starting, which is the race a quick bundle update causes.
 *
 * <p>Prints one line: {@code RESULT cycles=… announced=… maxActivateMs=… maxDeactivateMs=…
 * closed=… threadsBefore=… threadsAfter=… leaked=[names]}.
 */
public final class CycleProbe {

    private CycleProbe() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = Integer.parseInt(args[0]);
        FakeCluster cluster = new FakeCluster("cycle", "c1", 7946);
        DiscoveryConfig config = Configs.discovery(Map.of("interfacePollIntervalInMs", 500L, "browseIntervalInMs", 1_000L));
        Set<String> before = threadNames();
        List<DiscoveryRuntime> runtimes = new ArrayList<>();
        long maxActivate = 0;
        long maxDeactivate = 0;
        int announced = 0;
        for (int i = 0; i < cycles; i++) {
            long t0 = System.nanoTime();
            DiscoveryComponent c = new DiscoveryComponent(cluster, k -> null, config, InterfaceScanner::scan,
                    JmdnsResponder::start);
            maxActivate = Math.max(maxActivate, (System.nanoTime() - t0) / 1_000_000);
            if (i % 10 == 0 && awaitAnnounced(c.runtime(), 10_000)) {
                announced++;
            }
            long t1 = System.nanoTime();
            c.deactivate();
            maxDeactivate = Math.max(maxDeactivate, (System.nanoTime() - t1) / 1_000_000);
            runtimes.add(c.runtime());
        }
        boolean closed = true;
        for (DiscoveryRuntime r : runtimes) {
            closed &= r.awaitClosed(60_000);
        }
        Set<String> after = awaitThreads(before.size(), 20_000);
        Set<String> leaked = new TreeSet<>(after);
        leaked.removeAll(before);
        System.out.println("RESULT cycles=" + cycles + " announced=" + announced + " maxActivateMs=" + maxActivate
                + " maxDeactivateMs=" + maxDeactivate + " closed=" + closed + " threadsBefore=" + before.size()
                + " threadsAfter=" + after.size() + " leaked=" + leaked);
        System.out.flush();
        System.exit(0);
    }

    private static boolean awaitAnnounced(DiscoveryRuntime runtime, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (runtime.bindings().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The live threads once there are at most {@code count} of them, or after {@code timeoutMs}. */
    private static Set<String> awaitThreads(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Set<String> names = threadNames();
        while (names.size() > count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            names = threadNames();
        }
        return names;
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toCollection(TreeSet::new));
    }
}
