package io.punnet.metadata.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;

/**
 * The JSON form of {@code meta-data.json}:
 *
 * <pre>
 * {
 *   "version" : 1,
 *   "services" : [ "load_balancer", "nginx_webserver" ],
 *   "tags" : [ "rack-2" ]
 * }
 * </pre>
 *
 * <p>Reading is strict, because a file that is not understood must be kept aside rather than
 * overwritten: the root must be an object, without duplicate keys or trailing content;
 * {@code services} and {@code tags} (each optional, default empty) must be arrays of valid names
 * within the caps; {@code version} is optional (a hand-written file may leave it out) and means 1.
 * Other top-level fields are kept (see {@link MetadataDocument}). A file of a newer version is read
 * leniently (what is understood is used) and flagged {@link MetadataDocument#isNewer()}.
 *
 * <p>Writing is deterministic (the same document gives the same bytes): version, services, tags,
 * then the other fields, indented, with a final newline. Thread safe.
 */
public final class MetadataJson {

    /** The format version written. */
    public static final int VERSION = 1;

    private static final String VERSION_FIELD = "version";
    private static final String SERVICES = "services";
    private static final String TAGS = "tags";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Reads a file's bytes. */
    public MetadataDocument read(byte[] content) throws MalformedMetadataException {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JacksonException e) {
            throw new MalformedMetadataException("not valid JSON: " + oneLine(e.getOriginalMessage())
                    + location(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedMetadataException("the file is empty");
        }
        if (!root.isObject()) {
            throw new MalformedMetadataException("the top level is not a JSON object");
        }
        int version = version(root.get(VERSION_FIELD));
        boolean newer = version > VERSION;
        List<String> services = names(root.get(SERVICES), SERVICES, NameRules::service,
                MetadataStore.MAX_SERVICES, newer);
        List<String> tags = names(root.get(TAGS), TAGS, NameRules::tag, MetadataStore.MAX_TAGS, newer);
        return new MetadataDocument(version, new Metadata(services, tags), extras(root));
    }

    /** The bytes of a document. */
    public byte[] write(MetadataDocument doc) {
        ObjectNode root = mapper.createObjectNode();
        root.put(VERSION_FIELD, doc.version());
        doc.metadata().services().forEach(root.putArray(SERVICES)::add);
        doc.metadata().tags().forEach(root.putArray(TAGS)::add);
        doc.extras().forEach(root::set);
        try {
            byte[] json = mapper.writeValueAsBytes(root);
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a tree of strings: " + e, e);
        }
    }

    private static int version(JsonNode node) throws MalformedMetadataException {
        if (node == null) {
            return VERSION;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw new MalformedMetadataException("\"version\" is not a positive whole number: " + node);
        }
        return node.intValue();
    }

    /**
     * The names of one array field. Strict for this version; for a newer one, what does not fit is
     * skipped instead.
     */
    private static List<String> names(JsonNode node, String field, Function<String, String> rule,
            int limit, boolean lenient) throws MalformedMetadataException {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            return refuse(lenient, out, "\"" + field + "\" is not an array");
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return refuse(lenient, out, "\"" + field + "\" holds a non-string: " + element);
            }
            try {
                out.add(rule.apply(element.textValue()));
            } catch (InvalidNameException e) {
                refuse(lenient, out, "\"" + field + "\": " + e.getMessage());
            }
        }
        if (out.stream().distinct().count() > limit) {
            return refuse(lenient, out.subList(0, limit), "\"" + field + "\" has more than " + limit + " names");
        }
        return out;
    }

    private static List<String> refuse(boolean lenient, List<String> soFar, String problem)
            throws MalformedMetadataException {
        if (lenient) {
            return soFar;
        }
        throw new MalformedMetadataException(problem);
    }

    private static Map<String, JsonNode> extras(JsonNode root) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (!key.equals(VERSION_FIELD) && !key.equals(SERVICES) && !key.equals(TAGS)) {
                extras.put(key, field.getValue());
            }
        }
        return extras;
    }

    /** Jackson's message without its source excerpt, on one line (it goes into one log line). */
    private static String oneLine(String message) {
        String text = message == null ? "" : message;
        int excerpt = text.indexOf(" (start marker at");
        if (excerpt >= 0) {
            text = text.substring(0, excerpt);
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
