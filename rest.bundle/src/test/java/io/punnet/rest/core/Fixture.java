package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.punnet.deploy.api.Deployments;
import io.punnet.detector.api.FailureDetector;
import io.punnet.gossip.api.Cluster;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.rest.fakes.FakeCluster;
import io.punnet.rest.fakes.FakeMetadata;

/** The whole API over fakes: services can be set to null to play a bundle being swapped. */
final class Fixture {

    static final String TOKEN = "secret-token-0123456789";

    Cluster cluster = new FakeCluster("local", "10.0.0.1", 7946);
    ClusterMetrics metrics;
    MetadataStore metadata = new FakeMetadata("local");
    FailureDetector detector;
    Deployments deployments;
    RenderCache cache = RenderCache.none();
    final List<String> forwarded = new ArrayList<>();
    final List<RuntimeException> bugs = new ArrayList<>();
    Reply forwardReply = Reply.json(200, "{\"forwarded\":true}".getBytes());

    Api api() {
        return new Api(() -> new Sources(cluster, metrics, metadata, detector, deployments), cache,
                new Guard(new TokenCheck(TOKEN), address -> address.startsWith("10.")),
                (host, port, call) -> {
                    forwarded.add(call.method() + " http://" + host + ":" + port + call.path() + " auth="
                            + call.header().apply("Authorization"));
                    return forwardReply;
                },
                new ApiSettings(5000, 250), () -> 1234,
                () -> Map.of("punnet_rest_event_streams", 3L, "punnet_rest_event_streams_dropped_slow_total", 1L), bugs::add);
    }

    FakeCluster fakeCluster() {
        return (FakeCluster) cluster;
    }

    Reply get(String path) {
        return api().dispatch(Call.of("GET", path));
    }

    /** A call from {@code remote} with the given headers (name, value, name, value …). */
    Reply call(String method, String path, String remote, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return api().dispatch(new Call(method, path, name -> map.get(name.toLowerCase()), remote, new byte[0], Map.of()));
    }

    Reply authorized(String method, String path) {
        return call(method, path, "192.168.1.9", "Authorization", "Bearer " + TOKEN);
    }
}
