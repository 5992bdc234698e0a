package io.punnet.rest.core;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a call as a stream, for the few routes that take bodies too large to hold in memory
 * (a bundle jar): the servlet hands the request's input stream over unread, and the route reads it
 * to its own cap. The caller (the container) closes it.
 */
@FunctionalInterface
public interface BodyStream {

    /** Opens the body; called at most once per call. */
    InputStream open() throws IOException;
}
