package io.punnet.rest.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer: status, media type, body bytes and extra headers. Bodies are rendered before
 * they leave a route, so a cached body is one shared, never-modified byte array.
 *
 * @param status      the HTTP status
 * @param contentType the media type (with charset where it applies)
 * @param body        the body; callers must not modify it
 * @param headers     extra response headers
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    public Reply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A JSON body already rendered. */
    public static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of());
    }

    /** A text body in the Prometheus exposition format. */
    public static Reply prometheus(String text) {
        return new Reply(200, PROMETHEUS, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** This reply with one more header. */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    /** The body as text (tests and logs). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
