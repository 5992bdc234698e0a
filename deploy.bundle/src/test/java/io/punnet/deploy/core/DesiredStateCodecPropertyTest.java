package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Laws of the desired-state form: round trip, the gossip size bound, and no throw on junk. */
class DesiredStateCodecPropertyTest {

    private final DesiredStateCodec codec = new DesiredStateCodec();
    private final EntrySigner signer = new EntrySigner(List.of(Entries.KEY_A));

    @Provide
    Arbitrary<DesiredEntry> entries() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789.-_").ofMinLength(0)
                .ofMaxLength(60).map(s -> "io" + s);
        Arbitrary<String> versions = Arbitraries.integers().between(0, 999).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> nodes = Arbitraries.strings().withChars("abcdefghij0123456789-").ofMinLength(1).ofMaxLength(12)
                .map(s -> "n" + s);
        Arbitrary<Target> targets = Arbitraries.oneOf(Arbitraries.just(Target.all()),
                nodes.map(n -> Target.parse("tag:" + n)),
                nodes.list().ofMinSize(1).ofMaxSize(5).map(l -> Target.parse("node:" + String.join(",", l))));
        Arbitrary<String> shas = Arbitraries.bytes().array(byte[].class).ofSize(8).map(Digests::sha256Hex);
        Arbitrary<Long> times = Arbitraries.longs().between(1, 4_000_000_000_000L);
        return Combinators.combine(times, names, versions, shas, targets, nodes.injectNull(0.5), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((t, n, v, sha, target, canary, force, gossip) ->
                        signer.sign(new DesiredEntry(t, Math.max(1, t - 5), n, v, sha, target, canary, force, gossip, "")));
    }

    @Property(tries = 300)
    void oneEntryRoundTripsAndStillVerifies(@ForAll("entries") DesiredEntry entry) {
        List<DesiredEntry> back = codec.decode(codec.encode(List.of(entry))).entries();
        assertEquals(List.of(entry), back);
        assertTrue(signer.verify(back.get(0)));
    }

    @Property(tries = 100)
    void anyDesiredStateFitsOneGossipValue(@ForAll @Size(max = 30) List<@net.jqwik.api.From("entries") DesiredEntry> entries) {
        String value = codec.encode(entries);
        assertTrue(value.getBytes(StandardCharsets.UTF_8).length <= DesiredStateCodec.MAX_BYTES);
        assertEquals(0, codec.decode(value).malformed());
    }

    @Property(tries = 500)
    void junkNeverThrows(@ForAll String junk) {
        codec.decode(junk);
        codec.decode("1|" + junk);
        new StatusCodec().decode("1|" + junk);
        new HeldArtifacts().decode(junk);
        MemberTags.of("1;t=" + junk);
    }
}
