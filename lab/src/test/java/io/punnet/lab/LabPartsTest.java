package io.punnet.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The lab's pure parts: fault rules, log parsing, statistics. */
class LabPartsTest {

    @Test
    void faultsRenderOneAtomicInputChainThatNeverCutsTheObserver() {
        Faults f = Faults.none().withLoss(20).withBlocked(Set.of("10.77.0.3", "10.77.0.2"));
        assertEquals("flush chain inet lab input\n"
                + "add rule inet lab input iifname \"eth0\" ip saddr 10.77.0.250 accept\n"
                + "add rule inet lab input iifname \"eth0\" ip saddr { 10.77.0.2, 10.77.0.3 } counter drop\n"
                + "add rule inet lab input iifname \"eth0\" numgen random mod 100 < 20 counter drop\n",
                f.inputChainScript("10.77.0.250"));
        assertEquals("flush chain inet lab input\n"
                + "add rule inet lab input iifname \"eth0\" ip saddr 10.77.0.250 accept\n",
                Faults.none().inputChainScript("10.77.0.250"));
        assertThrows(IllegalArgumentException.class, () -> Faults.none().withLoss(101));
    }

    @Test
    void membershipLinesOfTheNodeLogAreParsedWithTheirTimes() {
        long t = LocalDateTime.parse("2026-11-24T23:57:53.279").atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        assertEquals(new LogEvent(t, "n2", "n1", LogEvent.Kind.STATUS, "LEFT"),
                LogEvent.parse("n2", "2026-11-24T23:57:53.279 INFO EventDispatcher - member n1 is LEFT (was ALIVE)").orElseThrow());
        assertEquals(new LogEvent(t, "n2", "n3", LogEvent.Kind.JOINED, ""),
                LogEvent.parse("n2", "2026-11-24T23:57:53.279 INFO EventDispatcher - member n3 at 10.77.0.3:7946 joined").orElseThrow());
        assertEquals(LogEvent.Kind.RESTARTED,
                LogEvent.parse("n2", "2026-11-24T23:57:53.279 INFO EventDispatcher - member n3 restarted (generation 5)").orElseThrow().kind());
        assertEquals(LogEvent.Kind.REMOVED,
                LogEvent.parse("n2", "2026-11-24T23:57:53.279 INFO EventDispatcher - member n3 removed").orElseThrow().kind());
        assertEquals(new LogEvent(t, "n2", "n2", LogEvent.Kind.STARTED, ""), LogEvent.parse("n2",
                "2026-11-24T23:57:53.279 INFO GossipComponent - gossip started: node n2 of cluster 'lab' at 10.77.0.2:7946").orElseThrow());
        assertTrue(LogEvent.parse("n2", "2026-11-24T23:57:53.279 INFO http - Started Jetty").isEmpty());
        assertTrue(LogEvent.parse("n2", "INFO: Registered provider").isEmpty());
    }

    @Test
    void statsLeaveOutWhatWasNotMeasured() {
        assertEquals(new Stats(3, 100, 200, 900), Stats.of(List.of(900L, -1L, 100L, 200L)));
        assertEquals(new Stats(4, 1, 2, 9), Stats.of(List.of(1L, 2L, 3L, 9L)));
        assertEquals(0, Stats.of(List.of(-1L)).count());
    }

    @Test
    void addressesStayInsideTheLabSubnet() {
        assertEquals("10.77.0.1", LabNetwork.address(1));
        assertEquals("10.77.0.200", LabNetwork.address(200));
        assertThrows(IllegalArgumentException.class, () -> LabNetwork.address(0));
        assertThrows(IllegalArgumentException.class, () -> LabNetwork.address(201));
    }
}
