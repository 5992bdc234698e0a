"""Runs ansible-playbook on this tree's playbooks with this tree's inventory, bounded in time,
echoing its output as it comes, and tells which hosts it succeeded on (recap.py)."""

import os
import shutil
import subprocess
import sys
import threading

from . import recap
from .errors import PunnetError

ANSIBLE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INVENTORY = os.path.join(ANSIBLE_DIR, "inventory", "punnet")
PLAYBOOKS = os.path.join(ANSIBLE_DIR, "playbooks")
DEFAULT_TIMEOUT_S = 1800


def path(service, playbooks=PLAYBOOKS):
    """The playbook of a service; PunnetError (before anything runs) when there is none."""
    candidate = os.path.join(playbooks, service + ".yml")
    if not os.path.isfile(candidate):
        known = sorted(f[:-4] for f in os.listdir(playbooks) if f.endswith(".yml")) if os.path.isdir(playbooks) else []
        raise PunnetError("no playbook for %r in %s (there are: %s)" % (service, playbooks, ", ".join(known) or "none"))
    return candidate


def run(playbook, limit, node_url, extra=(), timeout_s=DEFAULT_TIMEOUT_S, out=sys.stdout):
    """(exit code, {host: succeeded}) of ansible-playbook on ``limit`` (host names or a group)."""
    if not shutil.which("ansible-playbook"):
        raise PunnetError("ansible-playbook is not installed (Debian: apt install ansible)")
    command = ["ansible-playbook", "-i", INVENTORY, playbook, "--limit", ",".join(limit)] + list(extra)
    env = dict(os.environ, PUNNET_URL=node_url, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0")
    print("+ " + " ".join(command), file=out, flush=True)
    lines = []
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        # a watchdog, so that even a silent, hung ansible-playbook is stopped at the deadline
        watchdog = threading.Timer(timeout_s, process.kill)
        watchdog.start()
        try:
            for line in process.stdout:
                lines.append(line)
                out.write(line)
            code = process.wait()
        finally:
            expired = not watchdog.is_alive() and watchdog.finished.is_set() and process.returncode == -9
            watchdog.cancel()
    if expired:
        raise PunnetError("ansible-playbook ran longer than %d s and was stopped" % timeout_s)
    return code, recap.outcomes("".join(lines))
