package io.punnet.metadata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.Cluster;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MetadataGossipCodecTest {

    private final MetadataGossipCodec codec = new MetadataGossipCodec();
    private final Metadata typical = new Metadata(List.of("nginx_webserver", "load_balancer"), List.of("rack-2", "zone:kitchen"));

    @Test
    void golden() {
        assertEquals("1;s=load_balancer,nginx_webserver;t=rack-2,zone:kitchen", codec.encode(typical));
        assertEquals(Optional.of(typical), codec.decode("1;s=load_balancer,nginx_webserver;t=rack-2,zone:kitchen"));
        assertEquals("1", codec.encode(Metadata.empty()));
        assertEquals(Optional.of(Metadata.empty()), codec.decode("1"));
        assertEquals("1;t=x", codec.encode(new Metadata(List.of(), List.of("x"))));
    }

    @Test
    void theLargestAllowedMetadataFitsOneGossipValue() {
        List<String> services = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < MetadataStore.MAX_SERVICES; i++) {
            services.add(i + "s".repeat(MetadataStore.MAX_SERVICE_LENGTH - 1));
        }
        for (int i = 0; i < MetadataStore.MAX_TAGS; i++) {
            tags.add(i + "t".repeat(MetadataStore.MAX_TAG_LENGTH - 1));
        }
        int bytes = codec.encode(new Metadata(services, tags)).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(4 + 10 * 63 + 9 + 3 + 10 * 32 + 9, bytes);
        assertTrue(bytes <= Cluster.MAX_VALUE_BYTES);
    }

    @Test
    void anotherVersionOrADamagedHeaderIsUnknown() {
        assertEquals(Optional.empty(), codec.decode("2;s=a"));
        assertEquals(Optional.empty(), codec.decode("s=a"));
        assertEquals(Optional.empty(), codec.decode(""));
        assertEquals(Optional.empty(), codec.decode(null));
    }

    @Test
    void badNamesAreDroppedAndUnknownTagsIgnored() {
        assertEquals(Optional.of(new Metadata(List.of("ok"), List.of("z:1"))),
                codec.decode("1;s=ok,Bad,,a b;x=future;t=z:1,;"));
    }

    @Property(tries = 500)
    void decodingNeverThrows(@ForAll("noise") String value) {
        assertNotNull(codec.decode(value));
    }

    @Property(tries = 200)
    void roundTrip(@ForAll("names") List<String> services, @ForAll("names") List<String> tags) {
        Metadata m = new Metadata(services, tags);
        assertEquals(Optional.of(m), codec.decode(codec.encode(m)));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("1;=,st:abAB -_.").ofMaxLength(60)
                .map(s -> s.startsWith("1") ? s : "1;" + s);
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz0129").ofMinLength(1).ofMaxLength(12)
                .flatMap(head -> Arbitraries.strings().withChars("ab_.-").ofMaxLength(8).map(tail -> head + tail));
        return name.list().ofMaxSize(MetadataStore.MAX_TAGS);
    }
}
