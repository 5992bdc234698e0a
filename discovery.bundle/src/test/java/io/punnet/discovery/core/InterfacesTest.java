package io.punnet.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InterfacesTest {

    private static final InterfaceFacts LO = new InterfaceFacts("lo", true, true, true, List.of("127.0.0.1"));
    private static final InterfaceFacts ETH0 = new InterfaceFacts("eth0", true, false, true, List.of("192.168.1.20"));
    private static final InterfaceFacts WLAN0 = new InterfaceFacts("wlan0", true, false, true,
            List.of("169.254.10.1", "192.168.1.21", "192.168.1.22"));
    private static final InterfaceFacts DOWN = new InterfaceFacts("eth1", false, false, true, List.of("10.0.0.1"));
    private static final InterfaceFacts NO_MULTICAST = new InterfaceFacts("tun0", true, false, false, List.of("10.8.0.1"));
    private static final InterfaceFacts ONLY_LINK_LOCAL = new InterfaceFacts("usb0", true, false, true, List.of("169.254.9.9"));
    private static final InterfaceFacts NO_IPV4 = new InterfaceFacts("eth2", true, false, true, List.of());
    private static final List<InterfaceFacts> ALL = List.of(LO, ETH0, WLAN0, DOWN, NO_MULTICAST, ONLY_LINK_LOCAL, NO_IPV4);

    @Test
    void everyUsableInterfaceGetsOneBindingOnItsFirstUsableAddress() {
        assertEquals(Set.of(new Binding("eth0", "192.168.1.20"), new Binding("wlan0", "192.168.1.21")),
                InterfaceSelector.select(InterfaceChoice.all(), ALL));
    }

    @Test
    void namedInterfacesAreTheOnlyOnesAndLoopbackMayBeNamed() {
        assertEquals(Set.of(new Binding("lo", "127.0.0.1"), new Binding("wlan0", "192.168.1.21")),
                InterfaceSelector.select(InterfaceChoice.parse("lo, wlan0,missing0"), ALL));
    }

    @Test
    void aNamedInterfaceThatIsDownOrWithoutMulticastIsStillSkipped() {
        assertEquals(Set.of(), InterfaceSelector.select(InterfaceChoice.parse("eth1,tun0,usb0"), ALL));
    }

    @Test
    void noneSelectsNothing() {
        assertEquals(Set.of(), InterfaceSelector.select(InterfaceChoice.parse("none"), ALL));
        assertTrue(InterfaceChoice.parse(" none ").none());
    }

    @Test
    void theSettingIsParsedLikeTheLauncherDoes() {
        assertTrue(InterfaceChoice.parse(null).everyUsable());
        assertTrue(InterfaceChoice.parse("  ").everyUsable());
        assertTrue(InterfaceChoice.parse(",").everyUsable());
        assertEquals(Set.of("eth0", "wlan0"), InterfaceChoice.parse("eth0,,wlan0").names());
        assertFalse(InterfaceChoice.parse("eth0").everyUsable());
        assertEquals("'none' cannot be combined with interfaces",
                assertThrows(IllegalArgumentException.class, () -> InterfaceChoice.parse("eth0,none")).getMessage());
        assertEquals("'eth 0' is not an interface name",
                assertThrows(IllegalArgumentException.class, () -> InterfaceChoice.parse("eth 0")).getMessage());
    }

    @Test
    void theWatchStartsNewBindingsAndStopsVanishedOnes() {
        InterfaceWatch watch = new InterfaceWatch();
        Binding eth = new Binding("eth0", "192.168.1.20");
        Binding wlan = new Binding("wlan0", "192.168.1.21");
        assertEquals(new InterfaceWatch.Changes(Set.of(eth, wlan), Set.of()), watch.update(Set.of(eth, wlan)));
        assertTrue(watch.update(Set.of(eth, wlan)).none());
        // Wi-Fi drops
        assertEquals(new InterfaceWatch.Changes(Set.of(), Set.of(wlan)), watch.update(Set.of(eth)));
        // DHCP gives eth0 a new address: the old responder stops, a new one starts
        Binding renewed = new Binding("eth0", "192.168.1.77");
        assertEquals(new InterfaceWatch.Changes(Set.of(renewed), Set.of(eth)), watch.update(Set.of(renewed)));
        assertEquals(Set.of(renewed), watch.running());
    }

    @Test
    void aBindingThatFailedToStartIsTriedAgainAtTheNextPoll() {
        InterfaceWatch watch = new InterfaceWatch();
        Binding eth = new Binding("eth0", "192.168.1.20");
        watch.update(Set.of(eth));
        watch.failed(eth);
        assertEquals(new InterfaceWatch.Changes(Set.of(eth), Set.of()), watch.update(Set.of(eth)));
    }

    @Test
    void ipv4LiteralsAreJudgedAsText() {
        assertTrue(Ipv4.isPeerAddress("10.0.0.1"));
        assertTrue(Ipv4.isPeerAddress("127.0.0.1"));
        assertTrue(Ipv4.isLoopback("127.3.2.1"));
        assertFalse(Ipv4.isPeerAddress("169.254.1.1"));
        assertFalse(Ipv4.isPeerAddress("0.0.0.0"));
        assertFalse(Ipv4.isPeerAddress("224.0.0.251"));
        assertFalse(Ipv4.isPeerAddress("255.255.255.255"));
        assertFalse(Ipv4.isPeerAddress("010.0.0.1"));
        assertFalse(Ipv4.isPeerAddress("10.0.0.256"));
        assertFalse(Ipv4.isPeerAddress("10.0.0"));
        assertFalse(Ipv4.isPeerAddress("fe80::1"));
        assertFalse(Ipv4.isPeerAddress(null));
    }

    @Test
    void serviceTypesAreChecked() {
        assertEquals(ServiceType.DEFAULT, ServiceType.check(ServiceType.DEFAULT));
        assertEquals("_punnet-lab._udp.local.", ServiceType.check("_punnet-lab._udp.local."));
        for (String bad : new String[] {"punnet._udp.local.", "_punnet._udp.local", "_Punnet._udp.local.",
                "_a-very-long-name-x._udp.local.", "_punnet-._udp.local.", "_punnet._sctp.local.", null}) {
            assertThrows(IllegalArgumentException.class, () -> ServiceType.check(bad), String.valueOf(bad));
        }
    }
}
