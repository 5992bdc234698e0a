package io.punnet.metadata.internal;

import io.punnet.gossip.testing.FakeCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.punnet.metadata.api.DuplicateException;
import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.LimitExceededException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.NotFoundException;

class FileMetadataStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T23:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeCluster cluster = new FakeCluster();

    private Path file() {
        return dir.resolve("meta-data.json");
    }

    private FileMetadataStore open() throws IOException {
        FileMetadataStore store = new FileMetadataStore(file(), CLOCK, "local");
        store.bindCluster(cluster);
        return store;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewNodeHasNoMetadataAndNoFileUntilItsFirstChange() throws IOException {
        FileMetadataStore store = open();
        assertEquals(Metadata.empty(), store.current());
        assertEquals(List.of(), files());
        assertEquals("meta=1", cluster.published.poll(), "even empty meta-data is gossiped");
    }

    @Test
    void changesAreWrittenThenGossiped() throws IOException {
        FileMetadataStore store = open();
        cluster.published.clear();
        store.addService("nginx_webserver");
        store.addService("load_balancer");
        Metadata after = store.addTag("rack-2");
        assertEquals(new Metadata(List.of("load_balancer", "nginx_webserver"), List.of("rack-2")), after);
        assertEquals(List.of("meta=1;s=nginx_webserver", "meta=1;s=load_balancer,nginx_webserver",
                "meta=1;s=load_balancer,nginx_webserver;t=rack-2"), List.copyOf(cluster.published));
        assertEquals(after, new FileMetadataStore(file(), CLOCK, "local").current(), "read back from disk");
        store.removeService("nginx_webserver");
        store.removeTag("rack-2");
        assertEquals(new Metadata(List.of("load_balancer"), List.of()), new FileMetadataStore(file(), CLOCK, "x").current());
    }

    @Test
    void aRefusedChangeChangesNothing() throws IOException {
        FileMetadataStore store = open();
        store.addService("nginx");
        String before = Files.readString(file());
        cluster.published.clear();
        assertThrows(DuplicateException.class, () -> store.addService("nginx"));
        assertThrows(NotFoundException.class, () -> store.removeTag("rack-9"));
        assertThrows(InvalidNameException.class, () -> store.addService("Nginx"));
        for (int i = 0; i < 9; i++) {
            store.addTag("t" + i);
        }
        store.addTag("t9");
        assertThrows(LimitExceededException.class, () -> store.addTag("t10"));
        assertEquals(10, store.current().tags().size());
        assertTrue(Files.readString(file()).contains("\"t9\""));
        assertTrue(!Files.readString(file()).equals(before));
    }

    @Test
    void aCorruptFileIsPutAsideAndTheNodeStartsEmpty() throws IOException {
        Files.writeString(file(), "{\"services\": [\"nginx\"");
        FileMetadataStore store = open();
        assertEquals(Metadata.empty(), store.current());
        assertEquals(List.of("meta-data.json.corrupt-20261124T233005Z"), files());
        assertEquals("{\"services\": [\"nginx\"", Files.readString(dir.resolve("meta-data.json.corrupt-20261124T233005Z")));
        store.addService("redis");
        assertEquals(List.of("meta-data.json", "meta-data.json.corrupt-20261124T233005Z"), files());
    }

    @Test
    void twoCorruptFilesInOneSecondKeepBoth() throws IOException {
        Files.writeString(file(), "first");
        open();
        Files.writeString(file(), "second");
        open();
        assertEquals(List.of("meta-data.json.corrupt-20261124T233005Z", "meta-data.json.corrupt-20261124T233005Z-2"), files());
    }

    @Test
    void aChangeBuildsOnAnEditMadeByHandAndKeepsUnknownFields() throws IOException {
        FileMetadataStore store = open();
        store.addService("nginx");
        Files.writeString(file(), "{\"version\": 1, \"services\": [\"nginx\", \"postgres\"], \"owner\": \"ada\"}");
        Metadata after = store.addTag("db");
        assertEquals(List.of("nginx", "postgres"), after.services());
        assertTrue(Files.readString(file()).contains("\"owner\" : \"ada\""));
    }

    @Test
    void aFileCorruptedWhileRunningIsPutAsideAndTheLastKnownMetadataKept() throws IOException {
        FileMetadataStore store = open();
        store.addService("nginx");
        Files.writeString(file(), "garbage");
        Metadata after = store.addService("redis");
        assertEquals(List.of("nginx", "redis"), after.services());
        assertEquals(List.of("meta-data.json", "meta-data.json.corrupt-20261124T233005Z"), files());
    }

    @Test
    void aFileOfANewerVersionIsReadOnly() throws IOException {
        Files.writeString(file(), "{\"version\": 2, \"services\": [\"nginx\"], \"tags\": {\"new\": \"shape\"}}");
        FileMetadataStore store = open();
        assertEquals(List.of("nginx"), store.current().services());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.addService("redis"));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertTrue(Files.readString(file()).contains("\"new\""), "untouched");
    }

    @Test
    void otherNodesComeFromGossip() throws IOException {
        FileMetadataStore store = open();
        store.addService("nginx");
        cluster.put(FakeCluster.member("pi-2", Map.of("meta", "1;s=redis;t=rack-1"), false));
        cluster.put(FakeCluster.member("pi-3", Map.of("meta", "9;from-the-future"), false));
        cluster.put(FakeCluster.member("pi-4", Map.of(), false));
        assertEquals(Optional.of(new Metadata(List.of("redis"), List.of("rack-1"))), store.of("pi-2"));
        assertEquals(Optional.empty(), store.of("pi-3"));
        assertEquals(Optional.empty(), store.of("pi-4"));
        assertEquals(Optional.empty(), store.of("nobody"));
        assertEquals(Optional.of(store.current()), store.of("local"));
        assertEquals(List.of("local", "pi-2"), List.copyOf(store.all().keySet()));
    }

    @Test
    void aNewGossipInstanceGetsTheMetadataAgainAndAnAbsentOneIsNoProblem() throws IOException {
        FileMetadataStore store = open();
        store.unbindCluster(cluster);
        store.addService("nginx");
        assertEquals(Map.of("local", store.current()), store.all(), "the configured node name stands in");
        FakeCluster restarted = new FakeCluster();
        store.bindCluster(restarted);
        assertEquals("meta=1;s=nginx", restarted.published.poll());
    }

    @Test
    void aGossipRefusalDoesNotFailTheChange() throws IOException {
        FileMetadataStore store = open();
        cluster.onSet = value -> {
            throw new IllegalArgumentException("state would grow beyond the limit");
        };
        assertEquals(List.of("nginx"), store.addService("nginx").services());
        assertEquals(List.of("nginx"), new FileMetadataStore(file(), CLOCK, "x").current().services());
    }
}
