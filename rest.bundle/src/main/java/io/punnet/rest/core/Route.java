package io.punnet.rest.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method and path template, such as {@code PUT /meta-data/add-service/{service}}. A template
 * segment in braces matches exactly one non-empty path segment and becomes a path parameter.
 *
 * @param method   the HTTP method
 * @param template the path template
 * @param access   who may call it
 * @param legacy   true for the original routes: their errors also carry {@code {"err": …}}
 * @param handler  the logic
 * @param streamed true when the servlet must hand the body over unread ({@link Call#stream()}) instead
 *                 of reading it within its small body cap: the route reads it to a cap of its own
 */
public record Route(String method, String template, Access access, boolean legacy, Handler handler,
        boolean streamed) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with '/': " + template);
        }
        if (!"GET".equals(method) && access == Access.OPEN) {
            throw new IllegalArgumentException("a mutating route must not be open: " + method + " " + template);
        }
    }

    /** A route whose body is read by the servlet within its cap. */
    public Route(String method, String template, Access access, boolean legacy, Handler handler) {
        this(method, template, access, legacy, handler, false);
    }

    /** An open read. */
    public static Route get(String template, Handler handler) {
        return new Route("GET", template, Access.OPEN, false, handler);
    }

    /** A change that needs the token. */
    public static Route change(String method, String template, Handler handler) {
        return new Route(method, template, Access.TOKEN, false, handler);
    }

    /** A change that needs the token and reads its (large) body itself, from {@link Call#stream()}. */
    public static Route upload(String method, String template, Handler handler) {
        return new Route(method, template, Access.TOKEN, false, handler, true);
    }

    /** The template's segments, split once (the router keeps them). */
    List<String> segments() {
        return Paths.segments(template);
    }

    /** The path parameters if {@code path} fits the template (split into {@code parts}), else null. */
    static Map<String, String> match(List<String> parts, List<String> pathSegments) {
        if (parts.size() != pathSegments.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String segment = pathSegments.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segment.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>();
                }
                params.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
