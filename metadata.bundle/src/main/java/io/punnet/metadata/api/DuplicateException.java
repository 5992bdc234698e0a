package io.punnet.metadata.api;

/** The service or tag to add is already there. */
public class DuplicateException extends MetadataException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param kind "service" or "tag"
     * @param name the name that is already present
     */
    public DuplicateException(String kind, String name) {
        super(kind + " '" + name + "' is already present");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
