package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The document and the router agree: every route is described, and nothing else is. */
class OpenApiTest {

    @Test
    void everyRouteAndMethodIsDescribed() throws IOException {
        Fixture f = new Fixture();
        Reply reply = f.get("/openapi.json");
        assertEquals(200, reply.status());
        JsonNode paths = new ObjectMapper().readTree(reply.body()).get("paths");
        Set<String> described = new TreeSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String path = it.next();
            paths.get(path).fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " " + path));
        }
        Set<String> served = new TreeSet<>();
        f.api().router().routes().forEach(route -> served.add(route.method() + " " + route.template()));
        served.add("GET /api/v1/events"); // the event stream is served beside the router
        assertEquals(served, described);
    }
}
