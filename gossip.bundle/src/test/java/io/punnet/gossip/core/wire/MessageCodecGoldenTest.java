package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.CompactAck;
import io.punnet.gossip.core.message.CompactSyn;
import io.punnet.gossip.core.message.DigestPull;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.MessageSize;
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
 * One golden encoding per message type. The hex is written by hand from the layout in
 * {@link MessageCodec} and {@link ModelCodec}, field by field, so a change of the wire format shows
 * here as a failing test (and must come with a new protocol version).
 */
class MessageCodecGoldenTest {

    /** 1,700,000,000,000 ms as LEB128. */
    private static final String GENERATION = "80d095ffbc31";

    /** digest("pi-1", generation, heartbeat 42, state version 3). */
    private static final String DIGEST = "04" + "70692d31" + GENERATION + "2a" + "03";

    /** "pi-1" at 10.0.0.1:7946, heartbeat 42, http = (http://10.0.0.1:8080, v2), tags = (pi,lab, v3). */
    private static final String STATE = "04" + "70692d31" + "08" + "31302e302e302e31" + "8a3e" + GENERATION + "2a"
            + "02"
            + "04" + "68747470" + "14" + "687474703a2f2f31302e302e302e313a38303830" + "02"
            + "04" + "74616773" + "06" + "70692c6c6162" + "03";

    static GossipDigest digest() {
        return new GossipDigest("pi-1", 1_700_000_000_000L, 42, 3);
    }

    static EndpointState state() {
        TreeMap<String, VersionedValue> values = new TreeMap<>();
        values.put("tags", new VersionedValue("pi,lab", 3));
        values.put("http", new VersionedValue("http://10.0.0.1:8080", 2));
        return new EndpointState("pi-1", new Endpoint("10.0.0.1", 7946),
                new HeartbeatState(1_700_000_000_000L, 42), values);
    }

    static List<Arguments> goldens() {
        return List.of(
                Arguments.of(new Syn(List.of(digest()), false), "01" + "01" + DIGEST + "00"),
                Arguments.of(new Syn(List.of(), true), "01" + "00" + "01"),
                Arguments.of(new Ack(List.of(digest()), List.of(state())), "02" + "01" + DIGEST + "01" + STATE),
                Arguments.of(new Ack2(List.of(state())), "03" + "01" + STATE),
                Arguments.of(new Rumor(RumorKind.LEFT, state(), 1), "04" + "04" + STATE + "01"),
                Arguments.of(new PushPullRequest(List.of(state()), true), "05" + "01" + STATE + "01"),
                Arguments.of(new PushPullResponse(List.of()), "06" + "00"),
                // view hash 0x0102030405060708, 300 members, window at 299 of 2 (wraps): (42, 3), (65,537 -> 1, 0)
                Arguments.of(new CompactSyn(0x0102030405060708L, 300, 299,
                        new int[] {CompactSyn.entry(42, 3), CompactSyn.entry(65_537, 0)}),
                        "07" + "0102030405060708" + "ac02" + "ab02" + "02" + "002a0003" + "00010000"),
                // positions 2 and 130 (gaps 2, 127), one delta
                Arguments.of(new CompactAck(-1L, new int[] {2, 130},
                        new int[] {CompactSyn.entry(42, 3), CompactSyn.entry(7, 65_535)}, List.of(state())),
                        "08" + "ffffffffffffffff" + "02" + "02" + "002a0003" + "7f" + "0007ffff" + "01" + STATE),
                Arguments.of(new DigestPull(List.of(digest())), "09" + "01" + DIGEST));
    }

    private final MessageCodec codec = new MessageCodec(64 * 1024);

    @ParameterizedTest
    @MethodSource("goldens")
    void encodesToTheGoldenBytes(Message message, String hex) {
        assertEquals(hex, Hex.of(codec.encode(message)));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void decodesTheGoldenBytes(Message message, String hex) {
        assertEquals(message, codec.decode(Hex.bytes(hex)));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void theEngineSizeCountsExactlyTheGoldenBytes(Message message, String hex) {
        assertEquals(hex.length() / 2, MessageSize.of(message));
        assertEquals(hex.length() / 2, MessageCodec.encodedSize(message));
    }
}
