import struct
import unittest

import support  # noqa: F401 (puts the library on the path)
from punnet_ops import finder, mdns
from punnet_ops.errors import PunnetError


def rr(name, rtype, rdata, cache_flush=True):
    rclass = 0x8001 if cache_flush else 1
    return mdns.encode_name(name) + struct.pack("!HHIH", rtype, rclass, 120, len(rdata)) + rdata


def txt(**values):
    return b"".join(bytes([len(e)]) + e for e in ("%s=%s" % kv for kv in values.items()) for e in [e.encode()])


def response(*records):
    return struct.pack("!HHHHHH", 0x5054, 0x8400, 0, len(records), 0, 0) + b"".join(records)


NODE_A = response(
    rr("_punnet._udp.local.", mdns.TYPE_PTR, mdns.encode_name("n1._punnet._udp.local."), cache_flush=False),
    rr("n1._punnet._udp.local.", mdns.TYPE_SRV, struct.pack("!HHH", 0, 0, 7946) + mdns.encode_name("pi-1.local.")),
    rr("n1._punnet._udp.local.", mdns.TYPE_TXT, txt(v=1, cluster="punnet", node="n1", gossip=7946, http=8080)),
    rr("pi-1.local.", mdns.TYPE_A, bytes([10, 77, 0, 11])))


class MdnsTest(unittest.TestCase):

    def test_the_query_asks_one_ptr_question_for_the_service_type(self):
        q = mdns.query()
        self.assertEqual((0x5054, 0, 1, 0, 0, 0), struct.unpack("!HHHHHH", q[:12]))
        name, offset = mdns.read_name(q, 12)
        self.assertEqual("_punnet._udp.local.", name)
        self.assertEqual((mdns.TYPE_PTR, 1), struct.unpack("!HH", q[offset:offset + 4]))

    def test_an_answer_gives_the_node_its_address_and_http_port(self):
        self.assertEqual([("n1", "10.77.0.11", 8080)], mdns.nodes(NODE_A))

    def test_compressed_names_are_followed(self):
        header = struct.pack("!HHHHHH", 1, 0x8400, 0, 2, 0, 0)
        a_name = mdns.encode_name("pi-2.local.")
        a_offset = 12
        a = a_name + struct.pack("!HHIH", mdns.TYPE_A, 1, 120, 4) + bytes([10, 0, 0, 2])
        srv_data = struct.pack("!HHH", 0, 0, 7946) + struct.pack("!H", 0xC000 | a_offset)
        srv = mdns.encode_name("n2._punnet._udp.local.") + struct.pack("!HHIH", mdns.TYPE_SRV, 1, 120, len(srv_data)) + srv_data
        packet = header + a + srv
        packet = packet[:4] + struct.pack("!HHHH", 0, 3, 0, 0) + packet[12:] + rr(
            "n2._punnet._udp.local.", mdns.TYPE_TXT, txt(node="n2", http=9000))
        self.assertEqual([("n2", "10.0.0.2", 9000)], mdns.nodes(packet))

    def test_malformed_packets_and_queries_give_nothing(self):
        self.assertEqual([], mdns.nodes(b"\x00\x01"))
        self.assertEqual([], mdns.nodes(NODE_A[:40]))
        self.assertEqual([], mdns.nodes(mdns.query()))
        looping = struct.pack("!HHHHHH", 1, 0x8400, 0, 1, 0, 0) + struct.pack("!H", 0xC000 | 12)
        self.assertEqual([], mdns.nodes(looping))

    def test_a_node_without_an_http_port_is_skipped(self):
        packet = response(
            rr("n3._punnet._udp.local.", mdns.TYPE_SRV, struct.pack("!HHH", 0, 0, 7946) + mdns.encode_name("pi-3.local.")),
            rr("n3._punnet._udp.local.", mdns.TYPE_TXT, txt(node="n3", http=0)),
            rr("pi-3.local.", mdns.TYPE_A, bytes([10, 0, 0, 3])))
        self.assertEqual([], mdns.nodes(packet))


class FinderTest(unittest.TestCase):

    def test_punnet_url_is_normalized(self):
        self.assertEqual("http://10.0.0.5:8080", finder.normalize("10.0.0.5"))
        self.assertEqual("http://10.0.0.5:9000", finder.normalize("10.0.0.5:9000/"))
        self.assertEqual("https://pi.local:8443", finder.normalize("https://pi.local:8443"))

    def test_punnet_url_wins_and_nothing_is_browsed(self):
        browsed = []
        urls = finder.candidates({"PUNNET_URL": "pi-1"}, avahi=lambda: browsed.append(1), query=lambda: browsed.append(2))
        self.assertEqual(["http://pi-1:8080"], urls)
        self.assertEqual([], browsed)

    def test_avahi_first_then_our_own_query(self):
        self.assertEqual(["http://a:1"], finder.candidates({}, avahi=lambda: ["http://a:1"], query=lambda: ["http://b:2"]))
        self.assertEqual(["http://b:2"], finder.candidates({}, avahi=lambda: [], query=lambda: ["http://b:2"]))

    def test_nothing_found_says_how_to_name_a_node(self):
        with self.assertRaises(PunnetError) as raised:
            finder.candidates({}, avahi=lambda: [], query=lambda: [])
        self.assertIn("PUNNET_URL", str(raised.exception))

    def test_avahi_browse_output_gives_the_resolved_ipv4_nodes(self):
        output = "\n".join([
            "+;eth0;IPv4;n1;_punnet._udp;local",
            '=;eth0;IPv4;n1;_punnet._udp;local;pi-1.local;10.77.0.11;7946;"v=1" "http=8080" "node=n1" "cluster=punnet"',
            '=;eth0;IPv6;n1;_punnet._udp;local;pi-1.local;fe80::1;7946;"v=1" "http=8080"',
            '=;eth0;IPv4;n2;_punnet._udp;local;pi-2.local;10.77.0.12;7946;"node=n2"',
        ])
        self.assertEqual(["http://10.77.0.11:8080"], finder.parse_avahi(output))


if __name__ == "__main__":
    unittest.main()
