package io.punnet.metadata.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    private final AtomicFileWriter writer = new AtomicFileWriter();

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsAndReplacesLeavingNothingElse() throws IOException {
        Path target = dir.resolve("meta-data.json");
        writer.write(target, "one".getBytes(StandardCharsets.UTF_8));
        writer.write(target, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("meta-data.json"), names());
    }

    @Test
    void createsTheDirectory() throws IOException {
        Path target = dir.resolve("a/b/meta-data.json");
        writer.write(target, new byte[] {1});
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(target));
    }

    @Test
    void keepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path target = dir.resolve("meta-data.json");
        writer.write(target, new byte[] {1});
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        writer.write(target, new byte[] {2});
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFailedRenameLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("meta-data.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x"); // a non-empty directory cannot be replaced
        assertThrows(IOException.class, () -> writer.write(target, new byte[] {1}));
        assertEquals(List.of("meta-data.json"), names());
    }

    @Test
    void removesTheTemporariesOfInterruptedWritesOnly() throws IOException {
        Path target = dir.resolve("meta-data.json");
        Files.writeString(dir.resolve(".meta-data.json.0b7e.tmp"), "half");
        Files.writeString(dir.resolve(".other.json.0b7e.tmp"), "not ours");
        Files.writeString(target, "{}");
        writer.removeStaleTemporaries(target);
        assertEquals(List.of(".other.json.0b7e.tmp", "meta-data.json"), names());
    }
}
