"""Which node to ask, with no configuration. In order:

1. ``PUNNET_URL`` (``http://host:8080``; ``host`` alone means port 8080): that node, nothing else;
2. ``avahi-browse -rpt _punnet._udp`` when avahi is installed and its daemon runs: the nodes it resolves;
3. one legacy-unicast mDNS query of our own (see mdns.py), answers collected for ``MDNS_WAIT_S``.

Any node will do: each one knows the whole cluster through gossip.
"""

import shutil
import socket
import subprocess
import time

from . import mdns
from .errors import PunnetError

DEFAULT_HTTP_PORT = 8080
MDNS_GROUP = ("224.0.0.251", 5353)
MDNS_WAIT_S = 2.0
MDNS_RESEND_S = 0.7
AVAHI_TIMEOUT_S = 5.0


def normalize(url):
    """http://host:port without a trailing slash, from 'host', 'host:port' or a full URL."""
    url = url.strip().rstrip("/")
    if not url:
        raise PunnetError("PUNNET_URL is empty")
    if "://" not in url:
        url = "http://" + url
    scheme, rest = url.split("://", 1)
    host = rest.split("/", 1)[0]
    if ":" not in host.rsplit("]", 1)[-1]:
        url = "%s://%s:%d%s" % (scheme, host, DEFAULT_HTTP_PORT, rest[len(host):])
    return url


def parse_avahi(output):
    """URLs of the IPv4 nodes in ``avahi-browse -rpt`` output ('=' lines: resolved services)."""
    urls = []
    for line in output.splitlines():
        fields = line.split(";")
        if len(fields) < 10 or fields[0] != "=" or fields[2] != "IPv4":
            continue
        txt = dict(item.strip('"').partition("=")[::2] for item in fields[9].split('" "'))
        port = txt.get("http", "")
        if port.isdigit() and 0 < int(port) < 65536:
            url = "http://%s:%s" % (fields[7], port)
            if url not in urls:
                urls.append(url)
    return urls


def avahi_nodes(run=subprocess.run):
    if not shutil.which("avahi-browse"):
        return []
    try:
        done = run(["avahi-browse", "-rpt", "_punnet._udp"], capture_output=True, text=True,
                   timeout=AVAHI_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_avahi(done.stdout) if done.returncode == 0 else []


def mdns_nodes(wait_s=MDNS_WAIT_S, resend_s=MDNS_RESEND_S):
    """Sends the query to the mDNS group (again every ``resend_s`` while nobody answered: UDP may
    lose it) and reads the unicast answers until ``wait_s`` passed."""
    urls = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
        start = time.monotonic()
        next_send = start
        while (left := start + wait_s - time.monotonic()) > 0:
            if not urls and time.monotonic() >= next_send:
                try:
                    sock.sendto(mdns.query(), MDNS_GROUP)
                except OSError:
                    return urls  # no route for multicast: no mDNS here
                next_send += resend_s
            sock.settimeout(max(0.01, min(left, next_send - time.monotonic()) if not urls else left))
            try:
                packet, _ = sock.recvfrom(9000)
            except (socket.timeout, OSError):
                continue
            for _, address, port in mdns.nodes(packet):
                url = "http://%s:%d" % (address, port)
                if url not in urls:
                    urls.append(url)
    return urls


def candidates(env, avahi=avahi_nodes, query=mdns_nodes):
    """The node URLs to try, best first; PunnetError when none can be found."""
    if env.get("PUNNET_URL"):
        return [normalize(env["PUNNET_URL"])]
    urls = avahi() or query()
    if not urls:
        raise PunnetError("no Punnet node found by mDNS: set PUNNET_URL=http://<any node>:8080")
    return urls
