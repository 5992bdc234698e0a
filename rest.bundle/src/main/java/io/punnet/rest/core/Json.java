package io.punnet.rest.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Renders the views (maps, lists, strings, numbers, null) to UTF-8 JSON bytes. Views are built as
 * ordered maps rather than annotated classes, so that each route's JSON shape is written down in
 * one place and asserted exactly by the tests. Thread safe; one instance is shared by all routes.
 */
public final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The JSON bytes of a view. */
    public byte[] bytes(Object view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a view as JSON", e);
        }
    }

    /** The JSON text of a view (the SSE data lines). */
    public String text(Object view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a view as JSON", e);
        }
    }
}
