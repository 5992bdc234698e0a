"""punnet-launch: starts a service on the N least busy nodes that do not run it yet.

  punnet-launch N SERVICE [--dry-run] [-- ANSIBLE-PLAYBOOK OPTIONS...]

1. reads the cluster from any node (the inventory, and who suspects whom);
2. plans (scoring.py): the N least busy eligible nodes, from the gossiped live load per core,
   memory in use and temperature; not ALIVE, suspected, already running it, too hot: not eligible.
   Too few eligible nodes is an error here, before anything runs. --dry-run prints the plan and stops;
3. runs playbooks/SERVICE.yml on the chosen nodes only;
4. records SERVICE in the meta-data of each node the playbook succeeded on (PLAY RECAP: reached,
   nothing failed), and only those: a failed node does not claim a service it does not run;
5. re-renders what depends on the service (RERENDER: the load balancers of nginx_webserver).

Exit status: 0 all done; 1 an error (nothing recorded for failed nodes); 3 not enough nodes.
"""

import sys

from . import cli, finder, inventory, metadata, playbook, scoring
from .api import Node
from .errors import PunnetError

EXIT_NOT_ENOUGH = 3
# service -> the service whose playbook re-renders from it (its group is that playbook's input)
RERENDER = {"nginx_webserver": "load_balancer"}


def suspicions(node):
    try:
        return (node.get("/api/v1/suspicions") or {}).get("suspected") or {}
    except PunnetError:
        return {}  # an older node without the route: the status alone decides


def record(node, hosts, service, out):
    """Adds the service to each host's meta-data; returns the hosts it could not record on."""
    failed = []
    for host in hosts:
        try:
            text, _ = metadata.change(node, "add-service", host, service)
            print("recorded %s on %s: %s" % (service, host, text), file=out)
        except PunnetError as e:
            print("could not record %s on %s: %s" % (service, host, e), file=sys.stderr)
            failed.append(host)
    return failed


def rerender(service, node_url, inv, extra, out):
    """Runs the dependent playbook on the nodes that run the dependent service (if any)."""
    dependent = RERENDER.get(service)
    hosts = (inv.get(dependent + "_available") or {}).get("hosts", []) if dependent else []
    if not hosts:
        return 0
    print("re-rendering %s on %s" % (dependent, ", ".join(hosts)), file=out)
    code, _ = playbook.run(playbook.path(dependent), hosts, node_url, extra, out=out)
    return code


def main(argv, out=sys.stdout):
    p = cli.parser("punnet-launch", __doc__)
    p.add_argument("count", type=int, help="how many nodes")
    p.add_argument("service", help="the service, e.g. nginx_webserver (playbooks/SERVICE.yml)")
    p.add_argument("--dry-run", action="store_true", help="print the plan with each node's score and stop")
    p.add_argument("ansible_args", nargs="*", help="after --: passed to ansible-playbook")
    args = p.parse_args(argv)
    env = cli.environment(args)
    book = None if args.dry_run else playbook.path(args.service)
    url, inv = inventory.fetch(finder.candidates(env))
    node = Node(url, cli.tokens.resolve(args.token, args.token_file, env))
    try:
        plan = scoring.plan(inv["_meta"]["hostvars"], args.count, args.service, suspicions(node))
    except scoring.NotEnoughNodes as e:
        print("punnet-launch: %s; nothing was run" % e, file=sys.stderr)
        return EXIT_NOT_ENOUGH
    except ValueError as e:
        raise PunnetError(str(e)) from None
    print("plan for %d x %s (cluster view of %s):" % (args.count, args.service, url), file=out)
    print(scoring.table(plan), file=out)
    if args.dry_run:
        return 0
    if not node.token:
        raise PunnetError("recording the service needs the API token: set PUNNET_API_TOKEN; nothing was run")
    chosen = [c.name for c in plan.chosen]
    code, outcomes = playbook.run(book, chosen, url, args.ansible_args, out=out)
    succeeded = [h for h in chosen if outcomes.get(h)]
    failed = [h for h in chosen if h not in succeeded]
    not_recorded = record(node, succeeded, args.service, out)
    problems = []
    if failed or code != 0:
        problems.append("the playbook failed on %s; not recorded there" % (", ".join(failed) or "no host"))
    if not_recorded:
        problems.append("could not record %s on %s" % (args.service, ", ".join(not_recorded)))
    if succeeded:
        _, inv = inventory.fetch([url])
        if rerender(args.service, url, inv, args.ansible_args, out) != 0:
            problems.append("re-rendering what depends on %s failed" % args.service)
    for problem in problems:
        print("punnet-launch: " + problem, file=sys.stderr)
    if not problems:
        print("launched %s on %s" % (args.service, ", ".join(succeeded)), file=out)
    return 1 if problems else 0
