package io.punnet.deploy.core;

import static io.punnet.deploy.core.Entries.SHA;
import static io.punnet.deploy.core.Entries.SHA2;
import static io.punnet.deploy.core.Entries.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DesiredStateCodecTest {

    private final DesiredStateCodec codec = new DesiredStateCodec();

    @Test
    void goldenForm() {
        DesiredEntry e = new DesiredEntry(36, 35, "io.example.hello", "1.2.0", SHA, Target.parse("tag:kitchen"), "pi-1",
                true, false, "AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals("1|10;z;io.example.hello;1.2.0;LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ;tag:kitchen;pi-1;f;"
                + "AAAAAAAAAAAAAAAAAAAAAA", codec.encode(List.of(e)));
    }

    @Test
    void roundTripKeepsEveryField() {
        DesiredEntry e = new DesiredEntry(1_764_000_000_123L, 1_764_000_000_001L, "io.punnet.monitoring", "0.1.0.SNAPSHOT",
                SHA, Target.parse("node:pi-1,pi-2"), "", false, true, "");
        e = new EntrySigner(List.of(Entries.KEY_A)).sign(e);
        DesiredStateCodec.Decoded decoded = codec.decode(codec.encode(List.of(e)));
        assertEquals(List.of(e), decoded.entries());
        assertEquals(0, decoded.malformed());
    }

    @Test
    void keepsTheLatestEntryPerSymbolicNameNewestFirst() {
        List<DesiredEntry> in = List.of(signed(3, "a", "1.0", SHA), signed(7, "a", "2.0", SHA2), signed(5, "b", "1.0", SHA));
        List<DesiredEntry> out = codec.decode(codec.encode(in)).entries();
        assertEquals(List.of(7L, 5L), out.stream().map(DesiredEntry::version).toList());
        assertEquals("2.0", out.get(0).bundleVersion());
    }

    @Test
    void manyEntriesFitInOneGossipValueByLeavingOutTheOldest() {
        List<DesiredEntry> in = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            in.add(new EntrySigner(List.of(Entries.KEY_A)).sign(new DesiredEntry(1_764_000_000_000L + i, 1_764_000_000_000L + i,
                    "io.example.long.bundle.name.number" + i, "10.20.30.SNAPSHOT-2026", SHA,
                    Target.parse("node:pi-node-01,pi-node-02,pi-node-03,pi-node-04"), "", true, true, "")));
        }
        String value = codec.encode(in);
        assertTrue(value.getBytes(StandardCharsets.UTF_8).length <= DesiredStateCodec.MAX_BYTES, value.length() + " bytes");
        List<DesiredEntry> kept = codec.decode(value).entries();
        assertTrue(kept.size() >= 4, "kept " + kept.size());
        assertEquals(1_764_000_000_040L, kept.get(0).version(), "the newest is kept");
    }

    @Test
    void malformedEntriesAreSkippedAndCounted() {
        String good = codec.encode(List.of(signed(3, "a", "1.0", SHA)));
        String value = good + "|junk|1;2;a;1.0;short;all;;;x|z;z;a b;1;" + "A".repeat(43) + ";all;;;x|"
                + "2;1;a;1.0;" + "A".repeat(43) + ";all;;q;x";
        DesiredStateCodec.Decoded decoded = codec.decode(value);
        assertEquals(1, decoded.entries().size());
        assertEquals(4, decoded.malformed());
    }

    @Test
    void otherFormatVersionsAndNullGiveNothing() {
        assertEquals(List.of(), codec.decode("2|x").entries());
        assertEquals(List.of(), codec.decode(null).entries());
        assertEquals(List.of(), codec.decode("").entries());
    }
}
