package io.punnet.metadata.core;

import java.util.ArrayList;
import java.util.List;

import io.punnet.metadata.api.DuplicateException;
import io.punnet.metadata.api.LimitExceededException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.metadata.api.NotFoundException;

/**
 * The four changes of a node's meta-data, as pure functions from the old value to the new one.
 * Each validates the name, refuses a change that would change nothing (duplicate, not found) and
 * enforces the caps ({@link MetadataStore#MAX_SERVICES}, {@link MetadataStore#MAX_TAGS}), which
 * keep the gossip form within one gossip value (see {@link MetadataGossipCodec}).
 */
public final class MetadataEdits {

    private MetadataEdits() {
    }

    public static Metadata addService(Metadata m, String name) {
        return new Metadata(added(m.services(), NameRules.service(name), "service", MetadataStore.MAX_SERVICES), m.tags());
    }

    public static Metadata removeService(Metadata m, String name) {
        return new Metadata(removed(m.services(), NameRules.service(name), "service"), m.tags());
    }

    public static Metadata addTag(Metadata m, String tag) {
        return new Metadata(m.services(), added(m.tags(), NameRules.tag(tag), "tag", MetadataStore.MAX_TAGS));
    }

    public static Metadata removeTag(Metadata m, String tag) {
        return new Metadata(m.services(), removed(m.tags(), NameRules.tag(tag), "tag"));
    }

    private static List<String> added(List<String> names, String name, String kind, int limit) {
        if (names.contains(name)) {
            throw new DuplicateException(kind, name);
        }
        if (names.size() >= limit) {
            throw new LimitExceededException(kind, limit);
        }
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return out;
    }

    private static List<String> removed(List<String> names, String name, String kind) {
        if (!names.contains(name)) {
            throw new NotFoundException(kind, name);
        }
        List<String> out = new ArrayList<>(names);
        out.remove(name);
        return out;
    }
}
