package io.punnet.rest.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers as RFC 9457 {@code application/problem+json}: {@code status}, {@code title} (the
 * HTTP reason) and {@code detail} (what was wrong, for a person). The original routes' clients read
 * {@code err}, so their errors carry the same reason in an {@code err} member as well: one body
 * serves both kinds of client.
 */
public final class Problems {

    private final Json json;

    public Problems(Json json) {
        this.json = json;
    }

    /** A problem answer. */
    public Reply of(int status, String detail) {
        return new Reply(status, Reply.PROBLEM, json.bytes(body(status, detail)), Map.of());
    }

    /** A problem answer with one more member (such as a machine-readable {@code reason}). */
    public Reply of(int status, String detail, String member, Object value) {
        Map<String, Object> body = body(status, detail);
        body.put(member, value);
        return new Reply(status, Reply.PROBLEM, json.bytes(body), Map.of());
    }

    /** A problem answer that the original scripts understand too ({@code {"err": reason}}). */
    public Reply legacy(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("err", detail);
        body.putAll(body(status, detail));
        return new Reply(status, Reply.PROBLEM, json.bytes(body), Map.of());
    }

    private static Map<String, Object> body(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title(status));
        body.put("detail", detail);
        return body;
    }

    /** The standard reason phrase of the statuses this API uses. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
