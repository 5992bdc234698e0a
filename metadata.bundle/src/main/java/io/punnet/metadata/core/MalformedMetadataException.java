package io.punnet.metadata.core;

/** The meta-data file is not valid JSON, or not the shape this version writes; the message says how. */
public final class MalformedMetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedMetadataException(String message) {
        super(message);
    }
}
