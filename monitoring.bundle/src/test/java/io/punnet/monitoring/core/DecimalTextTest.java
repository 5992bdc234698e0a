package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

    @Test
    void roundsHalfAwayFromZeroAndDropsTrailingZeros() {
        assertEquals("12.5", DecimalText.format(12.5, 1));
        assertEquals("12.5", DecimalText.format(12.46, 1));
        assertEquals("3", DecimalText.format(3.0, 2));
        assertEquals("0.41", DecimalText.format(0.414, 2));
        assertEquals("0.05", DecimalText.format(0.049999, 2));
        assertEquals("-4.3", DecimalText.format(-4.25, 1));
        assertEquals("-3.5", DecimalText.format(-3.5, 1));
        assertEquals("0", DecimalText.format(-0.04, 1), "no negative zero");
        assertEquals("100", DecimalText.format(99.96, 1));
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.25", DecimalText.format(1.25, 2));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void notFiniteOrHugeIsNotWritten() {
        assertNull(DecimalText.format(Double.NaN, 1));
        assertNull(DecimalText.format(Double.POSITIVE_INFINITY, 1));
        assertNull(DecimalText.format(1e13, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e5", "0x10", "1,5", "", "-", ".5", "5.", "1.1234567", " 1"})
    void strictParsingRefusesOtherForms(String text) {
        assertNull(DecimalText.parseDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "", "99999999999999999999", "+3", "12a"})
    void countsAreNonNegativeWholeNumbersThatFitALong(String text) {
        assertNull(DecimalText.parseCount(text));
    }

    @Test
    void parsesWhatItWrites() {
        assertEquals(-3.5, DecimalText.parseDecimal(DecimalText.format(-3.5, 1)));
        assertEquals(Long.MAX_VALUE, DecimalText.parseCount(Long.toString(Long.MAX_VALUE)));
    }
}
