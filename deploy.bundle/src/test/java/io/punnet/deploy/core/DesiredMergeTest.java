package io.punnet.deploy.core;

import static io.punnet.deploy.core.Entries.SHA;
import static io.punnet.deploy.core.Entries.SHA2;
import static io.punnet.deploy.core.Entries.entry;
import static io.punnet.deploy.core.Entries.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DesiredMergeTest {

    private final DesiredMerge merge = new DesiredMerge(new EntrySigner(List.of(Entries.KEY_A)));

    private static MemberView member(String name, DesiredEntry... desired) {
        return new MemberView(name, true, Set.of(), List.of(), List.of(desired));
    }

    @Test
    void theHighestVersionPerNameWinsAcrossMembers() {
        DesiredMerge.Result r = merge.merge(List.of(member("a", signed(10, "x", "1", SHA)),
                member("b", signed(20, "x", "2", SHA2), signed(15, "y", "1", SHA))), List.of());
        assertEquals(List.of(20L, 15L), r.entries().stream().map(DesiredEntry::version).toList());
    }

    @Test
    void aReplayedOlderEntryNeverBeatsTheRememberedOne() {
        DesiredEntry newer = signed(20, "x", "2.0", SHA2);
        DesiredEntry replayed = signed(10, "x", "1.0", SHA);
        DesiredMerge.Result r = merge.merge(List.of(member("restarted", replayed)), List.of(newer));
        assertEquals(List.of(newer), r.entries());
    }

    @Test
    void unsignedOrForeignEntriesAreIgnoredAndCounted() {
        DesiredEntry forged = new EntrySigner(List.of(Entries.KEY_B)).sign(entry(99, "x", "6.6.6", SHA2));
        DesiredMerge.Result r = merge.merge(List.of(member("evil", forged, entry(98, "y", "1", SHA))),
                List.of(signed(5, "x", "1", SHA)));
        assertEquals(List.of(5L), r.entries().stream().map(DesiredEntry::version).toList());
        assertEquals(2, r.badSignatures());
    }
}
