package io.punnet.deploy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class OsgiVersionTest {

    @Test
    void comparesNumbersNumericallyThenQualifierAsText() {
        assertTrue(OsgiVersion.parse("1.10.0").compareTo(OsgiVersion.parse("1.9.0")) > 0);
        assertTrue(OsgiVersion.parse("1.0.0").compareTo(OsgiVersion.parse("1.0.0.SNAPSHOT")) < 0);
        assertTrue(OsgiVersion.parse("1.0.0.SNAPSHOT").compareTo(OsgiVersion.parse("1.0.1")) < 0);
        assertEquals(0, OsgiVersion.parse("1").compareTo(OsgiVersion.parse("1.0.0")));
    }

    @Test
    void missingIsEmptyAndToStringIsCanonical() {
        assertEquals(OsgiVersion.EMPTY, OsgiVersion.parse(null));
        assertEquals("2.1.0", OsgiVersion.parse("2.1").toString());
        assertEquals("0.1.0.SNAPSHOT", OsgiVersion.parse("0.1.0.SNAPSHOT").toString());
    }

    @Test
    void malformedVersionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.parse("1.x"));
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.parse("1.0.0.a;b"));
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.parse("1..2"));
    }

    @Property(tries = 200)
    void orderIsConsistentWithItsTextForm(@ForAll @IntRange(max = 50) int a1, @ForAll @IntRange(max = 50) int a2,
            @ForAll @IntRange(max = 50) int b1, @ForAll @IntRange(max = 50) int b2) {
        OsgiVersion a = OsgiVersion.parse(a1 + "." + a2);
        OsgiVersion b = OsgiVersion.parse(b1 + "." + b2);
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
        assertEquals(a1 != b1 ? Integer.signum(Integer.compare(a1, b1)) : Integer.signum(Integer.compare(a2, b2)),
                Integer.signum(a.compareTo(b)));
        assertEquals(a, OsgiVersion.parse(a.toString()));
    }
}
