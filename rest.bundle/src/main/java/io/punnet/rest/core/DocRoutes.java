package io.punnet.rest.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, kept beside the code in
 * this bundle's {@code openapi.json} resource (a test checks that it names every route the router
 * has, and no other).
 */
public final class DocRoutes implements RouteGroup {

    /** The resource that holds the document. */
    public static final String RESOURCE = "/openapi.json";

    private final byte[] document;

    public DocRoutes() {
        this.document = load();
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/openapi.json", call -> Reply.json(200, document)));
    }

    static byte[] load() {
        try (InputStream in = DocRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the rest bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
