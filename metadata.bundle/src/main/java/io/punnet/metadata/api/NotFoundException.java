package io.punnet.metadata.api;

/** The service or tag to remove is not there. */
public class NotFoundException extends MetadataException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param kind "service" or "tag"
     * @param name the name that is absent
     */
    public NotFoundException(String kind, String name) {
        super(kind + " '" + name + "' is not present");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
