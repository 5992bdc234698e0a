package io.punnet.gossip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.model.Endpoint;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "192.168.1.250", "0.0.0.0", "::1", "fd00::1", "fe80::1%eth0", "::ffff:10.0.0.1"})
    void literalsAreRecognised(String host) {
        assertTrue(Addresses.isLiteral(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pi-1.local", "localhost", "999.1.1.1", "1.2.3", "1.2.3.4.5", "g::1", "01x.2.3.4", ""})
    void namesAndNearLiteralsAreNot(String host) {
        assertFalse(Addresses.isLiteral(host));
    }

    @Test
    void theProtocolSideNeverAsksDns() {
        assertThrows(UnknownHostException.class, () -> Addresses.resolve(new Endpoint("pi-1.local", 7946)));
    }

    @Test
    void namesAreResolvedWhereTheyEnter() throws UnknownHostException {
        assertEquals(new Endpoint("127.0.0.1", 7000), Addresses.resolveName("127.0.0.1", 7000));
        assertTrue(Addresses.resolveName("localhost", 7000).host().matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
    }

    @Test
    void datagramsCostTheirHeaders() throws UnknownHostException {
        assertEquals(100 + 28, Addresses.onTheWire(Addresses.resolve(new Endpoint("127.0.0.1", 1)), 100));
        assertEquals(100 + 48, Addresses.onTheWire(Addresses.resolve(new Endpoint("::1", 1)), 100));
        assertEquals(new Endpoint("10.0.0.1", 5), Addresses.endpointOf(new InetSocketAddress("10.0.0.1", 5)));
    }
}
