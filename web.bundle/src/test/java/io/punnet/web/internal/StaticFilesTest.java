package io.punnet.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Rules the dashboard's static files keep: no markup built from strings (network data must stay
 * text), nothing the page's Content-Security-Policy would refuse, every imported module present,
 * and a page weight a Pi serves and a phone renders without noticing.
 */
class StaticFilesTest {

    /** The whole page, every file once: raw and gzipped budgets (the figures are printed). */
    static final long BUDGET_RAW_BYTES = 64 * 1024;
    static final long BUDGET_GZIP_BYTES = 20 * 1024;

    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");
    private static final Pattern MARKUP_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|setAttribute\\('on");

    @Test
    void noScriptBuildsMarkupFromStrings() throws Exception {
        for (Path script : scripts()) {
            Matcher sink = MARKUP_SINKS.matcher(Files.readString(script));
            if (sink.find()) {
                throw new AssertionError(script.getFileName() + " uses " + sink.group());
            }
        }
    }

    @Test
    void thePageHasNoInlineScriptOrStyleAttributeForItsPolicyToRefuse() throws Exception {
        String page = Files.readString(root().resolve("index.html"));
        Matcher tag = Pattern.compile("<script([^>]*)>").matcher(page);
        int scripts = 0;
        while (tag.find()) {
            scripts++;
            assertTrue(tag.group(1).contains("src="), "inline script: " + tag.group());
        }
        assertEquals(1, scripts);
        assertTrue(!page.contains(" style=") && !page.contains("<style"), "inline style in index.html");
        assertTrue(!Pattern.compile("\\son[a-z]+=").matcher(page).find(), "inline event handler in index.html");
        for (Path script : scripts()) {
            assertTrue(!Files.readString(script).contains("'style'"), script.getFileName() + " sets a style attribute");
        }
    }

    @Test
    void everyImportedModuleIsThere() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path script : scripts()) {
            Matcher m = IMPORT.matcher(Files.readString(script));
            while (m.find()) {
                if (!Files.isRegularFile(script.resolveSibling(m.group(1)))) {
                    missing.add(script.getFileName() + " -> " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void thePageIsLight() throws Exception {
        long raw = 0;
        long gzip = 0;
        int files = 0;
        try (Stream<Path> all = Files.walk(root())) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                raw += bytes.length;
                gzip += gzipped(bytes);
                files++;
            }
        }
        System.out.printf("dashboard page weight: %d files, %d bytes, %d bytes gzipped (each file alone)%n", files, raw, gzip);
        assertTrue(raw <= BUDGET_RAW_BYTES, raw + " bytes > " + BUDGET_RAW_BYTES);
        assertTrue(gzip <= BUDGET_GZIP_BYTES, gzip + " gzipped bytes > " + BUDGET_GZIP_BYTES);
    }

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    private static Path root() throws URISyntaxException {
        return Path.of(StaticFilesTest.class.getResource("/static/index.html").toURI()).getParent();
    }

    private static List<Path> scripts() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(root().resolve("assets"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
            assertTrue(scripts.size() > 5, "no scripts found under " + root());
            return scripts;
        }
    }
}
