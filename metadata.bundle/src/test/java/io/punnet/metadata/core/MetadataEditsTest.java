package io.punnet.metadata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.metadata.api.DuplicateException;
import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.LimitExceededException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.metadata.api.NotFoundException;

class MetadataEditsTest {

    private final Metadata m = new Metadata(List.of("nginx_webserver"), List.of("rack-2"));

    @Test
    void metadataIsSortedAndFreeOfDuplicates() {
        Metadata unsorted = new Metadata(List.of("b", "a", "b"), List.of("z", "y"));
        assertEquals(List.of("a", "b"), unsorted.services());
        assertEquals(List.of("y", "z"), unsorted.tags());
        assertEquals(new Metadata(List.of("a", "b"), List.of("y", "z")), unsorted);
    }

    @Test
    void addsAndRemoves() {
        Metadata added = MetadataEdits.addService(m, "load_balancer");
        assertEquals(List.of("load_balancer", "nginx_webserver"), added.services());
        assertEquals(m, MetadataEdits.removeService(added, "load_balancer"));
        Metadata tagged = MetadataEdits.addTag(m, "zone:kitchen");
        assertEquals(List.of("rack-2", "zone:kitchen"), tagged.tags());
        assertEquals(m, MetadataEdits.removeTag(tagged, "zone:kitchen"));
    }

    @Test
    void refusesDuplicatesAbsentNamesAndBadNames() {
        assertEquals("service 'nginx_webserver' is already present",
                assertThrows(DuplicateException.class, () -> MetadataEdits.addService(m, "nginx_webserver")).getMessage());
        assertEquals("tag 'rack-3' is not present",
                assertThrows(NotFoundException.class, () -> MetadataEdits.removeTag(m, "rack-3")).getMessage());
        assertThrows(InvalidNameException.class, () -> MetadataEdits.addTag(m, "Rack"));
        assertThrows(InvalidNameException.class, () -> MetadataEdits.removeService(m, "a b"));
    }

    @Test
    void capsTheCounts() {
        Metadata full = Metadata.empty();
        for (int i = 0; i < MetadataStore.MAX_SERVICES; i++) {
            full = MetadataEdits.addService(full, "s" + i);
        }
        Metadata last = full;
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> MetadataEdits.addService(last, "one-more"));
        assertEquals("at most 10 services per node; remove one first", e.getMessage());
        assertEquals(MetadataStore.MAX_SERVICES, e.limit());
        assertEquals(MetadataStore.MAX_SERVICES, MetadataEdits.removeService(last, "s0").services().size() + 1);
    }
}
