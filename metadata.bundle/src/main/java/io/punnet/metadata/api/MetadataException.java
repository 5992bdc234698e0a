package io.punnet.metadata.api;

/**
 * A change of the meta-data that was refused; the message says why, in words fit for an operator.
 * Nothing was changed when one is thrown.
 */
public abstract class MetadataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected MetadataException(String message) {
        super(message);
    }
}
