package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class QueryTest {

    private static final Set<String> KNOWN = Set.of("target", "force", "canary");

    @Test
    void valuesAreDecodedAndFlagsRead() {
        Query q = Query.parse("target=tag%3Ar%C3%A4ck+2&force&canary=0", KNOWN);
        assertEquals("tag:räck 2", q.get("target", "all"));
        assertTrue(q.flag("force"));
        assertFalse(q.flag("canary"));
        assertEquals("x", Query.parse("", KNOWN).get("target", "x"));
        assertFalse(Query.parse(null, KNOWN).flag("force"));
        assertEquals("node:a,b", Query.parse("&target=node:a,b&", KNOWN).get("target", null));
    }

    @Test
    void mistakesAreClearErrors() {
        assertEquals("unknown query parameter 'forse'; known: canary, force, target",
                assertThrows(IllegalArgumentException.class, () -> Query.parse("forse", KNOWN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Query.parse("force&force", KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Query.parse("target=%4", KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Query.parse("target=%g1", KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Query.parse("force=yes", KNOWN).flag("force"));
    }
}
