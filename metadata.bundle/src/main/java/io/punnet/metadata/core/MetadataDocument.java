package io.punnet.metadata.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.punnet.metadata.api.Metadata;

/**
 * The content of {@code meta-data.json}: its format version, the meta-data, and any other top-level
 * fields, which are kept as they were and written back (a newer bundle, or a person, may have put
 * them there; rewriting the file must not drop them).
 *
 * @param version  the format version found in the file
 * @param metadata the services and tags
 * @param extras   the other top-level fields, in file order (unmodifiable)
 */
public record MetadataDocument(int version, Metadata metadata, Map<String, JsonNode> extras) {

    public MetadataDocument {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extras.forEach((key, value) -> copy.put(key, value.deepCopy()));
        extras = Collections.unmodifiableMap(copy);
    }

    /** A new file: the current version, no extra fields. */
    public static MetadataDocument of(Metadata metadata) {
        return new MetadataDocument(MetadataJson.VERSION, metadata, Map.of());
    }

    /** The same document with other meta-data. */
    public MetadataDocument with(Metadata newMetadata) {
        return new MetadataDocument(version, newMetadata, extras);
    }

    /** Written by a newer version of the bundle: readable here, but not to be rewritten. */
    public boolean isNewer() {
        return version > MetadataJson.VERSION;
    }
}
