package io.punnet.metadata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.punnet.metadata.api.InvalidNameException;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nginx_webserver", "load_balancer", "a", "9", "redis-6.2", "x.y_z-0"})
    void validServiceNames(String name) {
        assertEquals(name, NameRules.service(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nginx|must start with a lower-case letter or a digit",
        "_private|must start with a lower-case letter or a digit",
        "nginx webserver|character U+0020 at position 6 is not allowed (use a-z, 0-9 and _ . -)",
        "ngiNx|character 'N' at position 4 is not allowed (use a-z, 0-9 and _ . -)",
        "a,b|character ',' at position 2 is not allowed (use a-z, 0-9 and _ . -)",
        "zone:a|character ':' at position 5 is not allowed (use a-z, 0-9 and _ . -)",
        "café|character U+00E9 at position 4 is not allowed (use a-z, 0-9 and _ . -)",
    })
    void invalidServiceNamesSayWhy(String name, String reason) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.service(name));
        assertEquals(reason, e.reason());
        assertEquals(name, e.name());
    }

    @Test
    void lengthAndEmptiness() {
        assertEquals("a".repeat(63), NameRules.service("a".repeat(63)));
        assertEquals("longer than 63 characters",
                assertThrows(InvalidNameException.class, () -> NameRules.service("a".repeat(64))).reason());
        assertEquals("a name is required", assertThrows(InvalidNameException.class, () -> NameRules.service("")).reason());
        assertEquals("a name is required", assertThrows(InvalidNameException.class, () -> NameRules.service(null)).reason());
    }

    @Test
    void tagsAllowAColonAndAreShorter() {
        assertEquals("zone:kitchen", NameRules.tag("zone:kitchen"));
        assertTrue(NameRules.isTag("b".repeat(32)));
        assertFalse(NameRules.isTag("b".repeat(33)));
        assertFalse(NameRules.isTag("rack=2"));
        assertFalse(NameRules.isTag(":x"));
        assertFalse(NameRules.isService("zone:kitchen"));
    }

    @Test
    void theMessageQuotesTheNameAndTheReason() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.service("A"));
        assertEquals("invalid name 'A': must start with a lower-case letter or a digit", e.getMessage());
    }
}
