package io.punnet.metadata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rules are exactly the documented expressions, on names near the edges. */
class NameRulesPropertiesTest {

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,31}");

    @Property(tries = 1000)
    void serviceNamesAreExactlyTheDocumentedPattern(@ForAll("candidates") String name) {
        assertEquals(SERVICE.matcher(name).matches(), NameRules.isService(name), name);
    }

    @Property(tries = 1000)
    void tagsAreExactlyTheDocumentedPattern(@ForAll("candidates") String name) {
        assertEquals(TAG.matcher(name).matches(), NameRules.isTag(name), name);
    }

    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.strings().withChars("az09_.-:A ,;=é\n").ofMinLength(0).ofMaxLength(70);
    }
}
