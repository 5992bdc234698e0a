"""punnet-lb-sync: keeps the load balancers' upstreams equal to the web servers that are alive.

  punnet-lb-sync [--once] [--interval-s 10] [--rounds N] [-- ANSIBLE-PLAYBOOK OPTIONS...]

Reads the inventory; whenever the hosts of ``nginx_webserver_available`` (web servers on ALIVE
nodes) differ from those last rendered, runs playbooks/load_balancer.yml on
``load_balancer_available``. So a web server launched, stopped, or on a node that died or left is
in or out of the upstreams within one interval. --once renders now and stops (cron, or a test).
Run it on the admin machine, e.g. as a systemd user service; each round is bounded by the
playbook's timeout.
"""

import sys
import time

from . import cli, finder, inventory, playbook
from .errors import PunnetError

BACKENDS = "nginx_webserver_available"
FRONTENDS = "load_balancer_available"


def hosts(inv, group):
    return sorted((inv.get(group) or {}).get("hosts", []))


def sync_once(env, last, out, extra=()):
    """Renders when the backends changed since ``last`` (None: always); returns what was rendered."""
    url, inv = inventory.fetch(finder.candidates(env))
    backends, frontends = hosts(inv, BACKENDS), hosts(inv, FRONTENDS)
    if backends == last or not frontends:
        return last
    print("web servers now: %s; rendering the load balancers on %s" % (", ".join(backends) or "none",
                                                                      ", ".join(frontends)), file=out)
    code, _ = playbook.run(playbook.path("load_balancer"), frontends, url, extra, out=out)
    return backends if code == 0 else last


def main(argv, out=sys.stdout):
    p = cli.parser("punnet-lb-sync", __doc__)
    p.add_argument("--once", action="store_true")
    p.add_argument("--interval-s", type=float, default=10.0)
    p.add_argument("--rounds", type=int, default=0, help="stop after this many rounds (0: never)")
    p.add_argument("ansible_args", nargs="*", help="after --: passed to ansible-playbook")
    args = p.parse_args(argv)
    env = cli.environment(args)
    last = sync_once(env, None, out, args.ansible_args)
    rounds = 1
    while not args.once and (args.rounds == 0 or rounds < args.rounds):
        time.sleep(args.interval_s)
        try:
            last = sync_once(env, last, out, args.ansible_args)
        except PunnetError as e:
            print("punnet-lb-sync: %s (trying again in %.0f s)" % (e, args.interval_s), file=sys.stderr)
        rounds += 1
    return 0
