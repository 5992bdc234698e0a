package io.punnet.rest.core;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One HTTP request as the routes see it, free of any servlet type so that the routes are tested
 * without a container.
 *
 * @param method        the HTTP method, upper case
 * @param path          the request path, decoded, without the query string
 * @param header        looks up a request header by name (case-insensitive); null when absent
 * @param remoteAddress the client's IP address literal
 * @param body          the request body, already read within the size cap (empty for none)
 * @param params        the path parameters of the matched route ({@code {service}} → value)
 * @param query         the raw query string (still percent-encoded), empty for none
 * @param stream        the unread body of a {@link Route#streamed() streamed} route; for any other
 *                      route it reads {@code body}
 */
public record Call(String method, String path, Function<String, String> header, String remoteAddress,
        byte[] body, Map<String, String> params, String query, BodyStream stream) {

    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(header, "header");
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        body = body == null ? new byte[0] : body;
        params = Map.copyOf(params);
        query = query == null ? "" : query;
        if (stream == null) {
            byte[] held = body;
            stream = () -> new ByteArrayInputStream(held);
        }
    }

    /** A call whose body was read already, without a query string. */
    public Call(String method, String path, Function<String, String> header, String remoteAddress, byte[] body,
            Map<String, String> params) {
        this(method, path, header, remoteAddress, body, params, "", null);
    }

    /** A call without headers, body or parameters (tests, internal use). */
    public static Call of(String method, String path) {
        return new Call(method, path, name -> null, "127.0.0.1", new byte[0], Map.of());
    }

    /** This call with the path parameters of the route it matched. */
    public Call withParams(Map<String, String> matched) {
        return new Call(method, path, header, remoteAddress, body, matched, query, stream);
    }

    /** One path parameter; the route guarantees it exists. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name);
        }
        return value;
    }

    /** True for the methods that may change something. */
    public boolean isMutating() {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }
}
