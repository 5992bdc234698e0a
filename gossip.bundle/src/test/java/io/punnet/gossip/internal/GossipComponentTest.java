package io.punnet.gossip.internal;

import static io.punnet.gossip.internal.RecordingInbound.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Suspicion;
import io.punnet.gossip.core.model.Endpoint;

/** The DS component driven by hand, as SCR would drive it, with real sockets on 127.0.0.1. */
class GossipComponentTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            NodeSettings.NODE_NAME, "comp",
            NodeSettings.BIND_ADDRESS, "127.0.0.1",
            NodeSettings.GOSSIP_PORT, "0",
            NodeSettings.CLUSTER_KEY, NetworkTransportTest.KEY));
    private final GossipComponent component = new GossipComponent();
    private GossipRuntime peer;

    @AfterEach
    void stop() {
        component.deactivate();
        if (peer != null) {
            peer.halt();
        }
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The configuration as SCR hands it over with no configuration present: every default. */
    static GossipConfig defaults(Map<String, Object> overrides) {
        return (GossipConfig) Proxy.newProxyInstance(GossipConfig.class.getClassLoader(),
                new Class<?>[] {GossipConfig.class}, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean noThreadsOf(String node) {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("punnet-gossip-" + node + "-"));
    }

    @Test
    void withoutAClusterKeyItRefusesToStartWithOneClearReason() {
        properties.remove(NodeSettings.CLUSTER_KEY);
        GossipComponent.RefusedToStart e = assertThrows(GossipComponent.RefusedToStart.class,
                () -> component.activate(context(), defaults(Map.of())));
        assertTrue(e.getMessage().startsWith("gossip not started: punnet.cluster.key is not set"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "the message says it all");
        assertTrue(noThreadsOf("comp"));
        assertThrows(IllegalStateException.class, component::members);
    }

    @Test
    void aPortInUseRefusesToStartNamingIt() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            properties.put(NodeSettings.GOSSIP_PORT, Integer.toString(taken.getLocalPort()));
            GossipComponent.RefusedToStart e = assertThrows(GossipComponent.RefusedToStart.class,
                    () -> component.activate(context(), defaults(Map.of())));
            assertTrue(e.getMessage().startsWith("gossip not started"), e.getMessage());
        }
        assertTrue(noThreadsOf("comp"));
    }

    @Test
    void itRunsAsTheConfiguredNodeAndStopsCleanly() {
        long before = System.currentTimeMillis();
        component.activate(context(), defaults(Map.of("roundIntervalInMs", 100L)));
        assertEquals("comp", component.local().name());
        assertEquals("127.0.0.1", component.local().host());
        assertTrue(component.local().generation() >= before, "the generation is the activation time");
        assertEquals("punnet", component.clusterName());
        component.setApplicationState("role", "test");
        assertEquals("test", component.local().state("role"));
        assertThrows(IllegalArgumentException.class, () -> component.setApplicationState("Bad Key", "x"));

        component.deactivate();
        assertTrue(eventually(15_000, () -> noThreadsOf("comp")), () -> "threads: " + Thread.getAllStackTraces().keySet());
    }

    @Test
    void aBoundDetectorIsFedAndSurvivesTheUnbindOfAnother() throws IOException {
        component.activate(context(), defaults(Map.of("roundIntervalInMs", 100L)));
        Set<String> heard = ConcurrentHashMap.newKeySet();
        Liveness detector = new Liveness() {
            @Override
            public void heartbeat(String member, long generation, long nowNanos) {
                heard.add(member);
            }

            @Override
            public void forget(String member) {
            }

            @Override
            public Suspicion suspicion(String member, long nowNanos) {
                return Suspicion.none(8.0);
            }
        };
        component.bindLiveness(detector);
        peer = GossipRuntime.start(new NodeSettings("peer", InetAddress.getLoopbackAddress(), 0,
                List.of(new Endpoint("127.0.0.1", component.local().gossipPort())), "punnet",
                io.punnet.gossip.core.wire.KeyRing.parse(NetworkTransportTest.KEY)),
                GossipClusterIntegrationTest.fast(),
                new TransportSettings(InetAddress.getLoopbackAddress(), 0, 1400, 1 << 20, 2_000, 4, 256), 100, List::of);
        assertTrue(eventually(15_000, () -> heard.contains("peer")), () -> "heard " + heard);
        component.unbindLiveness(new Liveness() {
            @Override
            public void heartbeat(String member, long generation, long nowNanos) {
            }

            @Override
            public void forget(String member) {
            }

            @Override
            public Suspicion suspicion(String member, long nowNanos) {
                return Suspicion.none(8.0);
            }
        });
        heard.clear();
        assertTrue(eventually(15_000, () -> heard.contains("peer")), "unbinding another detector keeps this one");
        component.unbindLiveness(detector);
        assertTrue(component.member("peer").isPresent());
    }
}
