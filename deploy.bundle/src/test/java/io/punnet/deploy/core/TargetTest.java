package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @Test
    void allMatchesEveryNode() {
        Target all = Target.parse("all");
        assertTrue(all.matches("pi-1", Set.of()));
        assertEquals("all", all.toString());
    }

    @Test
    void tagMatchesNodesCarryingTheTag() {
        Target t = Target.parse("tag:zone:kitchen");
        assertTrue(t.matches("pi-1", Set.of("rack-2", "zone:kitchen")));
        assertFalse(t.matches("pi-2", Set.of("rack-2")));
        assertEquals("tag:zone:kitchen", t.toString());
    }

    @Test
    void nodeListIsSortedDedupedAndMatchesByName() {
        Target t = Target.parse("node:pi-3,pi-1,pi-3");
        assertEquals(List.of("pi-1", "pi-3"), t.value());
        assertTrue(t.matches("pi-3", Set.of()));
        assertFalse(t.matches("pi-2", Set.of("pi-3")));
        assertEquals("node:pi-1,pi-3", t.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "everyone", "tag:", "node:", "node:a,,b", "node:a;b", "tag:a|b", "node:-x", "ALL"})
    void malformedTargetsAreRefusedWithAMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void overlongTargetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Target.parse("node:" + "a,".repeat(150) + "b"));
    }
}
