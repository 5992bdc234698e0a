package io.punnet.metadata.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.core.MalformedMetadataException;
import io.punnet.metadata.core.MetadataDocument;
import io.punnet.metadata.core.MetadataJson;

/**
 * {@code meta-data.json} on disk: read it, write it atomically, and put a file that cannot be read
 * aside instead of overwriting it.
 *
 * <p>A missing file is empty meta-data (a new node). A file that is not understood is renamed to
 * {@code meta-data.json.corrupt-<UTC timestamp>} (never deleted), one clear line is logged at
 * ERROR, and the caller's fallback is used; the next change then writes a fresh file. Not
 * synchronized: the store serialises all calls.
 */
final class MetadataFile {

    static final String NAME = "meta-data.json";

    private static final Logger LOG = LoggerFactory.getLogger(MetadataFile.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final MetadataJson json = new MetadataJson();
    private final AtomicFileWriter writer = new AtomicFileWriter();
    private final Clock clock;

    MetadataFile(Path path, Clock clock) {
        this.path = path.toAbsolutePath();
        this.clock = clock;
    }

    Path path() {
        return path;
    }

    /** Clears temporary files an interrupted write left behind; to be called before the first write. */
    void removeStaleTemporaries() throws IOException {
        writer.removeStaleTemporaries(path);
    }

    /**
     * The document on disk; empty meta-data if there is no file; {@code fallback} (after putting the
     * file aside) if it cannot be read.
     *
     * @param fallbackDescription how the log line names the fallback ("empty meta-data")
     */
    MetadataDocument load(Metadata fallback, String fallbackDescription) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException absent) {
            return MetadataDocument.of(Metadata.empty());
        }
        try {
            return json.read(content);
        } catch (MalformedMetadataException e) {
            Path aside = putAside();
            LOG.error("metadata: {} cannot be read ({}); kept it as {} and continuing with {}",
                    path, e.getMessage(), aside.getFileName(), fallbackDescription);
            return MetadataDocument.of(fallback);
        }
    }

    /** Replaces the file by {@code doc}, atomically. */
    void save(MetadataDocument doc) throws IOException {
        writer.write(path, json.write(doc));
    }

    private Path putAside() throws IOException {
        String base = NAME + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = path.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = path.resolveSibling(base + "-" + n);
        }
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
