package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.rest.fakes.FakeMetadata;
import io.punnet.rest.fakes.FakeMetrics;

class InventoryRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void groupsAndHostvarsAsAnsibleReadsThem() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of("http", "8080"))
                .with("b", "10.0.0.3", 7946, MemberStatus.DEAD, Map.of());
        f.metadata = new FakeMetadata("local").other("a", List.of("nginx-web"), List.of("zone:kitchen"))
                .other("b", List.of("nginx-web", "alive"), List.of());
        f.metrics = new FakeMetrics().put("a", NodeMetrics.builder().load(1.5, 1.0, 0.5).cpuCount(4).build(), 10);
        String unknownFigures = "\"punnet_cpu_count\":null,\"punnet_cpu_percent\":null,\"punnet_load1\":null,"
                + "\"punnet_load5\":null,\"punnet_load15\":null,\"punnet_mem_total_bytes\":null,"
                + "\"punnet_mem_available_bytes\":null,\"punnet_temperature_celsius\":null,\"punnet_disk_free_bytes\":null}";
        assertEquals("{\"alive\":{\"hosts\":[\"a\",\"local\"]},"
                + "\"nginx_web\":{\"hosts\":[\"a\",\"b\"]},"
                + "\"nginx_web_available\":{\"hosts\":[\"a\"]},"
                + "\"service_alive\":{\"hosts\":[\"b\"]},"
                + "\"service_alive_available\":{\"hosts\":[]},"
                + "\"tag_zone_kitchen\":{\"hosts\":[\"a\"]},"
                + "\"_meta\":{\"hostvars\":{"
                + "\"a\":{\"ansible_host\":\"10.0.0.2\",\"punnet_status\":\"ALIVE\",\"punnet_gossip_endpoint\":\"10.0.0.2:7946\","
                + "\"punnet_http_port\":8080,\"punnet_services\":[\"nginx-web\"],\"punnet_tags\":[\"zone:kitchen\"],"
                + "\"punnet_cpu_count\":4,\"punnet_cpu_percent\":null,\"punnet_load1\":1.5,\"punnet_load5\":1.0,"
                + "\"punnet_load15\":0.5,\"punnet_mem_total_bytes\":null,\"punnet_mem_available_bytes\":null,"
                + "\"punnet_temperature_celsius\":null,\"punnet_disk_free_bytes\":null},"
                + "\"b\":{\"ansible_host\":\"10.0.0.3\",\"punnet_status\":\"DEAD\",\"punnet_gossip_endpoint\":\"10.0.0.3:7946\","
                + "\"punnet_http_port\":null,\"punnet_services\":[\"alive\",\"nginx-web\"],\"punnet_tags\":[]," + unknownFigures + ","
                + "\"local\":{\"ansible_host\":\"10.0.0.1\",\"punnet_status\":\"ALIVE\",\"punnet_gossip_endpoint\":\"10.0.0.1:7946\","
                + "\"punnet_http_port\":null,\"punnet_services\":[],\"punnet_tags\":[]," + unknownFigures
                + "}}}", f.get("/inventory").text());
        assertEquals(f.get("/inventory").text(), f.get("/api/v1/inventory").text());
    }

    @Test
    void withoutMetadataOnlyTheAliveGroup() {
        f.metadata = null;
        String text = f.get("/inventory").text();
        assertEquals(true, text.startsWith("{\"alive\":{\"hosts\":[\"local\"]},\"_meta\":"), text);
    }
}
