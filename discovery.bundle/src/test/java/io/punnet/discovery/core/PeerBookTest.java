package io.punnet.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PeerBookTest {

    private final PeerBook book = new PeerBook("lab", "self");

    private static Sighting heard(String cluster, String node, int port, String... addresses) {
        return new Sighting("eth0", Announcement.of(cluster, node, port, 8080).toTxt(), List.of(addresses));
    }

    @Test
    void aNewPeerOfThisClusterBecomesOneSeedPerUsableAddress() {
        PeerBook.Observation o = book.observe(heard("lab", "n2", 7946, "10.0.0.2", "169.254.3.4", "192.168.1.2"));
        assertEquals(Verdict.NEW_ENDPOINT, o.verdict());
        assertEquals(List.of(new Seed("n2", "10.0.0.2", 7946), new Seed("n2", "192.168.1.2", 7946)), o.newSeeds());
    }

    @Test
    void hearingThePeerAgainHandsNothingOver() {
        book.observe(heard("lab", "n2", 7946, "10.0.0.2"));
        PeerBook.Observation again = book.observe(heard("lab", "n2", 7946, "10.0.0.2"));
        assertEquals(Verdict.KNOWN, again.verdict());
        assertEquals(List.of(), again.newSeeds());
    }

    @Test
    void aNewAddressUnderTheSameNameIsTheSamePeerAtANewEndpoint() {
        book.observe(heard("lab", "n2", 7946, "10.0.0.2"));
        PeerBook.Observation moved = book.observe(heard("lab", "n2", 7946, "10.0.0.9"));
        assertEquals(Verdict.NEW_ENDPOINT, moved.verdict());
        assertEquals(List.of(new Seed("n2", "10.0.0.9", 7946)), moved.newSeeds());
        assertEquals(1, book.size());
        assertEquals(List.of(new Seed("n2", "10.0.0.2", 7946), new Seed("n2", "10.0.0.9", 7946)), book.endpointsOf("n2"));
    }

    @Test
    void aNewPortUnderTheSameNameIsANewEndpointToo() {
        book.observe(heard("lab", "n2", 7946, "10.0.0.2"));
        assertEquals(List.of(new Seed("n2", "10.0.0.2", 7947)), book.observe(heard("lab", "n2", 7947, "10.0.0.2")).newSeeds());
    }

    @Test
    void ownAnnouncementsOtherClustersAndOtherVersionsAreIgnoredAndCounted() {
        assertEquals(Verdict.SELF, book.observe(heard("lab", "self", 7946, "10.0.0.1")).verdict());
        assertEquals(Verdict.OTHER_CLUSTER, book.observe(heard("prod", "n9", 7946, "10.0.0.9")).verdict());
        Map<String, String> future = new java.util.HashMap<>(Announcement.of("lab", "n3", 7946, 1).toTxt());
        future.put("v", "7");
        assertEquals(Verdict.UNKNOWN_VERSION, book.observe(new Sighting("eth0", future, List.of("10.0.0.3"))).verdict());
        assertEquals(Verdict.MALFORMED, book.observe(new Sighting("eth0", Map.of("txtvers", "1"), List.of("10.0.0.4"))).verdict());
        assertEquals(0, book.size());
        Map<Verdict, Long> counts = book.counts();
        assertEquals(1L, counts.get(Verdict.SELF));
        assertEquals(1L, counts.get(Verdict.OTHER_CLUSTER));
        assertEquals(1L, counts.get(Verdict.UNKNOWN_VERSION));
        assertEquals(1L, counts.get(Verdict.MALFORMED));
        assertEquals(0L, counts.get(Verdict.NEW_ENDPOINT));
    }

    @Test
    void aPeerWithNoUsableAddressIsMalformed() {
        PeerBook.Observation o = book.observe(heard("lab", "n2", 7946, "169.254.0.7", "0.0.0.0", "224.0.0.251", "not-an-ip"));
        assertEquals(Verdict.MALFORMED, o.verdict());
        assertEquals(0, book.size());
    }

    @Test
    void endpointsPerPeerAreBoundedOldestForgottenFirst() {
        for (int i = 1; i <= PeerBook.MAX_ENDPOINTS_PER_PEER + 3; i++) {
            book.observe(heard("lab", "n2", 7946, "10.0.1." + i));
        }
        List<Seed> kept = book.endpointsOf("n2");
        assertEquals(PeerBook.MAX_ENDPOINTS_PER_PEER, kept.size());
        assertEquals("10.0.1.4", kept.get(0).host());
        // a forgotten endpoint is handed over again when it comes back
        assertEquals(Verdict.NEW_ENDPOINT, book.observe(heard("lab", "n2", 7946, "10.0.1.1")).verdict());
    }

    @Test
    void peersAreBoundedLeastRecentlySeenForgottenFirst() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PeerBook.MAX_PEERS + 10; i++) {
            names.add("n" + i);
            book.observe(heard("lab", "n" + i, 7946, "10.1." + (i / 250) + "." + (i % 250 + 1)));
            if (i == PeerBook.MAX_PEERS - 1) {
                book.observe(heard("lab", "n0", 7946, "10.1.0.1")); // n0 seen again: now recent
            }
        }
        assertEquals(PeerBook.MAX_PEERS, book.size());
        assertEquals(1, book.endpointsOf("n0").size());
        assertEquals(0, book.endpointsOf("n1").size());
    }
}
