package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.NodeState;

/** The small gossip forms: reports, held artifacts, the paged inventory, tags. */
class CodecsTest {

    @Test
    void reportsRoundTripOnePerNameWithCleanReasons() {
        StatusCodec codec = new StatusCodec();
        List<NodeReport> in = List.of(new NodeReport(35, 36, "a", NodeState.ROLLED_BACK, "bad;|line\nbreak"),
                new NodeReport(30, 30, "a", NodeState.ACTIVE, ""), new NodeReport(40, 41, "b", NodeState.FETCHING, ""));
        String value = codec.encode(in);
        assertEquals("1|14;15;b;FETCHING;|z;10;a;ROLLED_BACK;bad  line break", value);
        List<NodeReport> out = codec.decode(value);
        assertEquals(2, out.size());
        assertEquals("bad  line break", out.get(1).reason());
        assertEquals(List.of(), codec.decode("1|x;y;a;NOPE;"));
    }

    @Test
    void reportsFitInOneValue() {
        List<NodeReport> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new NodeReport(i + 1, i + 1, "io.example.bundle" + i, NodeState.ROLLED_BACK, "x".repeat(500)));
        }
        String value = new StatusCodec().encode(many);
        assertTrue(value.getBytes(StandardCharsets.UTF_8).length <= DesiredStateCodec.MAX_BYTES);
        assertEquals("io.example.bundle29", new StatusCodec().decode(value).get(0).symbolicName());
    }

    @Test
    void heldArtifactsArePrefixesNewestFirstWithinOneValue() {
        HeldArtifacts codec = new HeldArtifacts();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            shas.add(Digests.sha256Hex(new byte[] {(byte) i}));
        }
        String value = codec.encode(shas);
        assertTrue(value.length() <= DesiredStateCodec.MAX_BYTES);
        assertTrue(value.startsWith(Digests.prefix(shas.get(0))));
        assertTrue(codec.decode(value).contains(Digests.prefix(shas.get(10))));
        assertEquals(Set.of(), codec.decode("zz,12"));
    }

    @Test
    void inventoryOfFortyBundlesIsPagedAndReadBackWhole() {
        List<BundleInfo> bundles = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            bundles.add(new BundleInfo("org.apache.felix.some.bundle" + i, "2.0." + i, i % 3 == 0 ? "RESOLVED" : "ACTIVE",
                    "0123456789abcdef"));
        }
        InventoryCodec codec = new InventoryCodec();
        List<String> pages = codec.encode(7, bundles);
        assertTrue(pages.size() > 1);
        Map<String, String> state = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).length() <= DesiredStateCodec.MAX_BYTES);
            state.put(InventoryCodec.pageKey(i), pages.get(i));
        }
        assertEquals(Optional.of(bundles), codec.decode(state));
    }

    @Test
    void inventoryPagesOfTwoDifferentIdsAreNotMixed() {
        List<BundleInfo> bundles = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            bundles.add(new BundleInfo("org.apache.felix.some.bundle" + i, "2.0." + i, "ACTIVE", ""));
        }
        InventoryCodec codec = new InventoryCodec();
        List<String> older = codec.encode(7, bundles);
        List<String> newer = codec.encode(8, bundles);
        Map<String, String> state = new HashMap<>();
        state.put(InventoryCodec.pageKey(0), newer.get(0));
        state.put(InventoryCodec.pageKey(1), older.get(1));
        assertEquals(Optional.empty(), codec.decode(state));
        assertEquals(Optional.empty(), codec.decode(Map.of()));
        assertEquals(Optional.empty(), codec.decode(Map.of("bundles", "1;x;99")));
    }

    @Test
    void tagsComeFromTheMetadataForm() {
        assertEquals(Set.of("rack-2", "zone:kitchen"), MemberTags.of("1;s=nginx;t=rack-2,zone:kitchen"));
        assertEquals(Set.of(), MemberTags.of("1;s=nginx"));
        assertEquals(Set.of(), MemberTags.of("2;t=a"));
        assertEquals(Set.of("a"), MemberTags.of("1;t=a,a"));
        assertEquals(Set.of(), MemberTags.of(null));
    }
}
