package io.punnet.gossip.internal;

import static io.punnet.gossip.internal.RecordingInbound.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.ClusterKey;
import io.punnet.gossip.core.wire.KeyRing;

/**
 * Real nodes (engine, UDP/TCP transport, protocol and event threads) on 127.0.0.1 with ephemeral
 * ports, no OSGi. Fast settings (100 ms rounds) keep it to seconds; every wait is bounded (15 s).
 */
class GossipClusterIntegrationTest {

    private static final long WAIT_MS = 15_000;
    private static final byte[] RAW_KEY = new byte[16];
    private static final KeyRing RING = new KeyRing(List.of(new ClusterKey(RAW_KEY)));

    private final List<GossipRuntime> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(GossipRuntime::halt);
    }

    static GossipSettings fast() {
        long ms = 1_000_000L;
        return new GossipSettings(100 * ms, 3, 1, 1_500 * ms, 1_000 * ms, 60_000 * ms, 1_000 * ms, 1_368,
                3_000 * ms, 1_000 * ms);
    }

    private GossipRuntime start(String name, KeyRing keys, List<Endpoint> seeds, List<ClusterListener> listeners)
            throws IOException {
        NodeSettings node = new NodeSettings(name, InetAddress.getLoopbackAddress(), 0, seeds, "punnet", keys);
        TransportSettings network = new TransportSettings(InetAddress.getLoopbackAddress(), 0, 1400, 1 << 20, 2_000,
                4, 1_024);
        GossipRuntime runtime = GossipRuntime.start(node, fast(), network, 1_000, () -> listeners);
        nodes.add(runtime);
        return runtime;
    }

    private List<GossipRuntime> cluster(int size) throws IOException {
        GossipRuntime seed = start("n1", RING, List.of(), List.of());
        List<GossipRuntime> all = new ArrayList<>(List.of(seed));
        for (int index = 2; index <= size; index++) {
            all.add(start("n" + index, RING, List.of(seed.endpoint()), List.of()));
        }
        return all;
    }

    private static Map<String, MemberStatus> view(GossipRuntime node) {
        return node.members().stream().collect(Collectors.toMap(Member::name, Member::status));
    }

    private static boolean everyoneSees(List<GossipRuntime> observers, String name, MemberStatus status) {
        return observers.stream().allMatch(o -> view(o).get(name) == status);
    }

    @Test
    void nodesConvergeAndSpreadApplicationState() throws IOException {
        List<GossipRuntime> all = cluster(4);
        assertTrue(eventually(WAIT_MS, () -> all.stream().allMatch(n -> view(n).size() == 4
                && view(n).values().stream().allMatch(s -> s == MemberStatus.ALIVE))),
                () -> "views: " + all.stream().map(GossipClusterIntegrationTest::view).toList());

        all.get(2).setApplicationState("http", "http://127.0.0.1:8080");
        assertTrue(eventually(WAIT_MS, () -> all.stream().allMatch(n -> n.member("n3")
                .map(m -> "http://127.0.0.1:8080".equals(m.state("http"))).orElse(false))));
        assertTrue(all.get(0).stats().packetsReceived() > 0);
        assertTrue(all.get(0).stats().bytesSent() > 0);
    }

    @Test
    void aCrashedNodeIsConvictedAndALeavingOneIsSeenLeft() throws IOException {
        List<GossipRuntime> all = cluster(5);
        assertTrue(eventually(WAIT_MS, () -> all.stream().allMatch(n -> view(n).size() == 5)));

        all.get(4).halt();
        List<GossipRuntime> survivors = all.subList(0, 4);
        assertTrue(eventually(WAIT_MS, () -> everyoneSees(survivors, "n5", MemberStatus.DEAD)),
                () -> "views: " + survivors.stream().map(GossipClusterIntegrationTest::view).toList());
        assertTrue(survivors.stream().mapToLong(n -> n.stats().convictions()).sum() > 0);

        all.get(3).close();
        List<GossipRuntime> remaining = all.subList(0, 3);
        assertTrue(eventually(WAIT_MS, () -> everyoneSees(remaining, "n4", MemberStatus.LEFT)),
                () -> "views: " + remaining.stream().map(GossipClusterIntegrationTest::view).toList());
        assertTrue(all.get(3).isStopped());
    }

    @Test
    void aNodeWithAnotherKeyIsIgnoredAndCountedAsAuthDrops() throws IOException {
        List<GossipRuntime> all = cluster(3);
        assertTrue(eventually(WAIT_MS, () -> all.stream().allMatch(n -> view(n).size() == 3)));

        GossipRuntime intruder = start("intruder", new KeyRing(List.of(keyWithSameId())), List.of(all.get(0).endpoint()),
                List.of());
        assertTrue(eventually(WAIT_MS, () -> all.get(0).stats().dropped().getOrDefault("auth", 0L) >= 3),
                () -> "n1 drops: " + all.get(0).stats().dropped());
        assertTrue(all.stream().noneMatch(n -> view(n).containsKey("intruder")));
        assertEquals(Map.of("intruder", MemberStatus.ALIVE), view(intruder));
    }

    @Test
    void listenersHearEveryJoinInOrderOnTheNotificationThread() throws IOException {
        List<ClusterEvent> heard = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ClusterListener recorder = event -> {
            heard.add(event);
            threads.add(Thread.currentThread().getName());
        };
        ClusterListener broken = event -> {
            throw new IllegalStateException("a listener bug must not stop delivery");
        };
        GossipRuntime seed = start("n1", RING, List.of(), List.of(broken, recorder));
        GossipRuntime other = start("n2", RING, List.of(seed.endpoint()), List.of());
        // the value is set once n1 heard the join, so the change cannot ride in with the join itself
        assertTrue(eventually(WAIT_MS, () -> heard.stream().anyMatch(e -> e.type() == ClusterEvent.Type.JOINED)));
        other.setApplicationState("role", "worker");
        assertTrue(eventually(WAIT_MS, () -> heard.stream().anyMatch(e -> e.type() == ClusterEvent.Type.STATE_CHANGED
                && "role".equals(e.key()) && e.member().name().equals("n2"))), () -> "heard: " + heard);
        Optional<ClusterEvent> joined = heard.stream().filter(e -> e.type() == ClusterEvent.Type.JOINED).findFirst();
        assertTrue(joined.isPresent());
        assertTrue(heard.indexOf(joined.get()) < heard.size() - 1, "the join comes before the state change");
        assertTrue(threads.stream().allMatch(t -> t.equals("punnet-gossip-n1-events")), () -> "threads: " + threads);
    }

    @Test
    void aFloodOfJunkIsCountedWhileTheClusterStillForms() throws IOException {
        GossipRuntime seed = start("n1", RING, List.of(), List.of());
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), seed.endpoint().port());
        SplittableRandom random = new SplittableRandom(11);
        try (DatagramSocket flood = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int n = 0; n < 5_000; n++) {
                byte[] junk = new byte[1 + random.nextInt(1_500)];
                random.nextBytes(junk);
                junk[0] = 'P';
                if (junk.length > 3) {
                    junk[1] = 'N';
                    junk[2] = 1;
                    junk[3] = (byte) RING.primary().id();
                }
                flood.send(new DatagramPacket(junk, junk.length, target));
            }
        }
        GossipRuntime other = start("n2", RING, List.of(seed.endpoint()), List.of());
        assertTrue(eventually(WAIT_MS, () -> view(seed).size() == 2 && view(other).size() == 2));
        assertTrue(eventually(WAIT_MS, () -> seed.stats().dropped().values().stream().mapToLong(Long::longValue).sum()
                > 1_000), () -> "drops: " + seed.stats().dropped());
    }

    @Test
    void closingStopsEveryThreadOfTheNode() throws IOException {
        GossipRuntime node = start("lonely", RING, List.of(), List.of());
        node.close();
        assertTrue(node.isStopped());
        assertTrue(eventually(WAIT_MS, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("punnet-gossip-lonely"))),
                () -> "threads: " + Thread.getAllStackTraces().keySet());
    }

    /** Another 16-byte key that happens to share the cluster key's id, so only the GCM tag can tell. */
    private static ClusterKey keyWithSameId() {
        int wanted = RING.primary().id();
        for (int seed = 1; seed < 100_000; seed++) {
            byte[] raw = new byte[16];
            new SplittableRandom(seed).nextBytes(raw);
            ClusterKey candidate = new ClusterKey(raw);
            if (candidate.id() == wanted) {
                return candidate;
            }
        }
        throw new AssertionError("no key with id " + wanted);
    }
}
