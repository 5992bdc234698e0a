"""The one exception the tools raise on purpose: its message is shown to the user as it is."""


class PunnetError(Exception):
    """Something the user can act on: a node that cannot be reached, a refused change, too few nodes."""


class Unreachable(PunnetError):
    """The node did not answer at all (refused, timed out, no route): asking it again is pointless."""
