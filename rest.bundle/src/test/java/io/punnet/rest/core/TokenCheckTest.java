package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenCheckTest {

    private final TokenCheck check = new TokenCheck("s3cret-token-0123456789");

    @Test
    void theRightBearerTokenPasses() {
        assertTrue(check.accepts("Bearer s3cret-token-0123456789"));
        assertTrue(check.accepts("bearer s3cret-token-0123456789"));
    }

    @Test
    void anythingElseFails() {
        assertFalse(check.accepts(null));
        assertFalse(check.accepts(""));
        assertFalse(check.accepts("Bearer "));
        assertFalse(check.accepts("Bearer s3cret-token-012345678"));
        assertFalse(check.accepts("Bearer s3cret-token-0123456789x"));
        assertFalse(check.accepts("Basic s3cret-token-0123456789"));
        assertFalse(check.accepts("s3cret-token-0123456789"));
    }

    @Test
    void withoutATokenNothingPasses() {
        assertFalse(new TokenCheck("").accepts("Bearer "));
        assertFalse(new TokenCheck(null).accepts("Bearer null"));
        assertFalse(new TokenCheck("  ").accepts("Bearer   "));
    }
}
