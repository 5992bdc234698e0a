package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class UnreadBodyTest {

    @Test
    void aRestWithinTheAllowanceIsReadToItsEnd() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[100_000]);
        assertTrue(UnreadBody.discard(in, 100_000));
        assertEquals(0, in.available());
        assertTrue(UnreadBody.discard(new ByteArrayInputStream(new byte[0]), 0));
    }

    @Test
    void aRestOverTheAllowanceStopsJustPastIt() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[100_001 + 50_000]);
        assertFalse(UnreadBody.discard(in, 100_000));
        assertEquals(50_000, in.available(), "reads one byte past the allowance, no more");
        assertFalse(UnreadBody.discard(new ByteArrayInputStream(new byte[1]), 0));
    }
}
