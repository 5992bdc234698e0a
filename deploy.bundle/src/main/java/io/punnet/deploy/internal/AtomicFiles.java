package io.punnet.deploy.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic placement of files: content goes to a temporary file in the target's directory, is fsynced,
 * then renamed over the target in one step ({@code rename(2)}), and the directory is fsynced. A crash
 * leaves the old file or the new one, never a mix; stray temporaries start with {@value #TEMP_PREFIX}
 * and are removed at start.
 */
final class AtomicFiles {

    static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** A new temporary file beside {@code dir}'s future entries. */
    static Path temp(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, TEMP_PREFIX, ".part");
    }

    /** fsyncs {@code temp}, renames it to {@code target} atomically, and fsyncs the directory. */
    static void commit(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Replaces {@code target} by {@code content}. */
    static void write(Path target, byte[] content) throws IOException {
        Path temp = temp(target.toAbsolutePath().getParent());
        try {
            Files.write(temp, content);
            commit(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes temporaries a crash left in {@code dir}. */
    static void removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems refuse it; the rename stays atomic, only its durability is weaker
        }
    }
}
