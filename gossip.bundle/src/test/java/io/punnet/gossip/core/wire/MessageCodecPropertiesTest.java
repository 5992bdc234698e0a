package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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

/** The codec's laws over arbitrary messages, and its manners with junk. */
class MessageCodecPropertiesTest {

    private final MessageCodec codec = new MessageCodec(1 << 20);

    @Property(tries = 500)
    void everyMessageRoundTrips(@ForAll("messages") Message message) {
        assertEquals(message, codec.decode(codec.encode(message)));
    }

    @Property(tries = 500)
    void theEncodingHasExactlyTheSizeTheEngineBudgets(@ForAll("messages") Message message) {
        assertEquals(MessageSize.of(message), codec.encode(message).length);
    }

    /** Decoding then encoding gives back the bytes: one value, one encoding. */
    @Property(tries = 300)
    void encodingsAreCanonical(@ForAll("messages") Message message) {
        byte[] bytes = codec.encode(message);
        assertArrayEquals(bytes, codec.encode(codec.decode(bytes)));
    }

    @Property(tries = 300)
    void everyProperPrefixIsRefused(@ForAll("messages") Message message, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        byte[] bytes = codec.encode(message);
        byte[] prefix = Arrays.copyOf(bytes, Math.max(0, bytes.length - 1 - cut % bytes.length));
        assertThrows(MalformedPacketException.class, () -> codec.decode(prefix));
    }

    @Property(tries = 2000)
    void junkDecodesOrFailsAsMalformedOnly(@ForAll @Size(max = 300) byte[] junk) {
        try {
            Message message = codec.decode(junk);
            assertArrayEquals(junk, codec.encode(message));
        } catch (MalformedPacketException expected) {
            // the one failure junk may produce
        }
    }

    @Property(tries = 1000)
    void aBitFlipDecodesOrFailsAsMalformedOnly(@ForAll("messages") Message message, @ForAll @IntRange(min = 0, max = 1 << 20) int position) {
        byte[] bytes = codec.encode(message);
        int bit = position % (bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
            codec.decode(bytes);
        } catch (MalformedPacketException expected) {
            // refused cleanly
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<List<GossipDigest>> digests = digests().list().ofMaxSize(8);
        Arbitrary<List<EndpointState>> states = states().list().ofMaxSize(4);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Combinators.combine(digests, flag).as(Syn::new),
                Combinators.combine(digests, states).as(Ack::new),
                states.map(Ack2::new),
                Combinators.combine(Arbitraries.of(RumorKind.class), states(), Arbitraries.longs().greaterOrEqual(0))
                        .as(Rumor::new),
                Combinators.combine(states, flag).as(PushPullRequest::new),
                states.map(PushPullResponse::new),
                compactSyns(),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 300).set().ofMaxSize(8),
                        Arbitraries.integers(), states).as(MessageCodecPropertiesTest::compactAck),
                digests.map(DigestPull::new));
    }

    private static Arbitrary<Message> compactSyns() {
        return Arbitraries.integers().between(1, 5_000).flatMap(size -> Combinators.combine(Arbitraries.longs(),
                Arbitraries.integers().between(0, size - 1), Arbitraries.integers().list().ofMaxSize(Math.min(size, 40)))
                .as((hash, offset, entries) -> new CompactSyn(hash, size, offset,
                        entries.stream().mapToInt(Integer::intValue).toArray())));
    }

    private static Message compactAck(long hash, java.util.Set<Integer> positions, int seed, List<EndpointState> deltas) {
        int[] sorted = positions.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] entries = new int[sorted.length];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = seed * 31 + i;
        }
        return new CompactAck(hash, sorted, entries, deltas);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-.éπ€").ofMaxLength(20);
    }

    private static Arbitrary<Long> unsigned() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 300), Arbitraries.longs().greaterOrEqual(0));
    }

    private static Arbitrary<GossipDigest> digests() {
        return Combinators.combine(names(), unsigned(), unsigned(), unsigned()).as(GossipDigest::new);
    }

    private static Arbitrary<EndpointState> states() {
        Arbitrary<Endpoint> endpoints = Combinators.combine(
                Arbitraries.of("10.0.0.1", "192.168.1.250", "::1", "fe80::1%eth0", "sim-node-7"),
                Arbitraries.integers().between(1, 65_535)).as(Endpoint::new);
        Arbitrary<HeartbeatState> heartbeats = Combinators.combine(
                Arbitraries.longs().greaterOrEqual(1), unsigned()).as(HeartbeatState::new);
        Arbitrary<VersionedValue> values = Combinators.combine(
                Arbitraries.strings().ofMaxLength(50), Arbitraries.longs().greaterOrEqual(1)).as(VersionedValue::new)
                .filter(v -> isWellFormed(v.value()));
        Arbitrary<TreeMap<String, VersionedValue>> maps = Arbitraries.maps(
                Arbitraries.strings().withChars("abcxyz0189._-").ofMinLength(1).ofMaxLength(64), values)
                .ofMaxSize(5).map(TreeMap::new);
        return Combinators.combine(names(), endpoints, heartbeats, maps).as(EndpointState::new);
    }

    private static boolean isWellFormed(String value) {
        return value.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
