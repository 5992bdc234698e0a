package io.punnet.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.core.Digests;

class ArtifactStoreTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aJarIsStoredUnderItsDigestAndReadBack() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] jar = TestJars.bundle("a", "1");
        ArtifactStore.Stored s = store.put(new ByteArrayInputStream(jar), 1 << 20, null);
        assertEquals(Digests.sha256Hex(jar), s.sha256());
        assertEquals(dir.resolve(s.sha256() + ".jar"), s.path());
        assertTrue(s.fresh());
        assertFalse(store.put(new ByteArrayInputStream(jar), 1 << 20, null).fresh(), "the same content is held once");
        try (InputStream in = store.open(s.sha256()).orElseThrow()) {
            assertArrayEquals(jar, in.readAllBytes());
        }
        assertEquals(List.of(s.sha256()), store.digestsNewestFirst());
        assertEquals(List.of(s.path()), files(), "no temporary file is left");
    }

    @Test
    void tooLargeAndTamperedJarsAreRefusedAndLeaveNothing() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] jar = TestJars.bundle("a", "1");
        DeploymentRefusedException big = assertThrows(DeploymentRefusedException.class,
                () -> store.put(new ByteArrayInputStream(jar), jar.length - 1, null));
        assertEquals(Reason.TOO_LARGE, big.reason());
        DeploymentRefusedException tampered = assertThrows(DeploymentRefusedException.class,
                () -> store.put(new ByteArrayInputStream(jar), 1 << 20, Digests.sha256Hex(new byte[1])));
        assertEquals(Reason.TAMPERED, tampered.reason());
        assertEquals(List.of(), files());
    }

    @Test
    void namesComeOnlyFromDigestsSoNothingLandsOutsideTheStore() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.path("../../etc/passwd"));
        assertTrue(store.open("../" + "a".repeat(61)).isEmpty());
        assertFalse(store.has("A".repeat(64)), "upper case is not a stored name");
    }

    @Test
    void leftoverTemporariesAreRemovedAtStart() throws IOException {
        Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "123.part"), "half a jar");
        new ArtifactStore(dir);
        assertEquals(List.of(), files());
    }

    @Test
    void theManifestIsReadWithoutExtractingAnything() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        Path good = store.put(new ByteArrayInputStream(TestJars.bundle("io.x", "1.2")), 1 << 20, null).path();
        Map<String, String> attributes = ManifestReader.mainAttributes(good);
        assertEquals("io.x", attributes.get("Bundle-SymbolicName"));

        Path noManifest = store.put(new ByteArrayInputStream(TestJars.zipWithoutManifest()), 1 << 20, null).path();
        assertEquals(null, ManifestReader.mainAttributes(noManifest));
        assertFalse(Files.exists(dir.resolveSibling("escape.txt")));

        Path text = store.put(new ByteArrayInputStream("not a jar".getBytes()), 1 << 20, null).path();
        assertEquals(Reason.NOT_A_JAR, assertThrows(DeploymentRefusedException.class,
                () -> ManifestReader.mainAttributes(text)).reason());
    }

    @Test
    void pruningKeepsTheNewestAndEverythingStillNeeded() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        List<String> shas = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sha = store.put(new ByteArrayInputStream(TestJars.bundle("b" + i, "1")), 1 << 20, null).sha256();
            Files.setLastModifiedTime(store.path(sha), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
            shas.add(sha);
        }
        assertEquals(3, store.prune(java.util.Set.of(shas.get(0)), 2));
        assertEquals(List.of(shas.get(5), shas.get(4), shas.get(0)), store.digestsNewestFirst());
    }

    @Test
    void memoryRoundTrips() throws IOException {
        AgentMemory memory = new AgentMemory(dir.resolve("deploy/memory"));
        assertTrue(memory.load().desired().isEmpty());
        var entry = new io.punnet.deploy.core.DesiredEntry(5, 5, "a", "1", Digests.sha256Hex(new byte[0]),
                io.punnet.deploy.core.Target.all(), "", false, false, "AAAAAAAAAAAAAAAAAAAAAA");
        var report = new io.punnet.deploy.core.NodeReport(5, 5, "a", io.punnet.deploy.api.NodeState.ROLLED_BACK, "boom");
        memory.save(List.of(entry), List.of(report));
        assertEquals(List.of(entry), memory.load().desired());
        assertEquals(List.of(report), memory.load().reports());
    }
}
