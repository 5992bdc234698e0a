package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

class MetricsTableTest {

    private final MetricsCodec codec = new MetricsCodec();
    private final MetricsTable table = new MetricsTable(codec);
    private final String value = codec.encode(Samples.pi());

    @Test
    void agesCountFromLocalReceipt() {
        table.offer("pi-1", value, 1_000);
        MetricsReading r = table.reading("pi-1", 4_500).orElseThrow();
        assertEquals(3_500, r.ageMillis());
        assertEquals(Samples.pi(), r.metrics());
    }

    @Test
    void anEqualValueDoesNotResetTheAgeButANewOneDoes() {
        table.offer("pi-1", value, 1_000);
        table.offer("pi-1", value, 2_000);
        assertEquals(2_000, table.reading("pi-1", 3_000).orElseThrow().ageMillis());
        table.offer("pi-1", codec.encode(Samples.pi().toBuilder().cpuPercent(50.0).build()), 2_500);
        MetricsReading r = table.reading("pi-1", 3_000).orElseThrow();
        assertEquals(500, r.ageMillis());
        assertEquals(50.0, r.metrics().cpuPercent());
    }

    @Test
    void reconcileAddsMissingValuesAndForgetsGoneMembers() {
        table.offer("pi-1", value, 0);
        table.offer("pi-2", value, 0);
        Map<String, String> members = new HashMap<>();
        members.put("pi-1", value);
        members.put("pi-3", "1;c=3");
        members.put("pi-4", null);
        table.reconcile(members, 100);
        assertEquals(Set.of("pi-1", "pi-3"), table.nodes());
        assertEquals(100, table.reading("pi-1", 100).orElseThrow().ageMillis(), "kept its receive time");
        assertEquals(0, table.reading("pi-3", 100).orElseThrow().ageMillis());
    }

    @Test
    void aDamagedValueIsHeldAsUnknownFields() {
        table.offer("pi-9", "7;future", 0);
        assertEquals(NodeMetrics.unknown(), table.reading("pi-9", 0).orElseThrow().metrics());
    }

    @Test
    void allIsSortedAndForgetRemoves() {
        table.offer("pi-2", value, 0);
        table.offer("pi-1", value, 0);
        assertEquals("[pi-1, pi-2]", table.all(0).keySet().toString());
        table.forget("pi-1");
        assertTrue(table.reading("pi-1", 0).isEmpty());
    }
}
