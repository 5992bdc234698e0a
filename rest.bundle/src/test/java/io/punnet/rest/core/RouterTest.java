package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final Problems problems = new Problems(new Json());
    private final List<RuntimeException> bugs = new ArrayList<>();

    private Router router(Route... routes) {
        return new Router(List.of(routes), new Guard(new TokenCheck("t0123456789abcdef"), a -> false), problems, bugs::add);
    }

    private static Reply ok(String text) {
        return Reply.json(200, text.getBytes());
    }

    @Test
    void pathParametersAreOneSegment() {
        Router router = router(Route.get("/a/{x}/b", call -> ok(call.param("x"))));
        assertEquals("value", router.dispatch(Call.of("GET", "/a/value/b")).text());
        assertEquals(404, router.dispatch(Call.of("GET", "/a//b")).status());
        assertEquals(404, router.dispatch(Call.of("GET", "/a/x/y/b")).status());
        assertEquals(404, router.dispatch(Call.of("GET", "/a/x/b/")).status());
    }

    @Test
    void anUnknownPathIsAJson404() {
        Reply reply = router(Route.get("/a", call -> ok("a"))).dispatch(Call.of("GET", "/nope"));
        assertEquals(404, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no route /nope\"}", reply.text());
    }

    @Test
    void anotherMethodIs405WithAllow() {
        Router router = router(Route.get("/a", call -> ok("a")), Route.change("DELETE", "/a", call -> ok("d")));
        Reply reply = router.dispatch(Call.of("POST", "/a"));
        assertEquals(405, reply.status());
        assertEquals("DELETE, GET", reply.headers().get("Allow"));
    }

    @Test
    void headIsAnsweredByGet() {
        assertEquals("a", router(Route.get("/a", call -> ok("a"))).dispatch(Call.of("HEAD", "/a")).text());
    }

    @Test
    void aServiceGoingAwayIs503AndABugIs500() {
        Router router = router(Route.get("/gone", call -> {
            throw new IllegalStateException("stopping");
        }), Route.get("/bug", call -> {
            throw new NullPointerException();
        }));
        assertEquals(503, router.dispatch(Call.of("GET", "/gone")).status());
        assertTrue(bugs.isEmpty());
        Reply bug = router.dispatch(Call.of("GET", "/bug"));
        assertEquals(500, bug.status());
        assertEquals(1, bugs.size());
    }

    @Test
    void aChangeIsNeverOpen() {
        assertThrows(IllegalArgumentException.class, () -> new Route("PUT", "/x", Access.OPEN, false, call -> ok("")));
    }

    @Test
    void aChangeWithoutTheTokenNeverRunsItsHandler() {
        boolean[] ran = {false};
        Router router = router(Route.change("PUT", "/x", call -> {
            ran[0] = true;
            return ok("");
        }));
        assertEquals(401, router.dispatch(Call.of("PUT", "/x")).status());
        assertFalse(ran[0]);
    }
}
