package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.rest.fakes.FakeMetrics;

class EventFramesTest {

    private final EventFrames frames = new EventFrames(new Json());
    private final Member a = new Member("a", "10.0.0.2", 7946, 5, 9, MemberStatus.SUSPECT, Map.of("gossip.suspects", "b"), false);

    @Test
    void aStatusChange() {
        assertEquals("id: 7\nevent: member.status\ndata: {\"type\":\"STATUS_CHANGED\",\"node\":\"a\",\"status\":\"SUSPECT\","
                + "\"previousStatus\":\"ALIVE\",\"key\":null,\"generation\":5}\n\n",
                frames.frame(7, new ClusterEvent(ClusterEvent.Type.STATUS_CHANGED, a, MemberStatus.ALIVE, null), null));
    }

    @Test
    void aMonitoringChangeCarriesTheFigures() {
        FakeMetrics metrics = new FakeMetrics().put("a", NodeMetrics.builder().load(1.0, null, null).build(), 3);
        String frame = frames.frame(8, new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "mon"), metrics);
        assertEquals("id: 8\nevent: monitoring\ndata: {\"type\":\"STATE_CHANGED\",\"node\":\"a\",\"status\":\"SUSPECT\","
                + "\"previousStatus\":null,\"key\":\"mon\",\"generation\":5,\"monitoring\":{\"cpuPercent\":null,\"load1\":1.0,"
                + "\"load5\":null,\"load15\":null,\"cpuCount\":null,\"memTotalBytes\":null,\"memUsedBytes\":null,"
                + "\"memAvailableBytes\":null,\"swapTotalBytes\":null,\"swapUsedBytes\":null,\"temperatureCelsius\":null,"
                + "\"diskTotalBytes\":null,\"diskFreeBytes\":null,\"uptimeSeconds\":null,\"jvmHeapUsedBytes\":null,"
                + "\"jvmHeapMaxBytes\":null,\"jvmThreads\":null,\"sampledAtMillis\":null,\"ageMs\":3}}\n\n", frame);
    }

    @Test
    void suspectsAndOtherKeys() {
        assertEquals("suspects", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "gossip.suspects")));
        assertEquals("metadata", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "meta")));
        assertEquals("member.state", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "http")));
        assertEquals("rollout", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "deploy.status")));
        assertEquals("rollout", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "deploy.desired")));
        assertEquals("member.state", EventFrames.name(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, a, null, "deploy.have")));
        assertEquals("member.removed", EventFrames.name(new ClusterEvent(ClusterEvent.Type.REMOVED, a, null, null)));
    }

    @Test
    void helloSaysWhoAnswersAndHowToRetry() {
        assertEquals("retry: 3000\nevent: hello\ndata: {\"node\":\"n\"}\n\n", frames.hello("n"));
    }
}
