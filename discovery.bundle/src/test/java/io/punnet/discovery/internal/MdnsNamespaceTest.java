package io.punnet.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real mDNS (JmDNS) between JVMs in network namespaces this test creates and deletes, joined by a
 * veth pair: no packet of it can reach the machine's own interfaces. Skipped when namespaces cannot
 * be made (not root, no iproute2).
 */
class MdnsNamespaceTest {

    private static final long WAIT_MS = 30_000;

    @BeforeAll
    static void needNamespaces() {
        assumeTrue(Netns.available(), "needs root and 'ip netns' (real mDNS runs only inside namespaces)");
        Netns.sweepOrphans();
    }

    @Test
    @Timeout(120)
    void aNodeAloneKeepsLookingFindsTheNextOneAndIgnoresOtherClusters() throws Exception {
        try (Netns netns = new Netns()) {
            String a = netns.create("a");
            String b = netns.create("b");
            netns.link(a, "10.231.0.1/24", b, "10.231.0.2/24");
            try (ChildJvm pa = new ChildJvm(netns, a, MdnsProbe.class, "90000", "1000", "lab:na:7001")) {
                assertTrue(pa.awaitLine(l -> l.startsWith("READY na [eth0/10.231.0.1]"), WAIT_MS), () -> "" + pa.lines());
                try (ChildJvm pb = new ChildJvm(netns, b, MdnsProbe.class, "90000", "1000", "lab:nb:7002",
                        "other:nx:7003")) {
                    assertTrue(pa.awaitLine("SEED na 10.231.0.2:7002"::equals, WAIT_MS), () -> "a: " + pa.lines());
                    assertTrue(pb.awaitLine("SEED nb 10.231.0.1:7001"::equals, WAIT_MS), () -> "b: " + pb.lines());
                    // the other cluster must have been heard (and ignored), not merely missed
                    assertEquals(0, pa.stop(30_000));
                    assertEquals(0, pb.stop(30_000));
                    List<String> linesA = pa.lines();
                    List<String> linesB = pb.lines();
                    assertFalse(linesA.contains("SEED na 10.231.0.2:7003"), () -> "a took the other cluster: " + linesA);
                    assertFalse(linesB.stream().anyMatch(l -> l.startsWith("SEED nx")), () -> "x took lab: " + linesB);
                    assertTrue(count(linesA, "VERDICTS na", "OTHER_CLUSTER") > 0, () -> "a: " + linesA);
                    assertTrue(count(linesB, "VERDICTS nx", "OTHER_CLUSTER") > 0, () -> "b: " + linesB);
                    assertTrue(linesA.contains("CLOSED na true"), () -> "a: " + linesA);
                    assertTrue(linesB.contains("CLOSED nb true") && linesB.contains("CLOSED nx true"), () -> "b: " + linesB);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void twoNodesThatBootedApartFindEachOtherWhenTheNetworkHeals() throws Exception {
        try (Netns netns = new Netns()) {
            String c = netns.create("c");
            String d = netns.create("d");
            netns.link(c, "10.232.0.1/24", d, "10.232.0.2/24");
            // mDNS is dropped on arrival on both sides: every announcement and answer of the boot is lost,
            // as behind a switch that drops them (the senders see no error)
            for (String ns : List.of(c, d)) {
                netns.nft(ns, "add", "table", "inet", "pncut");
                netns.nft(ns, "add", "chain", "inet", "pncut", "in", "{ type filter hook input priority 0; }");
                netns.nft(ns, "add", "rule", "inet", "pncut", "in", "iifname", "eth0", "udp", "dport", "5353", "drop");
            }
            try (ChildJvm pc = new ChildJvm(netns, c, MdnsProbe.class, "90000", "1000", "lab:nc:7001");
                    ChildJvm pd = new ChildJvm(netns, d, MdnsProbe.class, "90000", "1000", "lab:nd:7002")) {
                assertTrue(pc.awaitLine(l -> l.startsWith("READY nc"), WAIT_MS), () -> "" + pc.lines());
                assertTrue(pd.awaitLine(l -> l.startsWith("READY nd"), WAIT_MS), () -> "" + pd.lines());
                // both announced into the cut and browsed at least twice
                assertFalse(pc.awaitLine(l -> l.startsWith("SEED"), 3_000), () -> "the cut leaked: " + pc.lines());
                netns.nft(c, "delete", "table", "inet", "pncut");
                netns.nft(d, "delete", "table", "inet", "pncut");
                assertTrue(pc.awaitLine("SEED nc 10.232.0.2:7002"::equals, WAIT_MS), () -> "c: " + pc.lines());
                assertTrue(pd.awaitLine("SEED nd 10.232.0.1:7001"::equals, WAIT_MS), () -> "d: " + pd.lines());
            }
        }
    }

    @Test
    @Timeout(120)
    void mdnsComesBackAfterItsOwnPacketsWereRefused() throws Exception {
        try (Netns netns = new Netns()) {
            String f = netns.create("f");
            String g = netns.create("g");
            netns.link(f, "10.234.0.1/24", g, "10.234.0.2/24");
            // g's own mDNS packets are refused on the way out: JmDNS's sends fail (EPERM), as when a
            // firewall or a flapping interface refuses them, and it tries to recover by itself
            netns.nft(g, "add", "table", "inet", "pncut");
            netns.nft(g, "add", "chain", "inet", "pncut", "out", "{ type filter hook output priority 0; }");
            netns.nft(g, "add", "rule", "inet", "pncut", "out", "udp", "dport", "5353", "drop");
            try (ChildJvm pf = new ChildJvm(netns, f, MdnsProbe.class, "90000", "1000", "lab:nf:7001");
                    ChildJvm pg = new ChildJvm(netns, g, MdnsProbe.class, "90000", "1000", "lab:ng:7002")) {
                assertTrue(pf.awaitLine(l -> l.startsWith("READY nf"), WAIT_MS), () -> "" + pf.lines());
                assertFalse(pf.awaitLine(l -> l.startsWith("SEED"), 5_000), () -> "the cut leaked: " + pf.lines());
                netns.nft(g, "delete", "table", "inet", "pncut");
                assertTrue(pf.awaitLine("SEED nf 10.234.0.2:7002"::equals, WAIT_MS), () -> "f: " + pf.lines() + " g: " + pg.lines());
                assertTrue(pg.awaitLine("SEED ng 10.234.0.1:7001"::equals, WAIT_MS), () -> "g: " + pg.lines());
            }
        }
    }

    @Test
    @Timeout(180)
    void a100StopStartCyclesLeakNoThreadAndNeverBlock() throws Exception {
        try (Netns netns = new Netns()) {
            String e = netns.create("e");
            // a veth pair whose both ends stay in the namespace: a multicast-capable eth0 going nowhere
            netns.ip(e, "link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
            netns.ip(e, "addr", "add", "10.233.0.1/24", "dev", "eth0");
            netns.ip(e, "link", "set", "eth1", "up");
            netns.ip(e, "link", "set", "eth0", "up");
            try (ChildJvm probe = new ChildJvm(netns, e, CycleProbe.class, "100")) {
                assertTrue(probe.awaitLine(l -> l.startsWith("RESULT"), 150_000), () -> "" + probe.lines());
                String result = probe.lines().stream().filter(l -> l.startsWith("RESULT")).findFirst().orElseThrow();
                System.out.println("cycle probe: " + result);
                assertEquals("100", field(result, "cycles"));
                assertEquals("10", field(result, "announced"), result);
                assertEquals("true", field(result, "closed"), result);
                assertEquals("[]", field(result, "leaked"), result);
                assertTrue(Long.parseLong(field(result, "maxActivateMs")) < 250, result);
                assertTrue(Long.parseLong(field(result, "maxDeactivateMs")) < 250, result);
            }
        }
    }

    private static long count(List<String> lines, String prefix, String verdict) {
        Pattern p = Pattern.compile(verdict + "=(\\d+)");
        return lines.stream().filter(l -> l.startsWith(prefix)).map(p::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    private static String field(String line, String name) {
        Matcher m = Pattern.compile(name + "=(\\[[^\\]]*\\]|\\S+)").matcher(line);
        return m.find() ? m.group(1) : "";
    }
}
