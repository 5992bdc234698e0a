package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String K16 = Base64.getEncoder().encodeToString(Hex.bytes("000102030405060708090a0b0c0d0e0f"));
    private static final String K32 = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void parsesCommaSeparatedKeysFirstOneSends() {
        KeyRing ring = KeyRing.parse(K32 + ", " + K16);
        assertEquals(2, ring.keys().size());
        assertEquals(ClusterKey.fromBase64(K32), ring.primary());
        assertEquals(List.of(ClusterKey.fromBase64(K16)), ring.withId(0xbe));
    }

    @Test
    void aKeyOfTheWrongSizeIsNamedByPosition() {
        String bad = Base64.getEncoder().encodeToString(new byte[24]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(K16 + "," + bad));
        assertTrue(e.getMessage().contains("cluster key 2 of 2"), e.getMessage());
        assertTrue(e.getMessage().contains("16 or 32 bytes"), e.getMessage());
    }

    @Test
    void notBase64IsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("not*base64"));
        assertTrue(e.getMessage().contains("base64"), e.getMessage());
    }

    @Test
    void emptyAndDuplicateRingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(""));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(K16 + "," + K16));
        assertThrows(IllegalArgumentException.class, () -> new KeyRing(List.of()));
    }

    @Test
    void theKeyNeverPrints() {
        String printed = KeyRing.parse(K16).toString();
        assertFalse(printed.contains(K16), printed);
        assertEquals("KeyRing[ClusterKey[id=190]]", printed);
    }
}
