package io.punnet.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotFoundTest {

    @Test
    void pathsAreEscapedIntoValidJsonWithoutMarkup() {
        assertEquals("/a\\\"b\\\\c\\u003cscript\\u003e\\u000a", NotFound.jsonEscape("/a\"b\\c<script>\n"));
        assertEquals("/nodes/alive", NotFound.jsonEscape("/nodes/alive"));
    }
}
