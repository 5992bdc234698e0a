package io.punnet.gossip.core.wire;

import java.security.SecureRandom;
import java.util.List;

import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Syn;

/**
 * Time per message of the whole wire path (encode + seal, open + decode) for a 20-member SYN, an
 * ACK2 of 40 heartbeats (about a full datagram) and a 20-member push-pull response. Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes io.punnet.gossip.core.wire.WireBenchmark}.
 */
public final class WireBenchmark {

    private WireBenchmark() {
    }

    public static void main(String[] args) {
        Envelope datagrams = new Envelope(new KeyRing(List.of(EnvelopeTest.KEY)), "punnet", new SecureRandom(), 1400);
        Envelope frames = new Envelope(new KeyRing(List.of(EnvelopeTest.KEY)), "punnet", new SecureRandom(), 4 << 20);
        Message syn = new Syn(WireSizesTest.of(20, WireSizesTest::digest), false);
        Message full = new Ack2(WireSizesTest.of(40, WireSizesTest::heartbeatOnly));
        Message pushPull = new PushPullResponse(WireSizesTest.of(20, WireSizesTest::typical));
        for (int round = 0; round < 2; round++) {
            measure("SYN N=20", new PacketCodec(datagrams), syn, 50_000, round == 1);
            measure("ACK2 of 40 heartbeats", new PacketCodec(frames), full, 50_000, round == 1);
            measure("PUSH_PULL_RESPONSE N=20 typical", new PacketCodec(frames), pushPull, 5_000, round == 1);
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
            System.out.printf("%-34s %7d bytes  write %6.1f us  read %6.1f us  (%d ok)%n", what, packet.length,
                    writeNanos / 1000.0, readNanos / 1000.0, ok);
        }
    }
}
