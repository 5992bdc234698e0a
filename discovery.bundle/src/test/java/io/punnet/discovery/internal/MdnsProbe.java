package io.punnet.discovery.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child-JVM main for {@link MdnsNamespaceTest}: runs real discovery components (JmDNS on the
 * namespace's interfaces) for fake clusters and prints what they do, one line each:
 * {@code READY <node> <bindings>}, {@code SEED <node> <host:port>}, {@code VERDICTS <node> <counts>},
 * {@code CLOSED <node> <true|false>}. It stops on a line "stop" on its input, or after at most
 * {@code maxMs}.
 *
 * <p>Arguments: {@code maxMs browseIntervalMs cluster:node:gossipPort...}.
 */
public final class MdnsProbe {

    private MdnsProbe() {
    }

    public static void main(String[] args) throws Exception {
        long maxMs = Long.parseLong(args[0]);
        long browseMs = Long.parseLong(args[1]);
        Map<String, FakeCluster> clusters = new HashMap<>();
        List<DiscoveryComponent> components = new ArrayList<>();
        Map<String, Object> config = Map.of("interfacePollIntervalInMs", 500L, "browseIntervalInMs", browseMs);
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split(":");
            FakeCluster cluster = new FakeCluster(spec[0], spec[1], Integer.parseInt(spec[2]));
            clusters.put(spec[1], cluster);
            components.add(new DiscoveryComponent(cluster, k -> null, Configs.discovery(config),
                    InterfaceScanner::scan, JmdnsResponder::start));
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.equals("stop")) {
                    // wait for "stop"
                }
            } catch (Exception e) {
                // stop anyway
            }
            stop.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        report(clusters, components, stop, maxMs);
        for (DiscoveryComponent c : components) {
            System.out.println("VERDICTS " + name(c) + " " + c.runtime().verdicts(5_000));
            c.deactivate();
        }
        for (DiscoveryComponent c : components) {
            System.out.println("CLOSED " + name(c) + " " + c.runtime().awaitClosed(20_000));
        }
        System.out.flush();
        System.exit(0);
    }

    private static String name(DiscoveryComponent c) {
        return c.runtime().self().node();
    }

    /** Prints READY and SEED lines as they happen, until stopped. */
    private static void report(Map<String, FakeCluster> clusters, List<DiscoveryComponent> components,
            CountDownLatch stop, long maxMs) throws InterruptedException {
        Map<String, Integer> printed = new HashMap<>();
        List<String> ready = new ArrayList<>();
        long deadline = System.currentTimeMillis() + maxMs;
        while (!stop.await(20, TimeUnit.MILLISECONDS) && System.currentTimeMillis() < deadline) {
            for (DiscoveryComponent c : components) {
                String node = name(c);
                if (!ready.contains(node) && !c.runtime().bindings().isEmpty()) {
                    ready.add(node);
                    System.out.println("READY " + node + " " + c.runtime().bindings());
                }
                List<String> seeds = clusters.get(node).seeds();
                for (int i = printed.getOrDefault(node, 0); i < seeds.size(); i++) {
                    System.out.println("SEED " + node + " " + seeds.get(i));
                }
                printed.put(node, seeds.size());
            }
            System.out.flush();
        }
    }
}
