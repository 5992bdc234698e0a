package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import io.punnet.deploy.core.Digests;

/**
 * The SHA-256 of the jar each bundle runs from. A bundle this agent installed or updated is known
 * by the digest it installed, recorded against its id and last-modified time (an update changes
 * the latter, so a later update by other means is not mistaken for ours). Any other bundle is
 * hashed from its location when that is a local file ({@code file:} or {@code reference:file:}),
 * as the distribution installs them, and cached the same way. Otherwise the digest is unknown.
 *
 * <p>What this agent installed is also written to a small file (one {@code <id> <last modified>
 * <sha-256>} per line, atomically), because a bundle updated from the store keeps its original
 * location: a restarted agent (the deploy bundle refreshed along with gossip, say) must not take the
 * location's jar for what runs, or it would apply the same rollout again. A framework restart
 * renumbers bundles, so old lines simply stop matching.
 */
final class BundleDigests {

    private record Key(long bundleId, long lastModified) {
    }

    private final Map<Key, String> known = new ConcurrentHashMap<>();
    private final Map<Key, String> installed = new ConcurrentHashMap<>();
    private final Path file;

    /** @param file where the digests of the bundles this agent installed are kept, or null */
    BundleDigests(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(" ");
                    if (f.length == 3 && Digests.isSha256Hex(f[2])) {
                        Key key = new Key(Long.parseLong(f[0]), Long.parseLong(f[1]));
                        installed.put(key, f[2]);
                        known.put(key, f[2]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // a damaged file: the digests are computed again from the locations
            }
        }
    }

    /** Records the digest of a bundle just installed or updated from the store. */
    void record(Bundle bundle, String sha256) {
        Key key = key(bundle);
        known.put(key, sha256);
        installed.keySet().removeIf(k -> k.bundleId() == key.bundleId()); // only its latest revision matters
        installed.put(key, sha256);
        if (file != null) {
            StringBuilder out = new StringBuilder();
            installed.forEach((k, sha) -> out.append(k.bundleId()).append(' ').append(k.lastModified()).append(' ')
                    .append(sha).append('\n'));
            try {
                AtomicFiles.write(file, out.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // kept in memory; only a restarted agent would hash the location again
            }
        }
    }

    /** The digest of the jar the bundle runs from, if it can be known. */
    Optional<String> of(Bundle bundle) {
        Key key = key(bundle);
        String sha = known.get(key);
        if (sha != null) {
            return Optional.of(sha);
        }
        Optional<Path> file = localFile(bundle.getLocation());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            MessageDigest digest = Digests.sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            sha = Digests.hex(digest.digest());
            known.put(key, sha);
            return Optional.of(sha);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The local jar a location points at, when it is one. */
    static Optional<Path> localFile(String location) {
        String uri = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!uri.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(URI.create(uri));
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Key key(Bundle bundle) {
        return new Key(bundle.getBundleId(), bundle.getLastModified());
    }
}
