package io.punnet.metadata.api;

/** A service or tag name breaks the naming rules (see {@link MetadataStore}). */
public class InvalidNameException extends MetadataException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String reason;

    /**
     * @param name   the refused name as given (may be null)
     * @param reason what is wrong with it, for example "longer than 63 characters"
     */
    public InvalidNameException(String name, String reason) {
        super("invalid name " + quote(name) + ": " + reason);
        this.name = name;
        this.reason = reason;
    }

    /** The refused name as given; may be null. */
    public String name() {
        return name;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }

    private static String quote(String name) {
        if (name == null) {
            return "null";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return "'" + shown + "'";
    }
}
