"""Which hosts an ansible-playbook run succeeded on, from its PLAY RECAP lines
(``host : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0``)."""

import re

LINE = re.compile(r"^(\S+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)")


def outcomes(output):
    """{host: True when it was reached and nothing failed}; the last recap of the output wins."""
    result = {}
    for line in output.splitlines():
        m = LINE.match(line.strip())
        if m:
            result[m.group(1)] = m.group(4) == "0" and m.group(5) == "0"
    return result
