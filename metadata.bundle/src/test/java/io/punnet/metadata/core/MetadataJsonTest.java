package io.punnet.metadata.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.punnet.metadata.api.Metadata;

class MetadataJsonTest {

    private static final String GOLDEN = """
            {
              "version" : 1,
              "services" : [ "load_balancer", "nginx_webserver" ],
              "tags" : [ "rack-2" ]
            }
            """;

    private final MetadataJson json = new MetadataJson();
    private final Metadata typical = new Metadata(List.of("nginx_webserver", "load_balancer"), List.of("rack-2"));

    private MetadataDocument read(String text) throws MalformedMetadataException {
        return json.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goldenWrite() {
        assertEquals(GOLDEN, new String(json.write(MetadataDocument.of(typical)), StandardCharsets.UTF_8));
    }

    @Test
    void goldenRead() throws MalformedMetadataException {
        MetadataDocument doc = read(GOLDEN);
        assertEquals(typical, doc.metadata());
        assertEquals(1, doc.version());
        assertFalse(doc.isNewer());
    }

    @Test
    void aHandWrittenFileMayLeaveOutVersionAndLists() throws MalformedMetadataException {
        assertEquals(new Metadata(List.of("nginx"), List.of()), read("{\"services\": [\"nginx\", \"nginx\"]}").metadata());
        assertEquals(Metadata.empty(), read("{}").metadata());
    }

    @Test
    void otherFieldsAreKeptAndWrittenBack() throws MalformedMetadataException {
        MetadataDocument doc = read("{\"owner\": {\"name\": \"ada\"}, \"services\": [\"a\"], \"note\": [1, 2]}");
        MetadataDocument changed = doc.with(new Metadata(List.of("a", "b"), List.of()));
        String written = new String(json.write(changed), StandardCharsets.UTF_8);
        MetadataDocument back = read(written);
        assertEquals(changed, back);
        assertEquals("ada", back.extras().get("owner").get("name").textValue());
        assertTrue(written.indexOf("\"owner\"") < written.indexOf("\"note\""), "file order kept");
    }

    @Test
    void writingIsDeterministic() throws MalformedMetadataException {
        MetadataDocument doc = read("{\"x\": 1, \"services\": [\"b\", \"a\"]}");
        assertArrayEquals(json.write(doc), json.write(read(new String(json.write(doc), StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|the file is empty",
        "'   '|the file is empty",
        "[]|the top level is not a JSON object",
        "{\"services\": \"nginx\"}|\"services\" is not an array",
        "{\"services\": [1]}|\"services\" holds a non-string: 1",
        "{\"tags\": [\"Rack\"]}|\"tags\": invalid name 'Rack': must start with a lower-case letter or a digit",
        "{\"version\": \"1\"}|\"version\" is not a positive whole number: \"1\"",
        "{\"version\": 0}|\"version\" is not a positive whole number: 0",
        "{\"services\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}|\"services\" has more than 10 names",
    })
    void refusesWhatItDoesNotUnderstand(String text, String problem) {
        assertEquals(problem, assertThrows(MalformedMetadataException.class, () -> read(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"services\": [\"a\"]",
        "{\"services\": [\"a\"]} trailing",
        "{\"tags\": [], \"tags\": [\"x\"]}",
        "not json at all",
    })
    void brokenJsonIsRefusedWithItsPlace(String text) {
        String problem = assertThrows(MalformedMetadataException.class, () -> read(text)).getMessage();
        assertTrue(problem.startsWith("not valid JSON: ") && problem.contains("(line 1, column"), problem);
        assertFalse(problem.contains("\n") || problem.contains("start marker"), problem);
    }

    @Test
    void aNewerFileIsReadLenientlyAndFlagged() throws MalformedMetadataException {
        MetadataDocument doc = read("{\"version\": 2, \"services\": [\"a\", {\"name\": \"b\"}], \"tags\": \"x\"}");
        assertTrue(doc.isNewer());
        assertEquals(new Metadata(List.of("a"), List.of()), doc.metadata());
    }
}
