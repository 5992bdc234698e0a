package io.punnet.metadata.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that, whenever the process or the machine stops, the file holds either its old
 * content or its new content, never a mix, never nothing:
 *
 * <ol>
 * <li>write the new content to a temporary file in the <em>same directory</em> (a rename is atomic
 *     only within one file system);</li>
 * <li>{@link FileChannel#force(boolean) fsync} it, so its data is on disk before its name is;</li>
 * <li>rename it over the target with {@link StandardCopyOption#ATOMIC_MOVE} ({@code rename(2)}
 *     replaces the old file in one step: there is no moment without a target file, unlike a
 *     delete-then-rename);</li>
 * <li>fsync the directory, so that the rename itself survives a power cut.</li>
 * </ol>
 *
 * <p>A crash leaves at most a stray temporary file ({@code .<name>.<uuid>.tmp}), never a damaged
 * target; {@link #removeStaleTemporaries} clears them at start. The target keeps its POSIX
 * permissions. Not synchronized: callers serialise writes to one target.
 */
final class AtomicFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);
    private static final String TEMP_SUFFIX = ".tmp";

    private boolean directorySyncWarned;

    /** Replaces {@code target} by {@code content}, creating its directory if needed. */
    void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(tempPrefix(target) + UUID.randomUUID() + TEMP_SUFFIX);
        boolean renamed = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            keepPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            syncDirectory(dir);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Deletes the temporary files a crash of an earlier writer of {@code target} left behind. */
    void removeStaleTemporaries(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, tempPrefix(target) + "*" + TEMP_SUFFIX)) {
            for (Path temp : stale) {
                Files.deleteIfExists(temp);
                LOG.info("metadata: removed {} left by an interrupted write", temp);
            }
        }
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (from != null && Files.exists(target)) {
            Files.setPosixFilePermissions(temp, from.readAttributes().permissions());
        }
    }

    /**
     * fsync of the directory entry. Linux allows it through a read-only channel; some systems do
     * not, and there the rename is still atomic, only its durability after a power cut is not
     * assured: say so once and go on.
     */
    private void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!directorySyncWarned) {
                directorySyncWarned = true;
                LOG.warn("metadata: cannot fsync directory {} ({}); writes stay atomic but a power cut"
                        + " right after one may undo it", dir, e.toString());
            }
        }
    }
}
