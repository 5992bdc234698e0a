package io.punnet.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.RolloutStatus;

/**
 * Five real nodes (separate JVMs, gossip on 127.0.0.1, seeds only): a bundle submitted on node 1
 * becomes ACTIVE on all five, fetched over HTTP from node 1; a version that cannot resolve is rolled
 * back on all five; a canary rollout stops at its canary when that fails and is promoted to all
 * when it succeeds; a node that was down during a rollout catches up when it comes back; no node
 * restarts gossip (generations unchanged). Prints the time to roll out and
 * the longest heartbeat gap node 1 saw meanwhile.
 *
 * <p>Until the REST bundle maps {@code POST /bundles}, node 1 gets the jar through a test-only
 * "drop" bundle ({@link DropSubmitter}, added to a copy of the distribution): a jar written to
 * {@code <data>/drop/} is submitted through the {@link Deployments} service, and the rollout status
 * is written beside it. Slow (five JVMs on two cores), so it runs only with
 * {@code -Dpunnet.deploy.cluster=true}.
 */
@EnabledIfSystemProperty(named = "punnet.deploy.cluster", matches = "true")
class DeployClusterTest {

    private static final int NODES = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern MEMBER = Pattern.compile(
            "\"name\":\"([^\"]+)\".*?\"status\":\"([A-Z]+)\",\"generation\":(\\d+),\"heartbeat\":(\\d+)");

    @Test
    void aBundleRollsOutToFiveNodesAndABrokenOneIsRolledBackEverywhere() throws Exception {
        String previousDist = System.getProperty("punnet.dist");
        Path dist = distributionWithThisDeployBundle();
        System.setProperty("punnet.dist", dist.toString());
        List<NodeProcess> nodes = new ArrayList<>();
        HeartbeatWatch watch = null;
        try {
            NodeProcess first = NodeProcess.start("deploy-1", Map.of());
            nodes.add(first);
            for (int i = 2; i <= NODES; i++) {
                nodes.add(NodeProcess.start("deploy-" + i, Map.of("PUNNET_SEEDS", "127.0.0.1:" + first.gossipPort)));
            }
            for (NodeProcess n : nodes) {
                n.awaitHttp200("/api/v1/node", Duration.ofSeconds(120));
            }
            Map<String, long[]> before = awaitMembers(first, NODES, Duration.ofSeconds(60));
            watch = new HeartbeatWatch(first);
            watch.start();
            Thread.sleep(10_000); // a baseline: the gaps this machine shows with no rollout at all
            System.out.printf("deploy: longest heartbeat gap seen by node 1 in 10 s without a rollout: %d ms%n",
                    watch.takeLongestGapMs());

            long start = System.nanoTime();
            String[] good = submit(first, "good", DeployRolloutTest.Bundles.good("1.0.0"));
            RolloutStatus.Phase phase = awaitPhase(first, good[0], Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("deploy: rollout to %d nodes took %.2f s (%s)%n", NODES, seconds, phase);
            assertEquals("SUCCEEDED", phase.name(), Files.readString(statusFile(first, "good")));
            assertEquals(NODES, countNodes(first, "good", "ACTIVE"), Files.readString(statusFile(first, "good")));
            assertTrue(seconds < 30, "active on all within 30 s, took " + seconds);

            long brokenStart = System.nanoTime();
            String[] broken = submit(first, "broken", DeployRolloutTest.Bundles.unresolvable("2.0.0"));
            RolloutStatus.Phase brokenPhase = awaitPhase(first, broken[0], Duration.ofSeconds(90));
            System.out.printf("deploy: broken rollout rolled back on %d nodes in %.2f s%n", NODES,
                    (System.nanoTime() - brokenStart) / 1e9);
            assertEquals("FAILED", brokenPhase.name(), Files.readString(statusFile(first, "broken")));
            assertEquals(NODES, countNodes(first, "broken", "ROLLED_BACK"), Files.readString(statusFile(first, "broken")));

            // a canary that fails stops the rollout: only node 1 (the submitter) tried it
            String[] canaryBroken = submit(first, "canary-broken", DeployRolloutTest.Bundles.unresolvable("2.0.1"));
            assertEquals("STOPPED", awaitPhase(first, canaryBroken[0], Duration.ofSeconds(60)).name());
            String stopped = Files.readString(statusFile(first, "canary-broken"));
            assertEquals(1, countNodes(first, "canary-broken", "ROLLED_BACK"), stopped);
            assertEquals(NODES - 1, countNodes(first, "canary-broken", "PENDING"), stopped);
            assertTrue(stopped.contains("deploy-1 ROLLED_BACK"), stopped);
            // a canary that succeeds is promoted to every node
            long canaryStart = System.nanoTime();
            String[] canaryGood = submit(first, "canary-good", DeployRolloutTest.Bundles.good("1.0.5"));
            assertEquals("SUCCEEDED", awaitPhase(first, canaryGood[0], Duration.ofSeconds(60)).name());
            assertEquals(NODES, countNodes(first, "canary-good", "ACTIVE"), Files.readString(statusFile(first, "canary-good")));
            System.out.printf("deploy: canary rollout (1 node, then %d) took %.2f s%n", NODES - 1,
                    (System.nanoTime() - canaryStart) / 1e9);

            // node 5 is down while 1.1.0 rolls out, then comes back (a new process, so a new generation
            // and an empty framework cache): it catches up from the desired state in gossip
            watch.ignore("deploy-" + NODES); // its heartbeat stops while it is down, on purpose
            nodes.remove(NODES - 1).close();
            String[] update = submit(first, "update", DeployRolloutTest.Bundles.good("1.1.0"));
            assertEquals("SUCCEEDED", awaitPhase(first, update[0], Duration.ofSeconds(60)).name());
            assertEquals(NODES - 1, countNodes(first, "update", "ACTIVE"), Files.readString(statusFile(first, "update")));
            long back = System.nanoTime();
            nodes.add(NodeProcess.start("deploy-" + NODES, Map.of("PUNNET_SEEDS", "127.0.0.1:" + first.gossipPort)));
            awaitLine(statusFile(first, "update"), "deploy-" + NODES + " ACTIVE", Duration.ofSeconds(90));
            System.out.printf("deploy: node %d caught up %.2f s after its start%n", NODES, (System.nanoTime() - back) / 1e9);

            watch.stop();
            System.out.printf("deploy: longest heartbeat gap seen by node 1 during the rollouts (nodes 1-4 throughout, node 5 until it was stopped): %d ms%n", watch.longestGapMs());
            Map<String, long[]> after = awaitMembers(first, NODES, Duration.ofSeconds(10));
            before.remove("deploy-" + NODES); // restarted on purpose
            for (Map.Entry<String, long[]> m : before.entrySet()) {
                assertEquals(m.getValue()[0], after.get(m.getKey())[0], "generation of " + m.getKey());
            }
        } finally {
            if (watch != null) {
                watch.stop();
            }
            for (NodeProcess n : nodes) {
                n.close();
            }
            if (previousDist == null) {
                System.clearProperty("punnet.dist");
            } else {
                System.setProperty("punnet.dist", previousDist);
            }
            deleteTree(dist);
        }
    }

    /** Writes the jar into node 1's drop directory; returns the rollout id once the dropper took it. */
    private static String[] submit(NodeProcess node, String name, byte[] jar) throws Exception {
        Path drop = Files.createDirectories(node.dir.resolve("data/drop"));
        Path temp = drop.resolve(name + ".part");
        Files.write(temp, jar);
        Files.move(temp, drop.resolve(name + ".jar"), StandardCopyOption.ATOMIC_MOVE);
        Path id = drop.resolve(name + ".id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(id)) {
                String text = Files.readString(id).strip();
                assertTrue(!text.startsWith("refused"), text);
                return new String[] {text};
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the drop bundle did not take " + name + ": " + node.output());
    }

    private static Path statusFile(NodeProcess node, String name) {
        return node.dir.resolve("data/drop/" + name + ".status");
    }

    private static RolloutStatus.Phase awaitPhase(NodeProcess node, String id, Duration timeout) throws Exception {
        Path file = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DirectoryStream<Path> unused = Files.newDirectoryStream(node.dir.resolve("data/drop"))) {
            for (Path p : unused) {
                if (p.toString().endsWith(".id") && Files.readString(p).strip().equals(id)) {
                    file = Path.of(p.toString().replace(".id", ".status"));
                }
            }
        }
        String last = "";
        while (System.nanoTime() < deadline) {
            if (file != null && Files.isRegularFile(file)) {
                last = Files.readString(file);
                String phase = last.lines().findFirst().orElse("");
                if (phase.equals("SUCCEEDED") || phase.equals("FAILED") || phase.equals("STOPPED")) {
                    return RolloutStatus.Phase.valueOf(phase);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rollout " + id + " unfinished after " + timeout + ":\n" + last);
    }

    private static void awaitLine(Path file, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && Files.readString(file).lines().anyMatch(l -> l.startsWith(line))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line '" + line + "' after " + timeout + " in:\n" + Files.readString(file));
    }

    private static int countNodes(NodeProcess node, String name, String state) throws IOException {
        return (int) Files.readString(statusFile(node, name)).lines().filter(l -> l.contains(" " + state)).count();
    }

    /** name → {generation, heartbeat} of the live members node 1 sees, once it sees n of them. */
    private static Map<String, long[]> awaitMembers(NodeProcess node, int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, long[]> members = Map.of();
        while (System.nanoTime() < deadline) {
            members = members(node);
            if (members.size() >= n) {
                return members;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node 1 sees " + members.keySet() + " after " + timeout);
    }

    static Map<String, long[]> members(NodeProcess node) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(node.url("/api/v1/nodes")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, long[]> members = new HashMap<>();
            for (String part : body.split("\\{\"name\"")) {
                Matcher m = MEMBER.matcher("{\"name\"" + part);
                if (m.find() && (m.group(2).equals("ALIVE") || m.group(2).equals("SUSPECT"))) {
                    members.put(m.group(1), new long[] {Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
                }
            }
            return members;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Polls node 1's view every 100 ms and keeps the longest time any member's heartbeat stood still. */
    private static final class HeartbeatWatch implements Runnable {
        private final NodeProcess node;
        private final Map<String, long[]> last = new ConcurrentHashMap<>();
        private final java.util.Set<String> ignored = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private volatile long longestGapMs;
        private Thread thread;

        HeartbeatWatch(NodeProcess node) {
            this.node = node;
        }

        void start() {
            thread = new Thread(this, "heartbeat-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(5_000);
            }
        }

        void ignore(String name) {
            ignored.add(name);
        }

        long longestGapMs() {
            return longestGapMs;
        }

        /** The longest gap so far, and start again from zero. */
        long takeLongestGapMs() {
            long gap = longestGapMs;
            longestGapMs = 0;
            return gap;
        }

        @Override
        public void run() {
            while (running) {
                long now = System.nanoTime() / 1_000_000;
                for (Map.Entry<String, long[]> m : members(node).entrySet()) {
                    if (ignored.contains(m.getKey())) {
                        continue;
                    }
                    long[] seen = last.get(m.getKey()); // {heartbeat, time it changed}
                    if (seen == null || seen[0] != m.getValue()[1]) {
                        if (seen != null) {
                            longestGapMs = Math.max(longestGapMs, now - seen[1]);
                        }
                        last.put(m.getKey(), new long[] {m.getValue()[1], now});
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A copy of the distribution with this build's deploy bundle and the test-only drop bundle. */
    private static Path distributionWithThisDeployBundle() throws IOException {
        Path home = Distribution.home();
        Path copy = Files.createTempDirectory("punnet-deploy-dist");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(home.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path built = home.getParent().getParent().getParent().resolve("deploy.bundle/target/deploy.bundle-0.1.0-SNAPSHOT.jar");
        Files.copy(built, copy.resolve("bundle/deploy.bundle-0.1.0-SNAPSHOT.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(copy.resolve("bundle/zz-deploy-drop.jar"), dropBundle());
        return copy;
    }

    /** The drop bundle: {@link DropSubmitter}'s class file with a manifest. */
    private static byte[] dropBundle() throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.punnet.itest.drop");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", DropSubmitter.class.getName());
        a.putValue("Import-Package", "io.punnet.deploy.api,org.osgi.framework");
        String path = DropSubmitter.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m);
                InputStream in = DeployClusterTest.class.getClassLoader().getResourceAsStream(path)) {
            jar.putNextEntry(new ZipEntry(path));
            in.transferTo(jar);
        }
        return out.toByteArray();
    }

    /**
     * Test-only bundle activator: submits every {@code <data>/drop/*.jar} to target {@code all} (as a
     * canary rollout when the file name starts with {@code canary})
     * through the Deployments service, writes the rollout id to {@code <name>.id} and, every 200 ms,
     * the rollout's phase and per-node states to {@code <name>.status}.
     */
    public static final class DropSubmitter implements BundleActivator, Runnable {
        private volatile boolean running;
        private BundleContext context;
        private Path drop;
        private Thread thread;

        @Override
        public void start(BundleContext bundleContext) {
            context = bundleContext;
            drop = Path.of(bundleContext.getProperty("punnet.data.dir"), "drop");
            running = true;
            thread = new Thread(this, "deploy-drop");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void stop(BundleContext bundleContext) throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    pass();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    System.err.println("drop: " + e);
                }
            }
        }

        private void pass() throws IOException {
            ServiceReference<Deployments> ref = context.getServiceReference(Deployments.class);
            if (ref == null || !Files.isDirectory(drop)) {
                return;
            }
            Deployments deployments = context.getService(ref);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(drop)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".jar")) {
                        String id;
                        try (InputStream in = Files.newInputStream(f)) {
                            id = deployments.submit(in, "all", new DeployOptions(false, name.startsWith("canary"), false, null));
                        } catch (RuntimeException e) {
                            id = "refused: " + e.getMessage();
                        }
                        Files.writeString(drop.resolve(name.replace(".jar", ".id")), id);
                        Files.delete(f);
                    } else if (name.endsWith(".id")) {
                        String id = Files.readString(f).strip();
                        RolloutStatus status = deployments.rollout(id).orElse(null);
                        if (status != null) {
                            StringBuilder text = new StringBuilder(status.phase().name()).append('\n');
                            for (NodeProgress n : status.nodes()) {
                                text.append(n.node()).append(' ').append(n.state()).append(' ').append(n.reason()).append('\n');
                            }
                            Files.writeString(drop.resolve(name.replace(".id", ".status.part")), text);
                            Files.move(drop.resolve(name.replace(".id", ".status.part")),
                                    drop.resolve(name.replace(".id", ".status")), StandardCopyOption.ATOMIC_MOVE,
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
