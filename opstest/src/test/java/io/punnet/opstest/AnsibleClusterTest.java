package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real Ansible (Debian's ansible) against real Punnet nodes: three nodes with SSH servers in
 * network namespaces ({@link NetnsLab}, {@link LabNodes}), n1 made busy, the tools run from the
 * administrator's namespace. In order, as an operator would:
 * <ol>
 * <li>the dynamic inventory lists the cluster with its live figures, finds a node by itself (its
 *     own mDNS query, answered by the nodes' JmDNS on the lab's LAN), and Ansible reaches every
 *     node through it over SSH;</li>
 * <li>{@code punnet-launch 2 nginx_webserver --dry-run} plans n2 and n3, leaving the busy n1 out;</li>
 * <li>the launch really installs and starts nginx on n2 and n3 (each serves a page naming itself),
 *     not on n1, and records the service in their meta-data: the inventory groups follow;</li>
 * <li>asking for one more web server is an error before anything runs (no eligible node left);</li>
 * <li>{@code punnet-launch 1 load_balancer}: the balancer answers from both web servers;</li>
 * <li>a web server's node leaves: {@code punnet-lb-sync --once} renders the balancer again, which
 *     then answers from the remaining one only, although the left node's nginx still runs;</li>
 * <li>{@code punnet-meta-data} changes a node's tags through another node, with the token.</li>
 * </ol>
 * Skipped (JUnit assumption) without root, {@code ip netns}, ansible, sshd, nginx or curl. Every
 * wait is bounded; the lab is removed (processes by PID, namespaces, files) even on failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnsibleClusterTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetnsLab lab;
    private static LabNodes nodes;
    private static String balancer;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(NetnsLab.possible(), "needs root and ip netns");
        for (String tool : List.of("ansible-playbook", "curl", "ssh-keygen", "/usr/sbin/sshd", "/usr/sbin/nginx", "python3")) {
            assumeTrue(Shell.has(tool), tool + " is not installed (Debian: ansible, curl, openssh-server, nginx, python3)");
        }
        assumeTrue(Files.isExecutable(LabNodes.distribution().resolve("bin/punnet")), "build run/ first");
        lab = NetnsLab.create(3);
        lab.multicastRoute("ctl");
        nodes = new LabNodes(lab);
        nodes.start("n1", true);
        nodes.start("n2", false);
        nodes.start("n3", false);
        JsonNode inventory = awaitInventory(LabNodes.startTimeout(), inv -> hosts(inv, "alive").size() == 3
                && inv.at("/_meta/hostvars/n1/punnet_temperature_celsius").asDouble() > 70
                && !inv.at("/_meta/hostvars/n2/punnet_mem_available_bytes").isNull()
                && !inv.at("/_meta/hostvars/n3/punnet_mem_available_bytes").isNull(), "3 nodes with their figures");
        System.out.println("lab cluster up: " + inventory.get("alive"));
    }

    @AfterAll
    static void clean() throws IOException {
        if (lab != null && Boolean.getBoolean("punnet.opstest.keepLab")) {
            System.out.println("keeping the lab for inspection: " + lab.dir() + " (remove its po-<pid>- namespaces by hand)");
        } else if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void theInventoryListsTheClusterAndAnsibleReachesEveryNodeThroughIt() throws IOException {
        Shell.Result list = admin("ansible/inventory/punnet", "--list").check();
        JsonNode inv = JSON.readTree(list.output());
        assertEquals(Set.of("n1", "n2", "n3"), hosts(inv, "alive"));
        assertEquals(78.0, inv.at("/_meta/hostvars/n1/punnet_temperature_celsius").asDouble(), 0.01);
        assertEquals(lab.address("n2"), inv.at("/_meta/hostvars/n2/ansible_host").asText());

        Map<String, String> noUrl = new java.util.HashMap<>(nodes.adminEnvironment());
        noUrl.put("PUNNET_URL", "");
        // the nodes announce themselves once JmDNS has probed its names: asked again until then
        Shell.Result found = null;
        for (int attempt = 0; attempt < 10 && (found == null || !found.ok()); attempt++) {
            found = lab.exec("ctl", noUrl, Duration.ofSeconds(60), path("ansible/inventory/punnet"), "--host", "n3");
        }
        assertEquals(0, found.exit(), "no PUNNET_URL: a node found by mDNS; " + found.describe());
        assertTrue(found.output().contains("\"punnet_url\": \"http://10.77.0.1"), found.output());

        Shell.Result ping = adminCommand("ansible", "alive", "-i", path("ansible/inventory/punnet"), "-m", "ping", "-o");
        assertEquals(0, ping.exit(), ping.describe());
        assertEquals(3, ping.output().lines().filter(l -> l.contains("SUCCESS")).count(), ping.output());
    }

    @Test
    @Order(2)
    void theDryRunPlansTheTwoIdleNodesAndLeavesTheBusyOneOut() {
        Shell.Result plan = admin("ansible/bin/punnet-launch", "2", "nginx_webserver", "--dry-run").check();
        assertEquals(Set.of("n2", "n3"), Set.copyOf(chosen(plan.output())), plan.output());
        assertTrue(plan.output().lines().anyMatch(l -> l.contains("n1") && l.contains("low memory")), plan.output());
    }

    @Test
    @Order(3)
    void launchInstallsNginxOnTheTwoLeastBusyNodesAndRecordsIt() throws IOException {
        Shell.Result launch = admin("ansible/bin/punnet-launch", "2", "nginx_webserver", "--", "-e", nodes.rootOption());
        assertEquals(0, launch.exit(), launch.describe());
        assertEquals("served by n2", get("n2", 8081).output().trim());
        assertEquals("served by n3", get("n3", 8081).output().trim());
        assertFalse(get("n1", 8081).ok(), "nothing was started on the busy node");

        JsonNode inv = awaitInventory(Duration.ofSeconds(30), i -> hosts(i, "nginx_webserver_available").size() == 2,
                "the meta-data of n2 and n3 gossiped");
        assertEquals(Set.of("n2", "n3"), hosts(inv, "nginx_webserver"));
        JsonNode n2 = JSON.readTree(admin("ansible/bin/punnet-meta-data", "show", "n2").check().output());
        assertTrue(n2.get("services").toString().contains("nginx_webserver"), n2.toString());
    }

    @Test
    @Order(4)
    void aLaunchWithTooFewEligibleNodesIsAnErrorBeforeAnythingRuns() {
        Shell.Result launch = admin("ansible/bin/punnet-launch", "1", "nginx_webserver", "--", "-e", nodes.rootOption());
        assertEquals(3, launch.exit(), launch.describe());
        assertTrue(launch.output().contains("nothing was run"), launch.output());
        assertFalse(launch.output().contains("ansible-playbook"), "no playbook ran: " + launch.output());
    }

    @Test
    @Order(5)
    void theLoadBalancerAnswersFromBothWebServers() throws IOException {
        Shell.Result launch = admin("ansible/bin/punnet-launch", "1", "load_balancer", "--", "-e", nodes.rootOption());
        assertEquals(0, launch.exit(), launch.describe());
        JsonNode inv = awaitInventory(Duration.ofSeconds(30), i -> hosts(i, "load_balancer_available").size() == 1,
                "the balancer recorded");
        balancer = hosts(inv, "load_balancer").iterator().next();
        assertTrue(Set.of("n2", "n3").contains(balancer), "the idle nodes are n2 and n3, not " + balancer);
        assertEquals(Set.of("served by n2", "served by n3"), answers(balancer, 6));
        String conf = Files.readString(lab.dir().resolve(balancer + "/srv/load_balancer/conf/nginx.conf"));
        assertTrue(conf.contains(lab.address("n2") + ":8081") && conf.contains(lab.address("n3") + ":8081"), conf);
    }

    @Test
    @Order(6)
    void whenAWebServersNodeLeavesTheBalancerIsRenderedWithoutIt() throws Exception {
        assumeTrue(balancer != null, "needs the balancer of the previous step");
        String leaving = balancer.equals("n2") ? "n3" : "n2";
        nodes.stop(leaving);
        awaitInventory(Duration.ofSeconds(60), i -> hosts(i, "nginx_webserver_available").equals(Set.of(balancer)),
                leaving + " out of nginx_webserver_available");

        Shell.Result sync = admin("ansible/bin/punnet-lb-sync", "--once", "--", "-e", nodes.rootOption());
        assertEquals(0, sync.exit(), sync.describe());

        assertEquals(Set.of("served by " + balancer), answers(balancer, 4));
        assertEquals("served by " + leaving, get(leaving, 8081).output().trim(),
                "its nginx still runs: only the new upstreams keep the balancer away from it");
    }

    @Test
    @Order(7)
    void metaDataChangesGoThroughAnyNodeWithTheToken() throws IOException {
        Shell.Result add = admin("ansible/bin/punnet-meta-data", "add-tag", "n1", "rack-a", "--url",
                "http://" + lab.address(balancer == null ? "n2" : balancer) + ":8080");
        assertEquals(0, add.exit(), add.describe());
        assertTrue(JSON.readTree(add.output()).get("tags").toString().contains("rack-a"), add.output());
        awaitInventory(Duration.ofSeconds(30), i -> hosts(i, "tag_rack_a").equals(Set.of("n1")), "tag_rack_a");

        Shell.Result refused = admin("ansible/bin/punnet-meta-data", "remove-tag", "n1", "rack-a", "--token", "wrong-token-0123456789");
        assertEquals(1, refused.exit(), refused.describe());
        assertTrue(refused.output().contains("401"), refused.output());
        admin("ansible/bin/punnet-meta-data", "remove-tag", "n1", "rack-a").check();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String path(String relative) {
        return Project.root().resolve(relative).toString();
    }

    /** One of the repository's tools, run on the administrator's machine (po-ctl). */
    private static Shell.Result admin(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(path(tool)));
        command.addAll(List.of(args));
        return adminCommand(command.toArray(String[]::new));
    }

    private static Shell.Result adminCommand(String... command) {
        Shell.Result result = lab.exec("ctl", nodes.adminEnvironment(), TOOL_TIMEOUT, command);
        System.out.println("$ " + String.join(" ", command) + " -> " + result.exit());
        return result;
    }

    private static Shell.Result get(String host, int port) {
        return lab.exec("ctl", Map.of(), Duration.ofSeconds(15), "curl", "-sf", "-m", "5",
                "http://" + lab.address(host) + ":" + port + "/");
    }

    private static Set<String> answers(String host, int requests) {
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < requests; i++) {
            seen.add(get(host, 80).output().trim());
        }
        return seen;
    }

    private static List<String> chosen(String plan) {
        return plan.lines().filter(l -> l.startsWith("->")).map(l -> l.split("\\s+")[1]).toList();
    }

    private static Set<String> hosts(JsonNode inventory, String group) {
        Set<String> names = new HashSet<>();
        inventory.path(group).path("hosts").forEach(h -> names.add(h.asText()));
        return names;
    }

    /** Polls n1's inventory (via curl in po-ctl) until the condition holds, bounded by {@code limit}. */
    private static JsonNode awaitInventory(Duration limit, Predicate<JsonNode> condition, String what) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Shell.Result r = lab.exec("ctl", Map.of(), Duration.ofSeconds(10), "curl", "-sf", "-m", "5",
                    "http://" + lab.address("n1") + ":8080/api/v1/inventory");
            last = r.output();
            if (r.ok()) {
                JsonNode inv = JSON.readTree(r.output());
                if (condition.test(inv)) {
                    return inv;
                }
            }
            try {
                Thread.sleep(1000); // polling a real cluster, not timing a unit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; last answer: " + last
                + "\nn1 log tail: " + tail(lab.dir().resolve("n1/node.log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
