package io.punnet.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.InterfaceFacts;
import io.punnet.discovery.core.Sighting;

class DiscoveryComponentTest {

    private static final InterfaceFacts ETH0 = new InterfaceFacts("eth0", true, false, true, List.of("10.9.0.1"));
    private static final InterfaceFacts WLAN0 = new InterfaceFacts("wlan0", true, false, true, List.of("10.9.1.1"));

    private final FakeCluster cluster = new FakeCluster("lab", "n1", 7950);
    private final FakeResponders responders = new FakeResponders();
    private final AtomicReference<List<InterfaceFacts>> interfaces = new AtomicReference<>(List.of(ETH0, WLAN0));

    private DiscoveryComponent component(Map<String, String> properties) {
        Function<String, String> property = properties::get;
        return new DiscoveryComponent(cluster, property, Configs.discovery(Map.of("interfacePollIntervalInMs", 500L)),
                interfaces::get, responders);
    }

    @Test
    void itAnnouncesWhatGossipReallyUsesOnEveryUsableInterface() throws Exception {
        DiscoveryComponent c = component(Map.of("punnet.http.port", "8181"));
        try {
            Eventually.within(5_000, "both responders started", () -> responders.started().size() == 2);
            assertEquals(List.of(new Binding("eth0", "10.9.0.1"), new Binding("wlan0", "10.9.1.1")), responders.started());
            assertEquals(Announcement.of("lab", "n1", 7950, 8181), responders.announced);
        } finally {
            c.deactivate();
        }
        assertTrue(c.runtime().awaitClosed(5_000));
        assertEquals(2, responders.closed().size());
    }

    @Test
    void peersOfThisClusterBecomeSeedsAndNothingElseDoes() throws Exception {
        DiscoveryComponent c = component(Map.of());
        try {
            Eventually.within(5_000, "a responder started", () -> responders.sink != null);
            responders.sink.accept(new Sighting("eth0", Announcement.of("other", "x", 7946, 0).toTxt(), List.of("10.9.0.5")));
            responders.sink.accept(new Sighting("eth0", Announcement.of("lab", "n1", 7950, 0).toTxt(), List.of("10.9.0.1")));
            responders.sink.accept(new Sighting("eth0", Map.of("junk", "1"), List.of("10.9.0.6")));
            responders.sink.accept(new Sighting("eth0", Announcement.of("lab", "n2", 7951, 0).toTxt(), List.of("10.9.0.2")));
            responders.sink.accept(new Sighting("wlan0", Announcement.of("lab", "n2", 7951, 0).toTxt(), List.of("10.9.0.2")));
            Eventually.within(5_000, "n2 handed to gossip", () -> !cluster.seeds().isEmpty());
            assertEquals(List.of("10.9.0.2:7951"), cluster.seeds());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void noneStartsNoResponderAtAll() {
        DiscoveryComponent c = component(Map.of("punnet.discovery.interfaces", "none"));
        assertNull(c.runtime());
        c.deactivate();
        assertEquals(List.of(), responders.started());
    }

    @Test
    void aBadSettingRefusesToStartWithOneClearLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> component(Map.of("punnet.discovery.interfaces", "eth0,none")));
        assertEquals("discovery not started: punnet.discovery.interfaces: 'none' cannot be combined with interfaces",
                e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> component(Map.of("punnet.http.port", "80x")));
        assertEquals("discovery not started: punnet.http.port '80x' is not a port (0..65535)", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new DiscoveryComponent(cluster, k -> null,
                Configs.discovery(Map.of("browseIntervalInMs", 10L)), interfaces::get, responders));
        assertEquals("discovery not started: browseIntervalInMs 10 is outside 1000..3600000", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new DiscoveryComponent(cluster, k -> null,
                Configs.discovery(Map.of("serviceType", "punnet")), interfaces::get, responders));
        assertTrue(e.getMessage().startsWith("discovery not started: service type 'punnet' must look like"), e.getMessage());
    }

    @Test
    void interfacesThatComeAndGoAreFollowed() throws Exception {
        interfaces.set(List.of(ETH0));
        DiscoveryComponent c = component(Map.of());
        try {
            Eventually.within(5_000, "eth0 started", () -> responders.started().size() == 1);
            // Wi-Fi comes up, eth0 gets a new address from DHCP
            InterfaceFacts renewed = new InterfaceFacts("eth0", true, false, true, List.of("10.9.0.77"));
            interfaces.set(List.of(renewed, WLAN0));
            Eventually.within(5_000, "the new bindings started", () -> responders.started().size() == 3);
            Eventually.within(5_000, "the old eth0 binding closed", () -> responders.closed().size() == 1);
            assertEquals(List.of(new Binding("eth0", "10.9.0.1")), responders.closed());
            assertEquals(java.util.Set.of(new Binding("eth0", "10.9.0.77"), new Binding("wlan0", "10.9.1.1")),
                    c.runtime().bindings());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void anInterfaceWhereMdnsFailsIsTriedAgainLater() throws Exception {
        interfaces.set(List.of(ETH0));
        responders.fail("eth0", true);
        DiscoveryComponent c = component(Map.of());
        try {
            Eventually.within(5_000, "a poll happened", () -> c.runtime().bindings().isEmpty());
            responders.fail("eth0", false);
            Eventually.within(5_000, "eth0 started on a later poll", () -> responders.started().size() == 1);
        } finally {
            c.deactivate();
        }
    }

    @Test
    void aResponderThatStoppedWorkingIsReplaced() throws Exception {
        interfaces.set(List.of(ETH0));
        DiscoveryComponent c = component(Map.of());
        try {
            Eventually.within(5_000, "eth0 started", () -> responders.started().size() == 1);
            responders.breakOn("eth0");
            Eventually.within(5_000, "the broken one closed", () -> responders.closed().size() == 1);
            Eventually.within(5_000, "a new one started", () -> responders.started().size() == 2);
            assertEquals(java.util.Set.of(new Binding("eth0", "10.9.0.1")), c.runtime().bindings());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void activationAndDeactivationReturnAtOnceEvenWhenRespondersAreSlow() throws Exception {
        List<Long> closes = new ArrayList<>();
        ResponderFactory slow = (binding, type, self, sink) -> {
            pause(300); // JmDNS probes its name for about a second
            return new Responder() {
                @Override
                public Binding binding() {
                    return binding;
                }

                @Override
                public boolean healthy() {
                    return true;
                }

                @Override
                public void browse() {
                }

                @Override
                public void close() {
                    pause(300); // JmDNS's close takes about two seconds
                    synchronized (closes) {
                        closes.add(1L);
                    }
                }
            };
        };
        long t0 = System.nanoTime();
        DiscoveryComponent c = new DiscoveryComponent(cluster, k -> null, Configs.discovery(Map.of()),
                interfaces::get, slow);
        long activateMs = (System.nanoTime() - t0) / 1_000_000;
        Eventually.within(5_000, "both started", () -> c.runtime().bindings().size() == 2);
        long t1 = System.nanoTime();
        c.deactivate();
        long deactivateMs = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(activateMs < 100, "activation took " + activateMs + " ms");
        assertTrue(deactivateMs < 100, "deactivation took " + deactivateMs + " ms");
        assertTrue(c.runtime().awaitClosed(5_000));
        assertEquals(2, closes.size());
    }

    /** Stands for JmDNS's own slowness (not a wait for timing). */
    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
