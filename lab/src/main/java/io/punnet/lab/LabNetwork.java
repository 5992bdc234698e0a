package io.punnet.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's network: a bridge that lives in a namespace of its own, one namespace per node joined
 * to it by a veth pair (the node sees only {@code lo} and {@code eth0}), and one namespace for the
 * observer. Nothing is created in the machine's own namespace, so neither mDNS nor gossip can reach
 * a real interface.
 *
 * <p>Names are {@code pn-l<pid>-br}, {@code pn-l<pid>-n<i>}, {@code pn-l<pid>-obs}, after the pid of
 * the JVM that made them: {@link #close} deletes its own, {@link #sweepOrphans} those of lab JVMs
 * that died without cleaning up. Deleting a namespace deletes the veth ends inside it.
 *
 * <p>Each node namespace has an nftables table {@code inet lab}: an input chain that holds the
 * node's {@link Faults}, and an output chain of counters (gossip UDP, push-pull TCP, everything but
 * the observer's polls) that the benchmarks read.
 */
public final class LabNetwork implements AutoCloseable {

    /** The subnet of the lab (inside its namespaces only). */
    static final String SUBNET_PREFIX = "10.77.0.";
    static final String OBSERVER_ADDRESS = SUBNET_PREFIX + "250";
    static final int MAX_NODES = 200;
    private static final Pattern OURS = Pattern.compile("pn-l(\\d+)-[a-z0-9]+");
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes (\\d+) comment \"([^\"]+)\"");

    private final String prefix = "pn-l" + ProcessHandle.current().pid() + "-";
    private final String bridge = prefix + "br";
    private final List<String> namespaces = new ArrayList<>();
    private final Map<Integer, Faults> faults = new LinkedHashMap<>();

    private LabNetwork() {
    }

    /** Creates the bridge and the observer's namespace. */
    public static LabNetwork create() throws IOException {
        LabNetwork net = new LabNetwork();
        try {
            net.addNamespace(net.bridge);
            net.ip(net.bridge, "link", "add", "br0", "type", "bridge");
            net.ip(net.bridge, "link", "set", "br0", "up");
            net.attach(net.observerNamespace(), "vobs", OBSERVER_ADDRESS);
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /** Whether the lab can run here: root, and {@code ip netns} and {@code nft} work. */
    public static boolean available() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        String probe = "pn-l" + ProcessHandle.current().pid() + "-probe";
        try {
            Shell.run(List.of("ip", "netns", "add", probe));
            Shell.run(List.of("ip", "netns", "exec", probe, "nft", "list", "ruleset"));
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            Shell.quietly(List.of("ip", "netns", "delete", probe));
        }
    }

    /** Deletes the namespaces of lab JVMs that are gone; how many. */
    public static int sweepOrphans() {
        int swept = 0;
        try {
            for (String line : Shell.run(List.of("ip", "netns", "list")).lines().toList()) {
                String name = line.split(" ")[0];
                Matcher m = OURS.matcher(name);
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
                        && Shell.quietly(List.of("ip", "netns", "delete", name))) {
                    swept++;
                }
            }
        } catch (IOException e) {
            // nothing listed, nothing to sweep
        }
        return swept;
    }

    /** The namespace of node {@code i} (1-based). */
    public String nodeNamespace(int i) {
        return prefix + "n" + i;
    }

    /** The namespace of the observer. */
    public String observerNamespace() {
        return prefix + "obs";
    }

    /** The address of node {@code i}. */
    public static String address(int i) {
        if (i < 1 || i > MAX_NODES) {
            throw new IllegalArgumentException("node " + i + " is outside 1.." + MAX_NODES);
        }
        return SUBNET_PREFIX + i;
    }

    /** Adds node {@code i}'s namespace, link and nftables table. */
    public void addNode(int i) throws IOException {
        String ns = nodeNamespace(i);
        attach(ns, "v" + i, address(i));
        Shell.run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), tableScript());
        faults.put(i, Faults.none());
    }

    private String tableScript() {
        String notObserver = "oifname \"eth0\" ip daddr != " + OBSERVER_ADDRESS;
        return "add table inet lab\n"
                + "add chain inet lab input { type filter hook input priority 0; policy accept; }\n"
                + "add chain inet lab output { type filter hook output priority 0; policy accept; }\n"
                + "add rule inet lab output " + notObserver + " udp dport 7946 counter comment \"gossip-udp\"\n"
                + "add rule inet lab output " + notObserver + " tcp dport 7946 counter comment \"pushpull-out\"\n"
                + "add rule inet lab output " + notObserver + " tcp sport 7946 counter comment \"pushpull-in\"\n"
                + "add rule inet lab output " + notObserver + " udp dport 5353 counter comment \"mdns\"\n"
                + "add rule inet lab output " + notObserver + " counter comment \"all\"\n"
                // arrivals, counted before the fault rules see them (first-packet times)
                + "add chain inet lab arrivals { type filter hook input priority -10; policy accept; }\n"
                + "add rule inet lab arrivals iifname \"eth0\" udp dport 7946 counter comment \"gossip-udp-in\"\n"
                + "add rule inet lab arrivals iifname \"eth0\" tcp dport 7946 counter comment \"pushpull-in-req\"\n"
                + "add rule inet lab arrivals iifname \"eth0\" tcp sport 7946 counter comment \"pushpull-in-ans\"\n";
    }

    private void attach(String ns, String hostSide, String address) throws IOException {
        addNamespace(ns);
        ip(ns, "link", "set", "lo", "up");
        Shell.run(List.of("ip", "link", "add", hostSide, "netns", bridge, "type", "veth", "peer", "name", "eth0",
                "netns", ns));
        ip(bridge, "link", "set", hostSide, "master", "br0");
        ip(bridge, "link", "set", hostSide, "up");
        ip(ns, "addr", "add", address + "/24", "dev", "eth0");
        ip(ns, "link", "set", "eth0", "up");
    }

    private void addNamespace(String ns) throws IOException {
        Shell.run(List.of("ip", "netns", "add", ns));
        namespaces.add(ns);
    }

    private void ip(String ns, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
        command.addAll(List.of(args));
        Shell.run(command);
    }

    /** Drops {@code percent} % of the packets every node receives (every link lossy). */
    public void setLoss(int percent) throws IOException {
        for (int i : List.copyOf(faults.keySet())) {
            apply(i, faults.get(i).withLoss(percent));
        }
    }

    /**
     * Splits the nodes into groups that cannot reach each other (both ways). Nodes in no group keep
     * talking to everyone.
     */
    public void partition(List<List<Integer>> groups) throws IOException {
        for (List<Integer> group : groups) {
            List<String> others = new ArrayList<>();
            for (List<Integer> other : groups) {
                if (other != group) {
                    other.forEach(j -> others.add(address(j)));
                }
            }
            for (int i : group) {
                apply(i, faults.get(i).withBlocked(Set.copyOf(others)));
            }
        }
    }

    /** Cuts the link from {@code from} to {@code to} one way: {@code to} no longer hears {@code from}. */
    public void cutOneWay(int from, int to) throws IOException {
        Set<String> blocked = new HashSet<>(faults.get(to).blockedFrom());
        blocked.add(address(from));
        apply(to, faults.get(to).withBlocked(blocked));
    }

    /** Removes every partition and one-way cut (loss stays). */
    public void heal() throws IOException {
        for (int i : List.copyOf(faults.keySet())) {
            apply(i, faults.get(i).withBlocked(Set.of()));
        }
    }

    private void apply(int i, Faults f) throws IOException {
        Shell.run(List.of("ip", "netns", "exec", nodeNamespace(i), "nft", "-f", "-"), f.inputChainScript(OBSERVER_ADDRESS));
        faults.put(i, f);
    }

    /** Bytes node {@code i} has sent, by counter name (gossip-udp, pushpull-out, pushpull-in, mdns, all). */
    public Map<String, Long> sentBytes(int i) throws IOException {
        String out = Shell.run(List.of("ip", "netns", "exec", nodeNamespace(i), "nft", "list", "chain", "inet", "lab",
                "output"));
        Map<String, Long> bytes = new LinkedHashMap<>();
        Matcher m = COUNTER.matcher(out);
        while (m.find()) {
            bytes.put(m.group(3), Long.parseLong(m.group(2)));
        }
        return bytes;
    }

    /** Packets of gossip (UDP and push-pull TCP, both ways, observer excluded) node {@code i} has sent or received. */
    public long gossipPackets(int i) throws IOException {
        String out = Shell.run(List.of("ip", "netns", "exec", nodeNamespace(i), "nft", "list", "table", "inet", "lab"));
        Matcher m = COUNTER.matcher(out);
        long packets = 0;
        while (m.find()) {
            String name = m.group(3);
            if (name.startsWith("gossip") || name.startsWith("pushpull")) {
                packets += Long.parseLong(m.group(1));
            }
        }
        return packets;
    }

    /** Deletes every namespace this lab made (the bridge last). */
    @Override
    public void close() {
        for (int k = namespaces.size() - 1; k >= 0; k--) {
            Shell.quietly(List.of("ip", "netns", "delete", namespaces.get(k)));
        }
        namespaces.clear();
        faults.clear();
    }
}
