"""Punnet's operations tooling: a dynamic Ansible inventory, a meta-data command line and a
placement tool (launch), all on Python 3's standard library only.

Modules, one concern each:
  errors     -- PunnetError: a message for a person, never a traceback
  api        -- a Punnet node's REST API over urllib (GET, PUT, DELETE with the bearer token)
  finder     -- which node to ask: PUNNET_URL, avahi-browse, or a small mDNS query of our own
  mdns       -- the DNS-SD packets of that query, as pure functions
  inventory  -- the cluster as Ansible's --list / --host JSON
  scoring    -- how busy a node is and which N nodes a service goes to (pure)
  recap      -- which hosts an ansible-playbook run succeeded on
  tokens     -- where the API token comes from
"""
