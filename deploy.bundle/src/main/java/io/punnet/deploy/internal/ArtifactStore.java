package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.core.Digests;

/**
 * Jars by content: {@code <dir>/<sha-256 hex>.jar}. A jar is streamed to a temporary file while its
 * digest is computed and its size capped, then renamed to its digest's name atomically; so a file in
 * the store is always complete, and its name is its checksum. The name is computed here, never taken
 * from a caller, and the jar is never extracted: nothing written can land outside the directory.
 *
 * <p>Thread safety: concurrent puts of the same content both end with the one file (the rename of
 * identical content is harmless).
 */
final class ArtifactStore {

    private static final String SUFFIX = ".jar";

    private final Path dir;

    ArtifactStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeStale(dir);
    }

    /**
     * A stored jar.
     *
     * @param fresh true when this put added it (it was not held before)
     */
    record Stored(String sha256, Path path, long size, boolean fresh) {
    }

    /**
     * Stores a jar from a stream, reading at most {@code maxBytes}.
     *
     * @param expectedSha256 the digest it must have, or null
     * @throws DeploymentRefusedException TOO_LARGE or TAMPERED; nothing is kept then
     */
    Stored put(InputStream in, long maxBytes, String expectedSha256) throws IOException {
        Path temp = AtomicFiles.temp(dir);
        try {
            MessageDigest digest = Digests.sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    size += n;
                    if (size > maxBytes) {
                        throw new DeploymentRefusedException(Reason.TOO_LARGE,
                                "the jar is larger than the limit of " + maxBytes + " bytes");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String sha = Digests.hex(digest.digest());
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(sha)) {
                throw new DeploymentRefusedException(Reason.TAMPERED, "the jar's SHA-256 is " + sha
                        + ", not the expected " + expectedSha256 + ": it was damaged or altered on the way");
            }
            Path target = path(sha);
            boolean fresh = !Files.exists(target);
            if (fresh) {
                AtomicFiles.commit(temp, target);
            } else {
                Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
            }
            return new Stored(sha, target, size, fresh);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores a copy of a file (the previous revision of a bundle, kept for rollback). */
    Stored putFile(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, maxBytes, null);
        }
    }

    boolean has(String sha256) {
        return Digests.isSha256Hex(sha256) && Files.isRegularFile(path(sha256));
    }

    /** The file of a stored jar (it may not exist). */
    Path path(String sha256) {
        if (!Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256 + SUFFIX);
    }

    Optional<InputStream> open(String sha256) throws IOException {
        if (!has(sha256)) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(path(sha256)));
    }

    /** Deletes a stored jar (a refused upload). */
    void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    /**
     * Deletes the oldest jars beyond {@code max}, except those in {@code keep} (what the desired
     * state names and what runs, so a rollback always finds its jar).
     *
     * @return how many were deleted
     */
    int prune(java.util.Set<String> keep, int max) throws IOException {
        List<String> all = digestsNewestFirst();
        int deleted = 0;
        for (int i = max; i < all.size(); i++) {
            if (!keep.contains(all.get(i))) {
                delete(all.get(i));
                deleted++;
            }
        }
        return deleted;
    }

    /** The digests held, most recently stored or used first. */
    List<String> digestsNewestFirst() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : stream) {
                String name = f.getFileName().toString();
                if (Digests.isSha256Hex(name.substring(0, name.length() - SUFFIX.length()))) {
                    files.add(f);
                }
            }
        }
        files.sort(Comparator.comparing(ArtifactStore::modified).reversed());
        return files.stream().map(f -> f.getFileName().toString().replace(SUFFIX, "")).toList();
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
