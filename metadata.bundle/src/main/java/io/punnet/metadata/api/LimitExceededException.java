package io.punnet.metadata.api;

/**
 * The node already has the most services or tags allowed ({@link MetadataStore#MAX_SERVICES},
 * {@link MetadataStore#MAX_TAGS}); the caps keep the gossiped form of any node's meta-data within
 * one gossip value.
 */
public class LimitExceededException extends MetadataException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    /**
     * @param kind  "service" or "tag"
     * @param limit the most allowed
     */
    public LimitExceededException(String kind, int limit) {
        super("at most " + limit + " " + kind + "s per node; remove one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
