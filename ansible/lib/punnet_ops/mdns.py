"""The DNS-SD packets of a one-shot mDNS browse for Punnet nodes (RFC 6762 / 6763), as pure
functions: the query, and the answers turned into (node, address, HTTP port).

The query asks PTR ``_punnet._udp.local.`` from an ordinary (non-5353) port: a "legacy unicast"
query (RFC 6762 section 6.7), which responders answer directly to the asking port, so no socket
joins the multicast group. A node's answer carries its PTR, SRV (host, gossip port), TXT
(``cluster=``, ``node=``, ``gossip=``, ``http=``, ``v=``) and A records.
"""

import struct

SERVICE_TYPE = "_punnet._udp.local."
TYPE_A, TYPE_PTR, TYPE_TXT, TYPE_SRV = 1, 12, 16, 33
CLASS_IN = 1


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        raw = label.encode("utf-8")
        if not 0 < len(raw) < 64:
            raise ValueError("bad DNS label in %r" % name)
        out += bytes([len(raw)]) + raw
    return out + b"\x00"


def query(service_type=SERVICE_TYPE, query_id=0x5054):
    """A standard query for the service type's PTR records."""
    header = struct.pack("!HHHHHH", query_id, 0, 1, 0, 0, 0)
    return header + encode_name(service_type) + struct.pack("!HH", TYPE_PTR, CLASS_IN)


def read_name(packet, offset, depth=0):
    """(name, offset after it), following compression pointers (bounded, so a loop cannot hang)."""
    labels = []
    end = None
    while True:
        if offset >= len(packet) or depth > 20:
            raise ValueError("truncated or looping name")
        length = packet[offset]
        if length == 0:
            offset += 1
            break
        if length & 0xC0 == 0xC0:
            pointer = struct.unpack("!H", packet[offset:offset + 2])[0] & 0x3FFF
            end = offset + 2 if end is None else end
            offset, depth = pointer, depth + 1
            continue
        labels.append(packet[offset + 1:offset + 1 + length].decode("utf-8", "replace"))
        offset += 1 + length
    return ".".join(labels) + ".", (end if end is not None else offset)


def records(packet):
    """Every resource record of a response: (name, type, rdata offset, rdata bytes)."""
    if len(packet) < 12:
        raise ValueError("shorter than a DNS header")
    _, flags, qd, an, ns, ar = struct.unpack("!HHHHHH", packet[:12])
    if not flags & 0x8000:
        return []  # a query, not an answer
    offset = 12
    for _ in range(qd):
        _, offset = read_name(packet, offset)
        offset += 4
    out = []
    for _ in range(an + ns + ar):
        name, offset = read_name(packet, offset)
        rtype, _, _, length = struct.unpack("!HHIH", packet[offset:offset + 10])
        offset += 10
        out.append((name.lower(), rtype, offset, packet[offset:offset + length]))
        offset += length
    return out


def txt(rdata):
    values = {}
    i = 0
    while i < len(rdata):
        length = rdata[i]
        entry = rdata[i + 1:i + 1 + length].decode("utf-8", "replace")
        i += 1 + length
        key, _, value = entry.partition("=")
        values[key] = value
    return values


def nodes(packet, service_type=SERVICE_TYPE):
    """[(node, IPv4 address, HTTP port)] announced in one response; malformed packets give []."""
    try:
        found = records(packet)
    except (ValueError, struct.error, IndexError):
        return []
    addresses, services = {}, {}
    for name, rtype, offset, rdata in found:
        if rtype == TYPE_A and len(rdata) == 4:
            addresses[name] = ".".join(str(b) for b in rdata)
        elif rtype == TYPE_SRV and len(rdata) > 6:
            target, _ = read_name(packet, offset + 6)
            services.setdefault(name, {})["target"] = target.lower()
        elif rtype == TYPE_TXT and name.endswith(service_type.lower()):
            services.setdefault(name, {}).update(txt(rdata))
    result = []
    for instance, info in sorted(services.items()):
        address = addresses.get(info.get("target"))
        if address is None and len(addresses) == 1:
            address = next(iter(addresses.values()))
        port = info.get("http", "")
        if address and port.isdigit() and 0 < int(port) < 65536:
            result.append((info.get("node") or instance.split(".")[0], address, int(port)))
    return result
