package io.punnet.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster of real nodes in the lab: the {@link LabNetwork}, one {@link LabNode} per namespace, and
 * the {@link Observer}. Nodes start one at a time, each after the previous one answered HTTP 200
 * (the machine has two cores; a stampede of JVMs measures the machine, not Punnet). Closing kills
 * every node, stops the observer and deletes every namespace, also when the JVM is shutting down
 * (a shutdown hook), so that a failed test leaves nothing behind.
 */
public final class LabCluster implements AutoCloseable {

    /** Bound of one node's start (JVM start to first HTTP 200) on a loaded machine. */
    static final long START_TIMEOUT_MS = 90_000;

    private final LabOptions options;
    private final LabNetwork network;
    private final Observer observer;
    private final Map<Integer, LabNode> nodes = new TreeMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Thread hook = new Thread(this::close, "lab-cleanup");
    private boolean closed;

    private LabCluster(LabOptions options, LabNetwork network, Observer observer) {
        this.options = options;
        this.network = network;
        this.observer = observer;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("PUNNET_CLUSTER_NAME", "lab");
        env.put("PUNNET_CLUSTER_KEY", Base64.getEncoder().encodeToString(key));
        env.put("PUNNET_API_TOKEN", "lab-token-0123456789abcdef");
        env.put("PUNNET_CONSOLE_PASSWORD", "lab-console-password");
        env.put("PUNNET_HTTP_PORT", Integer.toString(LabOptions.HTTP_PORT));
        env.put("PUNNET_GOSSIP_PORT", Integer.toString(LabOptions.GOSSIP_PORT));
        if (options.staticSeeds()) {
            env.put("PUNNET_SEEDS", LabNetwork.address(1) + ":" + LabOptions.GOSSIP_PORT);
        }
        env.putAll(options.extraEnv());
    }

    /** Builds the network and starts {@code options.nodes()} nodes, one after the other. */
    public static LabCluster start(LabOptions options) throws IOException, InterruptedException {
        if (!Files.isExecutable(options.dist().resolve("bin/punnet"))) {
            throw new IOException("no distribution at " + options.dist() + " (build it: mvn -q install -DskipTests)");
        }
        LabNetwork.sweepOrphans();
        LabNetwork network = LabNetwork.create();
        Observer observer;
        try {
            observer = new Observer(network.observerNamespace(), options.pollMs());
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        LabCluster cluster = new LabCluster(options, network, observer);
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            for (int i = 1; i <= options.nodes(); i++) {
                cluster.addNode(i);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Creates node {@code i}'s namespace and starts it; returns once it answers HTTP 200. */
    public LabNode addNode(int i) throws IOException, InterruptedException {
        LabNode node = prepareNode(i);
        startProcess(node);
        return node;
    }

    /** Creates node {@code i}'s namespace (nothing runs in it yet: see {@link #restart}). */
    public LabNode prepareNode(int i) throws IOException {
        network.addNode(i);
        LabNode node = new LabNode(i, network.nodeNamespace(i), options.workDir().resolve("n" + i));
        nodes.put(i, node);
        return node;
    }

    /**
     * Starts {@code node}'s process (again, after a kill or a stop: a new generation, same name);
     * returns once it answers HTTP 200.
     */
    public void restart(LabNode node) throws IOException, InterruptedException {
        startProcess(node);
    }

    private void startProcess(LabNode node) throws IOException, InterruptedException {
        observer.forget(node);
        node.start(options.dist(), env);
        observer.watchNew(node);
        if (!observer.await(() -> observer.firstOkMs(node.name()) > 0 || !node.alive(), START_TIMEOUT_MS)
                || !node.alive()) {
            throw new IOException(node.name() + " did not answer HTTP 200 within " + START_TIMEOUT_MS + " ms; see "
                    + node.log());
        }
    }

    public LabNode node(int i) {
        return nodes.get(i);
    }

    /** Every node, running or not. */
    public List<LabNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The nodes whose process runs. */
    public List<LabNode> running() {
        return nodes.values().stream().filter(LabNode::alive).toList();
    }

    public LabNetwork network() {
        return network;
    }

    public Observer observer() {
        return observer;
    }

    /** Whether every node in {@code group} sees every node in {@code group} ALIVE. */
    public boolean converged(List<LabNode> group) {
        for (LabNode viewer : group) {
            Map<String, MemberView> view = observer.view(viewer.name());
            for (LabNode member : group) {
                MemberView m = view.get(member.name());
                if (m == null || !m.alive()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits until every running node sees every running node ALIVE; whether it happened in time. */
    public boolean awaitConverged(long timeoutMs) throws InterruptedException {
        return observer.await(() -> converged(running()), timeoutMs);
    }

    /** Every membership event in every node's log, in time order. */
    public List<LogEvent> events() {
        List<LogEvent> all = new ArrayList<>();
        nodes.values().forEach(n -> all.addAll(n.events()));
        all.sort((a, b) -> Long.compare(a.timeMs(), b.timeMs()));
        return all;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (LabNode n : nodes.values()) {
            n.destroy();
        }
        observer.close();
        network.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }
}
