package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Rumor;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * The sizes of realistic messages at 10 and 20 members, for the bandwidth budget (printed), and the
 * limits they must keep: a SYN of a 20-node cluster fits one datagram whole.
 *
 * <p>A realistic member: name "pi-07", host "192.168.1.107", a generation of 2026 (6 varint bytes), a
 * heartbeat of a day of 1 s rounds (3 bytes), and application state as the other bundles publish it:
 * "mon" (metrics, 139 bytes, the example of MetricsCodec), "meta" (80 bytes), "http" (25 bytes).
 */
class WireSizesTest {

    private static final long GENERATION = 1_764_000_000_000L;
    private static final long HEARTBEAT = 86_400;
    private static final String MON = "1;c=12.5;l=0.41,0.3,0.2;n=4;m=8254377984,3212345344,5042032640;s=0,0;"
            + "d=31000000000,12000000000;u=123456;h=12345678,268435456;j=42;a=1732490000000";
    private static final String META = "1;s=web:8080,db:5432,mqtt:1883;t=kitchen,pi4,ssd;n=the one by the window....";
    private static final int DATAGRAM_BUDGET = 1_400 - Envelope.OVERHEAD_BYTES;

    private final MessageCodec codec = new MessageCodec(8 << 20);

    static String name(int index) {
        return String.format("pi-%02d", index);
    }

    static Endpoint endpoint(int index) {
        return new Endpoint("192.168.1." + (100 + index), 7946);
    }

    static GossipDigest digest(int index) {
        return new GossipDigest(name(index), GENERATION, HEARTBEAT, 3);
    }

    static EndpointState heartbeatOnly(int index) {
        return EndpointState.of(name(index), endpoint(index), new HeartbeatState(GENERATION, HEARTBEAT));
    }

    static EndpointState typical(int index) {
        TreeMap<String, VersionedValue> values = new TreeMap<>();
        values.put("http", new VersionedValue("http://" + endpoint(index).host() + ":8080", 1));
        values.put("meta", new VersionedValue(META, 2));
        values.put("mon", new VersionedValue(MON, 3));
        return new EndpointState(name(index), endpoint(index), new HeartbeatState(GENERATION, HEARTBEAT), values);
    }

    static EndpointState fullest(int index) {
        TreeMap<String, VersionedValue> values = new TreeMap<>();
        int perValue = Cluster.MAX_VALUE_BYTES;
        for (int key = 0; (key + 1) * (perValue + 3) <= Cluster.MAX_STATE_BYTES; key++) {
            values.put(String.format("k%02d", key), new VersionedValue("x".repeat(perValue - 1), key + 1));
        }
        return new EndpointState(name(index), endpoint(index), new HeartbeatState(GENERATION, HEARTBEAT), values);
    }

    static <T> List<T> of(int n, java.util.function.IntFunction<T> make) {
        List<T> list = new ArrayList<>(n);
        for (int index = 1; index <= n; index++) {
            list.add(make.apply(index));
        }
        return list;
    }

    private int size(Message message) {
        int encoded = codec.encode(message).length;
        assertEquals(MessageCodec.encodedSize(message), encoded);
        return encoded;
    }

    @Test
    void aSynOfTwentyMembersFitsOneDatagram() {
        assertTrue(size(new Syn(of(20, WireSizesTest::digest), false)) <= DATAGRAM_BUDGET);
    }

    @Test
    void aRumorOfATypicalStateFitsOneDatagram() {
        assertTrue(size(new Rumor(RumorKind.JOINED, typical(1), 0)) <= DATAGRAM_BUDGET);
    }

    /** Checks every realistic message against the engine's size count, and prints the figures. */
    @Test
    void realisticMessagesHaveTheBudgetedSizes() {
        StringBuilder table = new StringBuilder("\nmessage (plaintext bytes; sealed = +32, on the wire = +60)  N=10  N=20\n");
        row(table, "SYN, N digests", n -> new Syn(of(n, WireSizesTest::digest), false));
        row(table, "ACK, N requests, no deltas", n -> new Ack(of(n, WireSizesTest::digest), List.of()));
        row(table, "ACK, no requests, N heartbeat-only deltas", n -> new Ack(List.of(), of(n, WireSizesTest::heartbeatOnly)));
        row(table, "ACK2, N heartbeat-only deltas", n -> new Ack2(of(n, WireSizesTest::heartbeatOnly)));
        row(table, "ACK2, N typical full states", n -> new Ack2(of(n, WireSizesTest::typical)));
        row(table, "RUMOR JOINED, one typical state", n -> new Rumor(RumorKind.JOINED, typical(1), 0));
        row(table, "RUMOR STATE, one 'mon' value", n -> new Rumor(RumorKind.STATE, typical(1).deltaAfter(2), 2));
        row(table, "RUMOR LEFT/DEAD, heartbeat only", n -> new Rumor(RumorKind.LEFT, heartbeatOnly(1), 0));
        row(table, "PUSH_PULL_REQUEST, N typical states", n -> new PushPullRequest(of(n, WireSizesTest::typical), false));
        row(table, "PUSH_PULL_RESPONSE, N typical states", n -> new PushPullResponse(of(n, WireSizesTest::typical)));
        row(table, "PUSH_PULL_RESPONSE, N fullest (16 KiB) states", n -> new PushPullResponse(of(n, WireSizesTest::fullest)));
        System.out.println(table);
    }

    private void row(StringBuilder table, String what, java.util.function.IntFunction<Message> make) {
        table.append(String.format("%-58s %6d %6d%n", what, size(make.apply(10)), size(make.apply(20))));
    }
}
