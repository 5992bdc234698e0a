package io.punnet.metadata.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.core.MetadataDocument;
import io.punnet.metadata.core.MetadataJson;

/**
 * The child process of {@link CrashSafetyTest}: it opens {@code meta-data.json} as the store does
 * (clearing stale temporaries, reading the file), prints {@code ready <counter>}, then rewrites the
 * file as fast as it can with counter 1, 2, 3, … printing each counter after its write returned,
 * until it is killed (or its parent is gone, or {@value #LIFETIME_SECONDS} s passed).
 *
 * <p>Arguments: the file, the padding size in bytes (a bigger file makes a torn write more likely
 * to be seen), and a mode: {@code atomic} (the default), {@code naive}, which writes in place
 * ({@code Files.write}: truncate, then write) so that the test can show it catches such a writer,
 * or {@code warmup}, which stops by itself after {@value #WARMUP_WRITES} writes (for trying it by
 * hand).
 */
public final class CrashingWriter {

    private static final int LIFETIME_SECONDS = 20;
    private static final int WARMUP_WRITES = 20;

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int padding = Integer.parseInt(args[1]);
        String mode = args.length > 2 ? args[2] : "atomic";
        boolean naive = mode.equals("naive");
        long writes = mode.equals("warmup") ? WARMUP_WRITES : Long.MAX_VALUE;
        MetadataFile file = new MetadataFile(path, Clock.systemUTC());
        file.removeStaleTemporaries();
        long counter = counter(file.load(Metadata.empty(), "empty meta-data"));
        MetadataJson json = new MetadataJson();
        json.write(document(counter, padding)); // load and link the writing code before "ready"
        UUID.randomUUID();
        System.out.println("ready " + counter);
        System.out.flush();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIFETIME_SECONDS);
        // never outlive the test: stop when the parent is gone (broken pipe) or after a while
        for (long n = 0; n < writes && !System.out.checkError() && System.nanoTime() < end; n++) {
            counter++;
            MetadataDocument doc = document(counter, padding);
            if (naive) {
                Files.write(path, json.write(doc));
            } else {
                file.save(doc);
            }
            System.out.println(counter);
            System.out.flush();
        }
    }

    /** The document written for {@code counter}: every byte of it depends on the counter. */
    static MetadataDocument document(long counter, int padding) {
        char fill = (char) ('a' + counter % 26);
        Map<String, JsonNode> extras = new LinkedHashMap<>(); // a fixed order: the bytes are compared
        extras.put("counter", LongNode.valueOf(counter));
        extras.put("padding", TextNode.valueOf(String.valueOf(fill).repeat(padding)));
        return new MetadataDocument(1, new Metadata(List.of("svc-" + counter), List.of("gen-" + counter % 7)), extras);
    }

    static long counter(MetadataDocument doc) {
        JsonNode counter = doc.extras().get("counter");
        return counter == null ? 0 : counter.longValue();
    }

    static String describe(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + content.length + " bytes)";
    }
}
