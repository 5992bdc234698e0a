package io.punnet.webtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real Chromium against {@link FakeNode}: the REST routes' documented shapes
 * from JSON fixtures, an event stream the test pushes to, drops and refuses. Fast (no cluster), so
 * it covers what a real cluster makes slow or hard to provoke: sorting, keyboard use, hostile
 * names, the lost-stream banner, the deploy section, a phone-sized window.
 */
@Timeout(120)
class DashboardFixtureTest {

    private static Browser browser;
    private static FakeNode node;

    @BeforeAll
    static void start() throws Exception {
        if (Browser.missing() == null) {
            browser = Browser.start();
            node = new FakeNode();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(browser != null, Browser::missing);
        node.route("/api/v1/nodes", FakeNode.resource("nodes.json"));
        node.route("/api/v1/node", "{\"name\":\"alpha\",\"cluster\":\"fixture\"}");
        node.unroute("/api/v1/bundles");
        node.unroute("/api/v1/rollouts");
        node.eventsAvailable(true);
        browser.resize(1400, 900);
        browser.driver.get(node.url("/"));
        browser.waiting(Duration.ofSeconds(10)).until(d -> rows() == 5);
        browser.waiting(Duration.ofSeconds(10)).until(d -> "live".equals(attribute("html", "data-stream")));
    }

    @Test
    void everyNodeIsARowWithItsStateInWordsAndShape() {
        assertEquals(List.of("alive", "alive", "suspect", "dead", "left"), List.of("alpha", "beta", "gamma", "delta",
                "<img src=x onerror=\"window.pwned=1\">").stream().map(this::state).toList());
        String gamma = text("gamma");
        assertTrue(gamma.contains("▲ suspect"), gamma);
        assertTrue(gamma.contains("9.12 / 8.0"), gamma);
        assertEquals("gone", row("delta", "class"));
        assertNull(row("beta", "class"));
        String alpha = text("alpha");
        assertTrue(alpha.contains("this node"), alpha);
        assertTrue(alpha.contains("13 %"), alpha); // 12.5 rounded
        assertTrue(alpha.contains("0.42 0.30 0.21"), alpha);
        assertTrue(alpha.contains("48.3 °C"), alpha);
        assertTrue(alpha.contains("1 d 2 h"), alpha);
        assertTrue(alpha.contains("mqtt"), alpha);
        assertTrue(alpha.contains("10.0.0.1"), alpha);
        assertEquals("http://10.0.0.2:8080/", browser.script("return document.querySelector('#nodes tr[data-node=beta] th a').href;"));
        assertTrue(browser.driver.findElement(By.id("summary")).getText().contains("5 nodes"));
        assertTrue(browser.driver.findElement(By.cssSelector("a[href='/system/console']")).isDisplayed());
    }

    @Test
    void namesAndServicesFromTheNetworkStayText() {
        assertNull(browser.script("return window.pwned;"));
        assertEquals(0L, browser.script("return document.querySelectorAll('#nodes tbody img, #nodes tbody b').length;"));
        String hostile = text("<img src=x onerror=\"window.pwned=1\">");
        assertTrue(hostile.contains("<b>bold</b>"), hostile);
        List<String> problems = browser.console().stream()
                .filter(line -> line.contains("Uncaught") || line.contains("Content Security Policy") || line.contains("Refused"))
                .toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void headersSortWithTheMouseAndTheKeyboard() {
        assertEquals("ascending", header("name").getAttribute("aria-sort"));
        button("cpu").click();
        assertEquals("ascending", header("cpu").getAttribute("aria-sort"));
        assertNull(header("name").getAttribute("aria-sort"));
        assertEquals(List.of("gamma", "alpha", "beta"), names().subList(0, 3));
        button("cpu").click();
        assertEquals("descending", header("cpu").getAttribute("aria-sort"));
        assertEquals(List.of("beta", "alpha", "gamma"), names().subList(0, 3));

        button("state").sendKeys(Keys.ENTER);
        assertEquals("ascending", header("state").getAttribute("aria-sort"));
        assertEquals("gamma", names().get(0)); // the ones that need a look first
        button("state").sendKeys(Keys.SPACE);
        assertEquals("descending", header("state").getAttribute("aria-sort"));
        assertEquals("th", browser.script("return document.activeElement.parentElement.tagName.toLowerCase();"));
    }

    @Test
    void keyboardFocusOnANodeLinkSurvivesARedraw() {
        browser.script("document.querySelector('#nodes tr[data-node=beta] th a').focus();");
        node.push("monitoring", "{\"node\":\"beta\",\"monitoring\":{\"cpuPercent\":42,\"sampledAtMillis\":1764000200000,\"ageMs\":5}}");
        browser.waiting(Duration.ofSeconds(3)).until(d -> text("beta").contains("42 %"));
        assertEquals("beta", browser.script("return document.activeElement.closest('tr') && document.activeElement.closest('tr').dataset.node;"));
        assertEquals("a", browser.script("return document.activeElement.tagName.toLowerCase();"));
    }

    @Test
    void aPushedEventUpdatesThePageWithoutAReload() {
        browser.script("window.sameDocument = true;");
        node.route("/api/v1/nodes", FakeNode.resource("nodes.json")
                .replace("\"status\": \"SUSPECT\"", "\"status\": \"ALIVE\"")
                .replace("[\"db\"]", "[\"db\", \"zigbee\"]"));
        node.push("member.status", "{\"type\":\"STATUS_CHANGED\",\"node\":\"gamma\",\"status\":\"ALIVE\",\"previousStatus\":\"SUSPECT\"}");
        // the page re-reads every 10 s on its own: within 3 s, only the pushed event explains it
        browser.waiting(Duration.ofSeconds(3)).until(d -> "alive".equals(state("gamma")) && text("beta").contains("zigbee"));
        assertEquals(Boolean.TRUE, browser.script("return window.sameDocument;"));
    }

    @Test
    void aStatusEventShowsAtOnceEvenIfTheNextReadAlreadySaysMore() {
        // the node list says dead already (a suspicion confirmed within milliseconds): the page
        // must still have shown the suspicion the first event announced
        browser.script("window.seen = []; const note = () => { const r = document.querySelector('#nodes tr[data-node=beta]');"
                + " if (r && window.seen[window.seen.length - 1] !== r.dataset.state) window.seen.push(r.dataset.state); };"
                + "note(); new MutationObserver(note).observe(document.querySelector('#nodes tbody'), {childList: true, subtree: true});");
        node.route("/api/v1/nodes", FakeNode.resource("nodes.json").replaceFirst("\"status\": \"ALIVE\", \"local\": false", "\"status\": \"DEAD\", \"local\": false"));
        node.push("member.status", "{\"type\":\"STATUS_CHANGED\",\"node\":\"beta\",\"status\":\"SUSPECT\",\"previousStatus\":\"ALIVE\"}");
        node.push("member.status", "{\"type\":\"STATUS_CHANGED\",\"node\":\"beta\",\"status\":\"DEAD\",\"previousStatus\":\"SUSPECT\"}");
        browser.waiting(Duration.ofSeconds(3)).until(d -> "dead".equals(state("beta")));
        assertEquals(List.of("alive", "suspect", "dead"), browser.script("return window.seen;"));
    }

    @Test
    void aReapedNodeLeavesTheTable() {
        String nodes = FakeNode.resource("nodes.json");
        int start = nodes.indexOf("  {\"name\": \"delta\"");
        int end = nodes.indexOf("  {\"name\": \"<img");
        node.route("/api/v1/nodes", nodes.substring(0, start) + nodes.substring(end));
        node.push("member.removed", "{\"type\":\"REMOVED\",\"node\":\"delta\",\"status\":\"DEAD\"}");
        browser.waiting(Duration.ofSeconds(3)).until(d -> rows() == 4);
        assertEquals(List.of("<img src=x onerror=\"window.pwned=1\">", "alpha", "beta", "gamma"), names());
        assertEquals(4L, browser.script("return document.querySelectorAll('#matrix tbody tr').length;"));
    }

    @Test
    void pushedFiguresAreAppliedAsTheyComeAndDrawnAsSparklines() {
        for (int i = 1; i <= 3; i++) {
            String cpu = Integer.toString(20 * i);
            String load = i + ".5";
            long sampled = 1764000101000L + 5000L * i;
            // the node list says the same as the event, as a real node would if the page read it now
            node.route("/api/v1/nodes", FakeNode.resource("nodes.json").replace("\"cpuPercent\": 73.0", "\"cpuPercent\": " + cpu)
                    .replace("\"load1\": 2.9", "\"load1\": " + load).replace("1764000101000", Long.toString(sampled)));
            node.push("monitoring", "{\"type\":\"STATE_CHANGED\",\"node\":\"beta\",\"status\":\"ALIVE\",\"key\":\"mon\","
                    + "\"monitoring\":{\"cpuPercent\":" + cpu + ",\"load1\":" + load + ",\"cpuCount\":4,\"sampledAtMillis\":"
                    + sampled + ",\"ageMs\":100}}");
            browser.waiting(Duration.ofSeconds(3)).until(d -> text("beta").contains(cpu + " %") && text("beta").contains(load + "0"));
        }
        String label = (String) browser.script(
                "return document.querySelector(\"#nodes tr[data-node=beta] svg.spark[aria-label^='cpu of beta']\").getAttribute('aria-label');");
        assertTrue(label.contains("from 20 % to 73 %, now 60 %"), label);
    }

    @Test
    void aLostStreamShowsABannerAndComesBack() {
        WebElement banner = browser.driver.findElement(By.id("banner"));
        assertFalse(banner.isDisplayed());
        node.dropStreams(false);
        browser.waiting(Duration.ofSeconds(10)).until(d -> banner.isDisplayed() && banner.getText().contains("Live updates"));
        node.eventsAvailable(true);
        browser.waiting(Duration.ofSeconds(15)).until(d -> !banner.isDisplayed() && "live".equals(attribute("html", "data-stream")));
        assertTrue(node.openStreams() >= 1);
    }

    @Test
    void theMatrixShowsWhoSuspectsWhom() {
        assertEquals("suspect", view("alpha", "gamma"));
        assertEquals("suspect", view("beta", "gamma"));
        assertEquals("sees", view("alpha", "beta"));
        assertEquals("self", view("alpha", "alpha"));
        assertEquals("unknown", view("delta", "alpha"));
        String cell = (String) browser.script(
                "return document.querySelector(\"#matrix tr[data-observer='alpha'] td[data-view='suspect']\").innerText;");
        assertTrue(cell.contains("▲"), cell);
    }

    @Test
    void theDeploySectionWaitsForItsApiAndThenShowsRollouts() {
        WebElement note = browser.driver.findElement(By.id("deploy-note"));
        browser.waiting(Duration.ofSeconds(5)).until(d -> note.getText().contains("not installed"));
        assertTrue(browser.driver.findElements(By.id("rollouts")).isEmpty());

        node.route("/api/v1/bundles", FakeNode.resource("bundles.json"));
        node.route("/api/v1/rollouts", FakeNode.resource("rollouts.json"));
        browser.driver.navigate().refresh();
        String rollouts = browser.waiting(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("rollouts"))).getText();
        assertTrue(rollouts.contains("alpha: ✓ active"), rollouts);
        assertTrue(rollouts.contains("beta: ↓ fetching"), rollouts);
        assertTrue(rollouts.contains("gamma: ↺ rolled back (component io.punnet.web not satisfied)"), rollouts);
        assertTrue(rollouts.contains("◑ in progress"), rollouts);
        String bundles = browser.driver.findElement(By.id("bundles")).getText();
        assertTrue(bundles.contains("Bundles of alpha"), bundles);
        assertTrue(bundles.contains("io.punnet.web 0.2.0 ✓ active b71e0d44aa01c3f9"), bundles); // alpha's, not beta's 0.1.0
        assertFalse(browser.driver.findElement(By.id("deploy-note")).isDisplayed());
    }

    @Test
    void onAPhoneTheTableScrollsInsideItsRegionNotThePage() throws Exception {
        browser.resize(390, 844);
        browser.driver.navigate().refresh();
        browser.waiting(Duration.ofSeconds(10)).until(d -> rows() == 5);
        long pageWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
        long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
        assertTrue(pageWidth <= viewport, pageWidth + " > " + viewport);
        long region = (Long) browser.script("return document.querySelector('.scroll').scrollWidth;");
        assertTrue(region > viewport, "the table should scroll sideways in its region: " + region);
        browser.screenshot(Path.of(System.getProperty("webtest.out", "target"), "dashboard-fixture-phone.png"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePageModulesPassTheirChecksInTheBrowser() {
        browser.driver.get(node.url("/jsunit/modules.html"));
        Map<String, Object> results = browser.waiting(Duration.ofSeconds(10))
                .until(d -> (Map<String, Object>) browser.script("return window.results || null;"));
        assertEquals(List.of(), results.get("failures"));
        assertTrue((Long) results.get("passed") >= 30, "checks run: " + results.get("passed"));
    }

    @Test
    void thePagePassesAnAutomatedAccessibilityAudit() throws Exception {
        node.route("/api/v1/bundles", FakeNode.resource("bundles.json"));
        node.route("/api/v1/rollouts", FakeNode.resource("rollouts.json"));
        browser.driver.navigate().refresh();
        browser.waiting(Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("rollouts")).isEmpty() && rows() == 5);
        assertEquals(List.of(), browser.audit(), "light colours");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            assertEquals("rgb(13, 17, 23)", browser.script("return getComputedStyle(document.body).backgroundColor;"));
            assertEquals(List.of(), browser.audit(), "dark colours");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    // --- helpers ---

    private static long rows() {
        return (Long) browser.script("return document.querySelectorAll('#nodes tbody tr').length;");
    }

    @SuppressWarnings("unchecked")
    private static List<String> names() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#nodes tbody tr')].map(r => r.dataset.node);");
    }

    /** One attribute or the text of a node's row, read in one script: the page may redraw between two WebDriver calls. */
    private static String row(String name, String what) {
        return (String) browser.script(
                "const r = [...document.querySelectorAll('#nodes tbody tr')].find(r => r.dataset.node === arguments[0]);"
                + "if (!r) return null;"
                + "return arguments[1] === 'text' ? r.innerText : r.getAttribute(arguments[1]);", name, what);
    }

    private static String text(String name) {
        return String.valueOf(row(name, "text"));
    }

    private String state(String name) {
        return row(name, "data-state");
    }

    private static WebElement header(String key) {
        return button(key).findElement(By.xpath(".."));
    }

    private static WebElement button(String key) {
        return browser.driver.findElement(By.cssSelector("#nodes thead button[data-key='" + key + "']"));
    }

    private static String view(String observer, String target) {
        return (String) browser.script(
                "const rows = [...document.querySelectorAll('#matrix tbody tr')];"
                + "const heads = [...document.querySelectorAll('#matrix thead th')].map(h => h.textContent);"
                + "const row = rows.find(r => r.dataset.observer === arguments[0]);"
                + "return row.querySelectorAll('td')[heads.indexOf(arguments[1])].dataset.view;", observer, target);
    }

    private static String attribute(String css, String name) {
        return browser.driver.findElement(By.cssSelector(css)).getAttribute(name);
    }
}
