package io.punnet.discovery.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The peers mDNS has told this node about, by node name, and the judge of every new sighting.
 *
 * <p>A sighting is turned into gossip seeds only when it is a well-formed announcement of this
 * cluster, in a version this node speaks, from another node, with at least one usable address; and
 * only the endpoints not handed over before are returned, so gossip is not flooded with repeats.
 * A node seen at a new address (a DHCP renewal, Wi-Fi instead of Ethernet) stays the same peer: its
 * new endpoint is added and handed over, and gossip decides, by the node name inside authenticated
 * packets, that it is the same member.
 *
 * <p>Bounded against floods of forged announcements: at most {@link #MAX_PEERS} peers (the least
 * recently seen is forgotten first) and {@link #MAX_ENDPOINTS_PER_PEER} endpoints per peer (the
 * oldest is forgotten first). Forgetting only means a later sighting is handed over again.
 *
 * <p>Not thread-safe: the discovery runtime calls it from its one thread.
 */
public final class PeerBook {

    /** Peers remembered at most. */
    public static final int MAX_PEERS = 512;
    /** Endpoints remembered per peer at most. */
    public static final int MAX_ENDPOINTS_PER_PEER = 8;

    private final String clusterName;
    private final String selfName;
    private final Map<String, Set<Seed>> peers = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);

    /**
     * @param clusterName this node's cluster name: announcements of other clusters are ignored
     * @param selfName    this node's name: its own announcements, heard back, are ignored
     */
    public PeerBook(String clusterName, String selfName) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.selfName = Objects.requireNonNull(selfName, "selfName");
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
    }

    /** The outcome of one sighting: the verdict, and the seeds to hand to gossip (often none). */
    public record Observation(Verdict verdict, List<Seed> newSeeds) {
        public Observation {
            newSeeds = List.copyOf(newSeeds);
        }
    }

    /** Judges one sighting, remembers what it taught, and counts the verdict. */
    public Observation observe(Sighting sighting) {
        Observation observation = judge(sighting);
        counts.merge(observation.verdict(), 1L, Long::sum);
        return observation;
    }

    private Observation judge(Sighting sighting) {
        TxtParser.Parsed parsed = TxtParser.parse(sighting.txt());
        if (!(parsed instanceof TxtParser.Valid valid)) {
            return new Observation(Verdict.MALFORMED, List.of());
        }
        Announcement a = valid.announcement();
        if (a.version() != Announcement.CURRENT_VERSION) {
            return new Observation(Verdict.UNKNOWN_VERSION, List.of());
        }
        if (!a.cluster().equals(clusterName)) {
            return new Observation(Verdict.OTHER_CLUSTER, List.of());
        }
        if (a.node().equals(selfName)) {
            return new Observation(Verdict.SELF, List.of());
        }
        List<Seed> offered = new ArrayList<>();
        for (String address : sighting.addresses()) {
            if (Ipv4.isPeerAddress(address)) {
                offered.add(new Seed(a.node(), address, a.gossipPort()));
            }
        }
        if (offered.isEmpty()) {
            return new Observation(Verdict.MALFORMED, List.of());
        }
        return remember(a.node(), offered);
    }

    private Observation remember(String node, List<Seed> offered) {
        Set<Seed> known = peers.computeIfAbsent(node, n -> new LinkedHashSet<>());
        List<Seed> fresh = new ArrayList<>();
        for (Seed seed : offered) {
            if (known.add(seed)) {
                fresh.add(seed);
            }
        }
        trim(known);
        trimPeers();
        return new Observation(fresh.isEmpty() ? Verdict.KNOWN : Verdict.NEW_ENDPOINT, fresh);
    }

    private static void trim(Set<Seed> endpoints) {
        Iterator<Seed> oldestFirst = endpoints.iterator();
        while (endpoints.size() > MAX_ENDPOINTS_PER_PEER) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private void trimPeers() {
        Iterator<String> leastRecentFirst = peers.keySet().iterator();
        while (peers.size() > MAX_PEERS) {
            leastRecentFirst.next();
            leastRecentFirst.remove();
        }
    }

    /** The endpoints known of {@code node}, oldest first (empty when unknown). */
    public List<Seed> endpointsOf(String node) {
        Set<Seed> known = peers.get(node);
        return known == null ? List.of() : List.copyOf(known);
    }

    /** How many peers are remembered. */
    public int size() {
        return peers.size();
    }

    /** How many sightings got each verdict so far. */
    public Map<Verdict, Long> counts() {
        return Map.copyOf(counts);
    }
}
