package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.Cluster;
import io.punnet.monitoring.api.NodeMetrics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MetricsCodecTest {

    private static final String PI = "1;c=12.5;l=0.41,0.3,0.2;n=4;m=8589934592,3221225472,5368709120;"
            + "s=107374182,0;t=48.2;d=31138512896,12884901888;u=123456;h=40000000,268435456;j=42;a=1732490000000";

    private final MetricsCodec codec = new MetricsCodec();

    @Test
    void goldenEncoding() {
        assertEquals(PI, codec.encode(Samples.pi()));
    }

    @Test
    void goldenDecoding() {
        assertEquals(Samples.pi(), codec.decode(PI));
    }

    @Test
    void aTypicalValueIsSmall() {
        int bytes = codec.encode(Samples.pi()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 200, bytes + " bytes");
        assertTrue(bytes <= Cluster.MAX_VALUE_BYTES);
    }

    @Test
    void unknownFieldsAreLeftOutOrLeftEmpty() {
        NodeMetrics m = NodeMetrics.builder().load(0.5, null, 0.25).memory(null, null, 1024L).build();
        String value = codec.encode(m);
        assertEquals("1;l=0.5,,0.25;m=,,1024", value);
        assertEquals(m, codec.decode(value));
        assertEquals("1", codec.encode(NodeMetrics.unknown()));
        assertEquals(NodeMetrics.unknown(), codec.decode("1"));
    }

    @Test
    void aNewerVersionDecodesToUnknown() {
        assertEquals(NodeMetrics.unknown(), codec.decode("2;c=12.5;n=4"));
    }

    @Test
    void aDamagedHeaderDecodesToUnknown() {
        for (String value : new String[] {null, "", "x;c=1", ";c=1", "01;c=1", "c=12.5;1"}) {
            assertEquals(NodeMetrics.unknown(), codec.decode(value), String.valueOf(value));
        }
    }

    @Test
    void aDamagedTagLosesOnlyItsOwnFields() {
        NodeMetrics m = codec.decode("1;c=abc;l=0.4,NaN,0.2;n=4;m=-5,3;zz=9;t;=3;j=99999999999");
        assertNull(m.cpuPercent());
        assertEquals(0.4, m.load1());
        assertNull(m.load5());
        assertEquals(0.2, m.load15());
        assertEquals(4, m.cpuCount());
        assertNull(m.memTotalBytes(), "negative byte counts are refused");
        assertEquals(3L, m.memUsedBytes());
        assertNull(m.jvmThreads(), "does not fit an int");
    }

    @Test
    void tooLongIsNotParsed() {
        assertEquals(NodeMetrics.unknown(), codec.decode("1;c=1" + ";x=".repeat(1000)));
    }

    @Property(tries = 500)
    void decodingNeverThrows(@ForAll("noise") String value) {
        assertNotNull(codec.decode(value));
    }

    @Property(tries = 300)
    void decodingTheEncodingGivesTheSampleBackRounded(@ForAll("metrics") NodeMetrics m) {
        NodeMetrics back = codec.decode(codec.encode(m));
        assertEquals(rounded(m), back);
        assertEquals(codec.encode(m), codec.encode(back), "encoding is stable");
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> random = Arbitraries.strings().withChars("1;=,.-cClmnsdtuhja0123456789x ").ofMaxLength(80);
        Arbitrary<String> mutated = random.map(tail -> "1;" + tail);
        return Arbitraries.oneOf(random, mutated, Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<NodeMetrics> metrics() {
        Arbitrary<Double> percent = Arbitraries.doubles().between(0, 100).injectNull(0.2);
        Arbitrary<Double> load = Arbitraries.doubles().between(0, 64).injectNull(0.2);
        Arbitrary<Long> bytes = Arbitraries.longs().between(0, 1L << 45).injectNull(0.2);
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 10_000).injectNull(0.2);
        Arbitrary<Double> celsius = Arbitraries.doubles().between(-40, 120).injectNull(0.2);
        return Combinators.combine(percent, load, load, load, count, bytes, bytes, bytes).as(
                (c, l1, l5, l15, n, mt, mu, ma) -> NodeMetrics.builder().cpuPercent(c).load(l1, l5, l15)
                        .cpuCount(n).memory(mt, mu, ma))
                .flatMap(b -> Combinators.combine(bytes, bytes, celsius, bytes, bytes, bytes, bytes, bytes)
                        .as((st, su, t, dt, df, u, hu, hm) -> b.swap(st, su).temperatureCelsius(t)
                                .disk(dt, df).uptimeSeconds(u).jvmHeap(hu, hm)))
                .flatMap(b -> Combinators.combine(count, bytes).as((j, a) -> b.jvmThreads(j).sampledAtMillis(a).build()));
    }

    /** The sample as the text form keeps it: decimals rounded to their places. */
    private static NodeMetrics rounded(NodeMetrics m) {
        return m.toBuilder()
                .cpuPercent(round(m.cpuPercent(), 1))
                .load(round(m.load1(), 2), round(m.load5(), 2), round(m.load15(), 2))
                .temperatureCelsius(round(m.temperatureCelsius(), 1))
                .build();
    }

    private static Double round(Double value, int places) {
        return value == null ? null : DecimalText.parseDecimal(DecimalText.format(value, places));
    }
}
