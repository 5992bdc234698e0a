package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.rest.core.Call;
import io.punnet.rest.core.Reply;
import io.punnet.rest.fakes.FakeCluster;
import io.punnet.rest.fakes.FakeMetrics;

/** The component with fake services bound and unbound as DS would while bundles are swapped. */
class RestHubTest {

    private final RestHub hub = new RestHub();
    private final FakeCluster cluster = new FakeCluster("hub-node", "10.0.0.1", 7946);

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(RestHubTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> "getProperty".equals(method.getName()) ? properties.get((String) args[0]) : null);
    }

    /** The configuration with every default, as metatype would give it. */
    private static RestConfig defaults() {
        return (RestConfig) Proxy.newProxyInstance(RestHubTest.class.getClassLoader(), new Class<?>[] {RestConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }

    private void activate() {
        hub.activate(context(Map.of("punnet.node.name", "hub-node", "punnet.http.port", "8181",
                "punnet.api.token", "hub-token-0123456789")), defaults());
    }

    @AfterEach
    void deactivate() {
        hub.deactivate();
    }

    private Reply get(String path) {
        return hub.api().dispatch(Call.of("GET", path));
    }

    @Test
    void publishesTheHttpPortWhenGossipIsBoundAndWithdrawsItOnDeactivation() {
        hub.bindCluster(cluster); // DS binds before activation
        activate();
        assertEquals(List.of("http=8181"), cluster.published);
        hub.deactivate();
        assertEquals(List.of("http=8181", "http="), cluster.published);
        activate(); // for @AfterEach
    }

    @Test
    void aGossipBoundLaterGetsThePortToo() {
        activate();
        assertEquals(503, get("/nodes/alive").status());
        hub.bindCluster(cluster);
        assertEquals(List.of("http=8181"), cluster.published);
        assertEquals(200, get("/nodes/alive").status());
    }

    @Test
    void monitoringComingAndGoingIsSeenAtOnceDespiteTheCache() {
        hub.bindCluster(cluster);
        activate();
        assertTrue(get("/nodes/monitoring").text().contains("\"countCPUs\":null"));
        FakeMetrics metrics = new FakeMetrics().put("hub-node", FakeMetrics.sample(), 5);
        hub.bindMetrics(metrics);
        assertTrue(get("/nodes/monitoring").text().contains("\"countCPUs\":4"), "binding invalidates the cached answer");
        hub.unbindMetrics(metrics);
        assertTrue(get("/nodes/monitoring").text().contains("\"countCPUs\":null"), "unbinding too");
        assertEquals(200, get("/metrics").status());
    }

    @Test
    void aClusterEventInvalidatesTheCachedAnswers() {
        hub.bindCluster(cluster);
        activate();
        assertEquals("{\"alivePeers\":[\"10.0.0.1:7946\"]}", get("/nodes/alive").text());
        cluster.with("other", "10.0.0.2", 7946, io.punnet.gossip.api.MemberStatus.ALIVE, Map.of());
        assertEquals("{\"alivePeers\":[\"10.0.0.1:7946\"]}", get("/nodes/alive").text(), "served from the cache");
        hub.clusterChanged(new ClusterEvent(ClusterEvent.Type.JOINED, cluster.member("other").orElseThrow(), null, null));
        assertEquals("{\"alivePeers\":[\"10.0.0.1:7946\",\"10.0.0.2:7946\"]}", get("/nodes/alive").text()); // by name
    }

    @Test
    void aReplacementServiceIsKeptWhenTheOldOneIsUnbound() {
        activate();
        FakeCluster replacement = new FakeCluster("hub-node", "10.0.0.1", 7946);
        hub.bindCluster(cluster);
        hub.bindCluster(replacement); // DS binds the new one (greedy) before unbinding the old
        hub.unbindCluster(cluster);
        assertEquals(200, get("/nodes/alive").status());
        hub.unbindCluster(replacement);
        assertNull(hub.sources().cluster());
    }
}
