package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenNetworksTest {

    @Test
    void blocksOfBothFamilies() {
        OpenNetworks open = OpenNetworks.parse(" 10.0.0.0/24 , 192.168.1.7, 172.16.0.0/12, fd00::/8");
        assertTrue(open.test("10.0.0.255"));
        assertFalse(open.test("10.0.1.0"));
        assertTrue(open.test("192.168.1.7"));
        assertFalse(open.test("192.168.1.8"));
        assertTrue(open.test("172.31.255.1"));
        assertFalse(open.test("172.32.0.1"));
        assertTrue(open.test("fd12:3456::1"));
        assertFalse(open.test("fe80::1"));
        assertTrue(open.test("::ffff:10.0.0.3"), "an IPv4-mapped address counts as IPv4");
    }

    @Test
    void emptyOpensNothing() {
        assertFalse(OpenNetworks.parse("").test("127.0.0.1"));
        assertFalse(OpenNetworks.parse(null).test("127.0.0.1"));
    }

    @Test
    void neverAHostName() {
        OpenNetworks open = OpenNetworks.parse("0.0.0.0/0");
        assertTrue(open.test("8.8.8.8"));
        assertFalse(open.test("localhost"));
        assertFalse(open.test(""));
        assertThrows(IllegalArgumentException.class, () -> OpenNetworks.parse("localhost/8"));
        assertThrows(IllegalArgumentException.class, () -> OpenNetworks.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> OpenNetworks.parse("10.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> OpenNetworks.parse("10.0.0.0/x"));
    }
}
