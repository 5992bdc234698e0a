package io.punnet.rest.core;

import java.io.UncheckedIOException;
import java.util.function.Function;

import io.punnet.metadata.api.DuplicateException;
import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.LimitExceededException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.metadata.api.NotFoundException;

/**
 * One change of this node's meta-data, with the store's typed refusals mapped to HTTP: a bad name
 * 400, a duplicate or a full list 409, a missing name 404, a disk that would not take the write 503.
 * Nothing changed when a refusal is returned (the store's contract).
 */
public enum MetadataChange {
    ADD_SERVICE(MetadataStore::addService),
    REMOVE_SERVICE(MetadataStore::removeService),
    ADD_TAG(MetadataStore::addTag),
    REMOVE_TAG(MetadataStore::removeTag);

    private final java.util.function.BiFunction<MetadataStore, String, Metadata> operation;

    MetadataChange(java.util.function.BiFunction<MetadataStore, String, Metadata> operation) {
        this.operation = operation;
    }

    /** The change for a method ({@code PUT} adds, {@code DELETE} removes) and a kind ("services" or "tags"). */
    public static MetadataChange of(String method, String kind) {
        boolean add = "PUT".equals(method);
        return switch (kind) {
            case "services" -> add ? ADD_SERVICE : REMOVE_SERVICE;
            case "tags" -> add ? ADD_TAG : REMOVE_TAG;
            default -> throw new IllegalArgumentException("no such kind " + kind);
        };
    }

    /**
     * Applies the change to the store and renders the result with {@code success}, or the refusal
     * with {@code refusal} (status, reason).
     */
    public Reply apply(MetadataStore store, String name, Function<Metadata, Reply> success, Refusal refusal) {
        try {
            return success.apply(operation.apply(store, name));
        } catch (InvalidNameException e) {
            return refusal.reply(400, e.getMessage());
        } catch (DuplicateException | LimitExceededException e) {
            return refusal.reply(409, e.getMessage());
        } catch (NotFoundException e) {
            return refusal.reply(404, e.getMessage());
        } catch (UncheckedIOException e) {
            return refusal.reply(503, "meta-data.json could not be written, nothing changed: " + e.getMessage());
        }
    }

    /** Renders a refusal. */
    @FunctionalInterface
    public interface Refusal {
        Reply reply(int status, String reason);
    }
}
