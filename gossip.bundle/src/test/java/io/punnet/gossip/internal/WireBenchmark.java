package io.punnet.gossip.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;
import io.punnet.gossip.core.wire.ClusterKey;
import io.punnet.gossip.core.wire.Envelope;
import io.punnet.gossip.core.wire.KeyRing;
import io.punnet.gossip.core.wire.PacketCodec;
import io.punnet.gossip.core.wire.Received;

/**
 * Time per message of the whole wire path (encode + seal, open + decode) for a 20-member SYN, an
 * ACK2 of 40 heartbeats (about a full datagram) and a 20-member push-pull response with about 300
 * bytes of application state per member. Not a test (it lives here, out of {@code core}, because it
 * reads the clock): run it by hand after {@code mvn install}:
 * {@code java -cp target/classes:target/test-classes io.punnet.gossip.internal.WireBenchmark}.
 */
public final class WireBenchmark {

    private static final long GENERATION = 1_764_000_000_000L;

    private WireBenchmark() {
    }

    public static void main(String[] args) {
        KeyRing keys = new KeyRing(List.of(new ClusterKey(new byte[16])));
        PacketCodec datagrams = new PacketCodec(new Envelope(keys, "punnet", new SecureRandom(), 1400));
        PacketCodec frames = new PacketCodec(new Envelope(keys, "punnet", new SecureRandom(), 4 << 20));
        List<GossipDigest> digests = new ArrayList<>();
        List<EndpointState> heartbeats = new ArrayList<>();
        List<EndpointState> states = new ArrayList<>();
        for (int index = 1; index <= 40; index++) {
            String name = String.format("pi-%02d", index);
            Endpoint endpoint = new Endpoint("192.168.1." + (100 + index), 7946);
            digests.add(new GossipDigest(name, GENERATION, 86_400, 3));
            heartbeats.add(EndpointState.of(name, endpoint, new HeartbeatState(GENERATION, 86_400)));
            TreeMap<String, VersionedValue> values = new TreeMap<>();
            values.put("http", new VersionedValue("http://" + endpoint.host() + ":8080", 1));
            values.put("meta", new VersionedValue("m".repeat(80), 2));
            values.put("mon", new VersionedValue("1;c=12.5;l=0.41,0.3,0.2;n=4;" + "9".repeat(110), 3));
            states.add(new EndpointState(name, endpoint, new HeartbeatState(GENERATION, 86_400), values));
        }
        for (int round = 0; round < 2; round++) {
            measure("SYN N=20", datagrams, new Syn(digests.subList(0, 20), false), 50_000, round == 1);
            measure("ACK2 of 40 heartbeats", datagrams, new Ack2(heartbeats), 50_000, round == 1);
            measure("PUSH_PULL_RESPONSE N=20", frames, new PushPullResponse(states.subList(0, 20)), 5_000, round == 1);
        }
    }

    private static void measure(String what, PacketCodec codec, Message message, int times, boolean print) {
        byte[] packet = codec.write(message);
        long start = System.nanoTime();
        for (int n = 0; n < times; n++) {
            packet = codec.write(message);
        }
        long writeNanos = (System.nanoTime() - start) / times;
        start = System.nanoTime();
        int ok = 0;
        for (int n = 0; n < times; n++) {
            ok += codec.read(packet, 0, packet.length) instanceof Received.Ok ? 1 : 0;
        }
        long readNanos = (System.nanoTime() - start) / times;
        if (print) {
            System.out.printf("%-26s %7d bytes sealed   write %6.1f us   read %6.1f us   (%d ok)%n", what,
                    packet.length, writeNanos / 1000.0, readNanos / 1000.0, ok);
        }
    }
}
