"""Where the REST API token comes from, first found wins:

1. ``--token`` on the command line (visible in ``ps``: prefer the others),
2. the environment variable ``PUNNET_API_TOKEN``,
3. ``--token-file FILE`` or ``PUNNET_API_TOKEN_FILE`` (the token alone, or a secrets.properties),
4. ``/etc/punnet/secrets.properties`` (``api.token=``) when this machine is a node and readable.
"""

import os

from .errors import PunnetError

NODE_SECRETS = "/etc/punnet/secrets.properties"


def from_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise PunnetError("cannot read the token file %s: %s" % (path, e.strerror)) from None
    for line in text.splitlines():
        if line.startswith("api.token="):
            return line[len("api.token="):].strip()
    lines = [l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    if len(lines) == 1 and "=" not in lines[0]:
        return lines[0]
    raise PunnetError("%s holds no api.token= line and is not a token alone" % path)


def resolve(given=None, token_file=None, env=None):
    """The token, or None when there is none (a change will then be refused with 401)."""
    env = os.environ if env is None else env
    if given:
        return given
    if env.get("PUNNET_API_TOKEN"):
        return env["PUNNET_API_TOKEN"]
    path = token_file or env.get("PUNNET_API_TOKEN_FILE")
    if path:
        return from_file(path)
    if os.access(NODE_SECRETS, os.R_OK):
        return from_file(NODE_SECRETS)
    return None
