package io.punnet.webtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WindowType;

/**
 * The dashboard of a real cluster in a real Chromium: three node processes of the distribution on
 * 127.0.0.1 (the second and third seeded with the first), the page opened once on the first node
 * and never reloaded. It must list every node, show a service added through another node, and
 * follow a killed node from alive to suspect to dead. Screenshots go to target/.
 * Skipped when Chromium, chromedriver, the distribution or its REST API are missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ClusterDashboardTest {

    private static final String TOKEN = "webtest-token-0123456789abcdef";
    private static final List<NodeProcess> NODES = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Browser browser;
    private static String skipped;

    @BeforeAll
    static void startClusterAndBrowser() throws Exception {
        skipped = Browser.missing() != null ? Browser.missing() : TestDistribution.missing();
        if (skipped != null) {
            return;
        }
        browser = Browser.start();
        Path home = TestDistribution.prepare();
        NodeProcess first = NodeProcess.start(home, "n1", Map.of("PUNNET_API_TOKEN", TOKEN));
        NODES.add(first);
        String seed = "127.0.0.1:" + first.gossipPort;
        for (String name : List.of("n2", "n3")) {
            NODES.add(NodeProcess.start(home, name, Map.of("PUNNET_API_TOKEN", TOKEN, "PUNNET_SEEDS", seed)));
        }
        for (NodeProcess node : NODES) {
            int status = node.awaitAnswer("/api/v1/nodes", Duration.ofSeconds(60));
            if (status != 200) {
                skipped = "this distribution has no /api/v1/nodes yet (HTTP " + status + "): rebuild run with the REST bundle";
                return;
            }
        }
        awaitAlive(3, Duration.ofSeconds(30));
        browser.driver.get(first.url("/"));
        browser.script("window.sameDocument = true;");
    }

    @BeforeEach
    void skipWithoutBrowserOrApi() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            for (NodeProcess node : NODES) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void theTableListsEveryNodeAlive() throws Exception {
        browser.waiting(Duration.ofSeconds(20)).until(d -> "alive alive alive".equals(states()));
        assertEquals(List.of("n1", "n2", "n3"), names());
        assertTrue(rowText("n1").contains("this node"), rowText("n1"));
        browser.waiting(Duration.ofSeconds(20)).until(d -> "live".equals(browser.script("return document.documentElement.dataset.stream;")));
        // the deploy section lists this node's bundles from the REST API's deploy routes
        browser.waiting(Duration.ofSeconds(10)).until(d -> !d.findElements(org.openqa.selenium.By.id("bundles")).isEmpty()
                && d.findElement(org.openqa.selenium.By.id("bundles")).getText().contains("io.punnet.gossip"));
        System.out.println("webtest: page weight as loaded from n1: " + browser.script(
                "const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]"
                + ".filter(e => !e.name.includes('/api/'));"
                + "return all.length + ' files, ' + all.reduce((s, e) => s + e.transferSize, 0) + ' bytes transferred, '"
                + " + all.reduce((s, e) => s + e.decodedBodySize, 0) + ' bytes decoded';"));
        HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create(NODES.get(0).url("/"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(FakeNode.CSP, page.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    @Order(2)
    void everyNodeServesTheWholePicture() {
        String dashboard = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        try {
            browser.driver.get(NODES.get(2).url("/"));
            browser.waiting(Duration.ofSeconds(20)).until(d -> "alive alive alive".equals(states()));
            assertEquals(List.of("n1", "n2", "n3"), names());
            assertTrue(rowText("n3").contains("this node"), rowText("n3"));
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(dashboard);
        }
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument;"));
    }

    @Test
    @Order(3)
    void aServiceAddedOnAnotherNodeAppearsWithoutAReload() throws Exception {
        NodeProcess second = NODES.get(1);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(second.url("/meta-data/add-service/webtest-sensor")))
                .header("Authorization", "Bearer " + TOKEN).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        browser.waiting(Duration.ofSeconds(20)).until(d -> rowText("n2").contains("webtest-sensor"));
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument;"));
        browser.resize(1680, 820); // wide enough for every column in the picture
        browser.screenshot(out("dashboard.png"));
        browser.resize(1400, 900);
        assertEquals(List.of(), problems());
    }

    @Test
    @Order(4)
    void aKilledNodeTurnsSuspectThenDeadWithoutAReload() throws Exception {
        browser.script(
                "window.seen = [];"
                + "const note = () => { const r = document.querySelector('#nodes tr[data-node=n3]');"
                + "  const s = r && r.dataset.state; if (s && window.seen[window.seen.length - 1] !== s) window.seen.push(s); };"
                + "note(); new MutationObserver(note).observe(document.querySelector('#nodes tbody'), {childList: true, subtree: true});"
                // what the server said, to tell a page that missed a state from a server that never sent it
                + "window.events = []; window.probe = new EventSource('/api/v1/events');"
                + "window.probe.addEventListener('member.status', e => { const d = JSON.parse(e.data);"
                + "  window.events.push(d.node + ':' + d.previousStatus + '>' + d.status); });");
        NODES.get(2).kill();
        long killed = System.nanoTime();
        browser.waiting(Duration.ofSeconds(90)).until(d -> seen().contains("dead"));
        long deadAfterMs = (System.nanoTime() - killed) / 1_000_000;
        List<String> seen = seen();
        Object events = browser.script("window.probe.close(); return window.events;");
        assertTrue(seen.indexOf("suspect") > 0 && seen.indexOf("suspect") < seen.indexOf("dead"),
                "states of n3 on the page: " + seen + "; status events from n1: " + events + "; page: "
                + browser.script("const d = document.documentElement.dataset; return 'stream ' + d.stream + ', events ' + d.events + ', reads ' + d.reads;"));
        assertEquals("alive", seen.get(0));
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument;"));
        assertTrue(rowText("n3").contains("dead"), rowText("n3"));
        System.out.println("webtest: n3 shown dead " + deadAfterMs + " ms after SIGKILL; states seen " + seen + "; events " + events);
        browser.screenshot(out("dashboard-node-dead.png"));
    }

    @Test
    @Order(5)
    void whenTheServingNodeStopsThePageSaysSoAndKeepsTrying() throws Exception {
        NODES.get(0).close();
        browser.waiting(Duration.ofSeconds(30)).withMessage(() -> "banner never shown; stream "
                + browser.script("return document.documentElement.dataset.stream + ' / ' + document.getElementById('banner').outerHTML;"))
                .until(d -> {
            String text = (String) browser.script("const b = document.getElementById('banner'); return b.hidden ? null : b.textContent;");
            return text != null && (text.contains("Cannot reach") || text.contains("reconnecting")) ? text : null;
        });
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument;"));
        browser.screenshot(out("dashboard-connection-lost.png"));
    }

    // --- helpers ---

    private static Path out(String file) {
        return Path.of(System.getProperty("webtest.out", "target"), file);
    }

    private static void awaitAlive(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = HTTP.send(HttpRequest.newBuilder(URI.create(NODES.get(0).url("/api/v1/nodes"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.split("\"status\":\"ALIVE\"", -1).length - 1 == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the cluster did not converge to " + count + " alive nodes: " + body);
    }

    private static String states() {
        return (String) browser.script("return [...document.querySelectorAll('#nodes tbody tr')].map(r => r.dataset.state).join(' ');");
    }

    @SuppressWarnings("unchecked")
    private static List<String> names() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#nodes tbody tr')].map(r => r.dataset.node);");
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen() {
        return (List<String>) browser.script("return window.seen;");
    }

    private static String rowText(String name) {
        return String.valueOf(browser.script(
                "const r = document.querySelector('#nodes tr[data-node=' + arguments[0] + ']'); return r ? r.innerText : '';", name));
    }

    /** Script errors and refused loads in the console. */
    private static List<String> problems() {
        return browser.console().stream()
                .filter(line -> line.contains("Uncaught") || line.contains("Content Security Policy") || line.contains("Refused"))
                .toList();
    }
}
