"""Where a service goes: the N least busy nodes that can take it (pure functions, no I/O).

A node's busyness (lower is better) adds three parts, each about 0..1 for a healthy node:

  load     load average over 1 minute per core (the gossiped ``punnet_load1 / punnet_cpu_count``);
           1.0 means every core had one runnable task: a Pi at 1.0 is full
  memory   the fraction of memory in use, ``1 - available / total``
  heat     how close the SoC is to throttling: 0 below 60 C, rising to 1 at 80 C (a Raspberry Pi
           throttles its clock at 80-85 C, so a hot node is a slow node)

A figure the node has not published yet counts as its worst (1 for load per core and memory, 0 for
heat, which many boards cannot measure), so an unknown node is chosen after the known idle ones.

A node is eligible when it is ALIVE in the answering node's view, no member suspects it (a node that
one peer already suspects is not where a new service should go), it does not run the service yet,
it is below the throttling temperature, and at least 5 % of its memory is available (below that a
new service meets the OOM killer, whatever the load). Ties go to the node name, so a plan repeats.
"""

from dataclasses import dataclass, field

LOAD_UNKNOWN = 1.0
MEMORY_UNKNOWN = 1.0
HEAT_START_CELSIUS = 60.0
THROTTLE_CELSIUS = 80.0
MIN_MEMORY_AVAILABLE_FRACTION = 0.05


@dataclass(frozen=True)
class Candidate:
    """One node as the plan sees it: its name, its score parts, and why it is not eligible (or None)."""

    name: str
    load: float
    memory: float
    heat: float
    excluded: str = None

    @property
    def score(self):
        return round(self.load + self.memory + self.heat, 4)


@dataclass
class Plan:
    """The chosen nodes (best first) and every candidate, for --dry-run's table."""

    service: str
    count: int
    chosen: list
    candidates: list = field(default_factory=list)


class NotEnoughNodes(Exception):
    """Fewer eligible nodes than asked for; the message names every excluded node and why."""


def load_part(hostvars):
    load, cpus = hostvars.get("punnet_load1"), hostvars.get("punnet_cpu_count")
    if load is None or load < 0:
        return LOAD_UNKNOWN
    return load / cpus if cpus else load


def memory_part(hostvars):
    total, available = hostvars.get("punnet_mem_total_bytes"), hostvars.get("punnet_mem_available_bytes")
    if not total or available is None:
        return MEMORY_UNKNOWN
    return min(1.0, max(0.0, 1.0 - available / total))


def heat_part(hostvars):
    celsius = hostvars.get("punnet_temperature_celsius")
    if celsius is None:
        return 0.0
    return min(1.0, max(0.0, (celsius - HEAT_START_CELSIUS) / (THROTTLE_CELSIUS - HEAT_START_CELSIUS)))


def exclusion(name, hostvars, service, suspected):
    """Why this node cannot take the service, or None when it can."""
    status = hostvars.get("punnet_status")
    if status != "ALIVE":
        return "status %s" % (status or "unknown")
    if suspected.get(name):
        return "suspected by %s" % ", ".join(sorted(suspected[name]))
    if service in (hostvars.get("punnet_services") or []):
        return "runs %s already" % service
    celsius = hostvars.get("punnet_temperature_celsius")
    if celsius is not None and celsius >= THROTTLE_CELSIUS:
        return "too hot (%.1f C)" % celsius
    total, available = hostvars.get("punnet_mem_total_bytes"), hostvars.get("punnet_mem_available_bytes")
    if total and available is not None and available < MIN_MEMORY_AVAILABLE_FRACTION * total:
        return "low memory (%.0f%% available)" % (100.0 * available / total)
    return None


def candidate(name, hostvars, service, suspected):
    return Candidate(name, round(load_part(hostvars), 4), round(memory_part(hostvars), 4),
                     round(heat_part(hostvars), 4), exclusion(name, hostvars, service, suspected))


def plan(hostvars_by_name, count, service, suspected=None):
    """The ``count`` least busy eligible nodes for ``service``.

    hostvars_by_name: the inventory's ``_meta.hostvars``; suspected: {node: [members suspecting it]}.
    Raises NotEnoughNodes before anything runs when fewer than ``count`` nodes are eligible, and
    ValueError for a count below 1.
    """
    if count < 1:
        raise ValueError("the number of nodes must be at least 1, not %d" % count)
    suspected = suspected or {}
    candidates = sorted((candidate(n, v, service, suspected) for n, v in hostvars_by_name.items()),
                        key=lambda c: (c.excluded is not None, c.score, c.name))
    eligible = [c for c in candidates if c.excluded is None]
    if len(eligible) < count:
        reasons = "; ".join("%s: %s" % (c.name, c.excluded) for c in candidates if c.excluded)
        raise NotEnoughNodes("%s needs %d node%s but only %d %s eligible (of %d)%s" % (
            service, count, "" if count == 1 else "s", len(eligible), "is" if len(eligible) == 1 else "are",
            len(candidates), " - " + reasons if reasons else ""))
    return Plan(service, count, eligible[:count], candidates)


def table(result):
    """The plan as text: one line per node with its score parts, chosen ones marked."""
    chosen = {c.name for c in result.chosen}
    lines = ["%-3s %-24s %7s %7s %7s %7s  %s" % ("", "node", "score", "load", "memory", "heat", "note")]
    for c in result.candidates:
        mark = "->" if c.name in chosen else ""
        note = c.excluded or ("chosen" if c.name in chosen else "eligible")
        lines.append("%-3s %-24s %7.3f %7.3f %7.3f %7.3f  %s" % (mark, c.name, c.score, c.load, c.memory, c.heat, note))
    return "\n".join(lines)
