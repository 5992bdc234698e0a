#!/bin/sh
# Installs a Punnet node on Raspberry Pi OS (or any Debian 12 based system), and prepares its SD
# card to be copied to the other Pis: configure one card, copy it to the others.
#
#   sudo ./install-punnet.sh install [--deb FILE] [--cluster-key KEY | --new-cluster-key] [--seeds H:P,...]
#       installs Java 17 and the punnet package (FILE, default: the newest punnet_*_all.deb beside
#       this script), gives the node the cluster key (KEY, else PUNNET_CLUSTER_KEY from the
#       environment, else the key already installed, else a new one), starts the service and prints
#       what the other machines need: the cluster key, the REST API token, the dashboard address.
#   sudo ./install-punnet.sh seal [--keep-ssh-keys] [--poweroff]
#       makes this card safe to copy: stops the node and forgets everything that belongs to this
#       machine only (node name, node state, /etc/machine-id, SSH host keys), so that each copy
#       gets a fresh identity on its first boot (punnet-identity.service) and none share one.
#       Run it last, then power off and copy the card. The cluster key and API token stay: every
#       copy joins the same cluster.
#
# ROOT (default /) is where the system is: tests point it at a directory for 'seal'.
set -eu

ROOT=${ROOT:-}
ME=$(basename "$0")
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

die() { echo "$ME: $*" >&2; exit 1; }
say() { echo "$ME: $*"; }

need_root() {
  [ "$(id -u)" = 0 ] || die "run me as root (sudo $0 $*)"
}

valid_key() {
  for k in $(echo "$1" | tr ',' ' '); do
    n=$(printf '%s' "$k" | base64 -d 2>/dev/null | wc -c) || n=0
    [ "$n" = 16 ] || [ "$n" = 32 ] || return 1
  done
}

secret() {
  sed -n "s/^$1=//p" /etc/punnet/secrets.properties 2>/dev/null | tail -n 1
}

install_node() {
  deb="" key="${PUNNET_CLUSTER_KEY:-}" seeds="" new_key=no
  while [ $# -gt 0 ]; do
    case "$1" in
      --deb) deb=${2:?--deb needs a file}; shift 2 ;;
      --cluster-key) key=${2:?--cluster-key needs a key}; shift 2 ;;
      --new-cluster-key) new_key=yes; shift ;;
      --seeds) seeds=${2:?--seeds needs host:port,...}; shift 2 ;;
      *) die "unknown option '$1' (see the head of $0)" ;;
    esac
  done
  need_root install
  if [ -z "$deb" ]; then
    # the newest version (sort -V) beside this script
    deb=$(find "$HERE" -maxdepth 1 -name 'punnet_*_all.deb' | sort -V | tail -n 1)
    [ -n "$deb" ] || die "no punnet_*_all.deb beside me: give one with --deb FILE"
  fi
  [ -f "$deb" ] || die "$deb: no such file"
  if [ "$new_key" = yes ]; then
    key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  fi
  if [ -n "$key" ] && ! valid_key "$key"; then
    die "the cluster key is not valid: each comma-separated key must be base64 of 16 or 32 bytes (make one: head -c 32 /dev/urandom | base64)"
  fi

  say "installing Java 17 and $(basename "$deb")"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q openjdk-17-jre-headless
  if [ -n "$seeds" ]; then
    set_default PUNNET_SEEDS "$seeds"
  fi
  # the package's postinst stores PUNNET_CLUSTER_KEY from its environment (or keeps the installed key)
  if dpkg-query -W -f='${Status}' punnet 2>/dev/null | grep -q 'install ok installed' && [ -n "$key" ]; then
    PUNNET_CLUSTER_KEY="$key" apt-get install -y -q --reinstall "$deb"
  else
    PUNNET_CLUSTER_KEY="$key" apt-get install -y -q "$deb"
  fi
  systemctl enable punnet.service punnet-identity.service >/dev/null 2>&1 || true
  systemctl restart punnet-identity.service punnet.service || die "the service did not start: journalctl -u punnet"

  cluster_key=$(secret cluster.key)
  from_default=$(sed -n 's/^PUNNET_CLUSTER_KEY=//p' /etc/default/punnet 2>/dev/null | tail -n 1)
  [ -z "$from_default" ] || cluster_key=$from_default
  name=$(sed -n 's/^PUNNET_NODE_NAME=//p' /var/lib/punnet/node.env 2>/dev/null || true)
  cat <<MSG

Punnet is installed and running (journalctl -u punnet -f).
  node name:      ${name:-its host name}
  dashboard:      http://$(hostname -I 2>/dev/null | cut -d' ' -f1):8080/
  cluster key:    $cluster_key
  REST API token: $(secret api.token)
Other machines join this cluster with the same key:
  sudo ./$ME install --cluster-key '$cluster_key'
To copy this SD card to other Pis instead: sudo ./$ME seal --poweroff, then copy the card.
The Ansible tools (ansible/bin/*) take the token as PUNNET_API_TOKEN.
MSG
}

# Sets NAME=VALUE in /etc/default/punnet (a conffile: dpkg keeps the edit across upgrades).
set_default() {
  file="$ROOT/etc/default/punnet"
  mkdir -p "$(dirname "$file")"
  touch "$file"
  # 640 like the package ships it: the file may hold the cluster key
  (umask 027 && grep -v "^$1=" "$file" > "$file.new") || true
  echo "$1=$2" >> "$file.new"
  chmod 640 "$file.new"
  mv "$file.new" "$file"
}

seal() {
  keep_ssh=no poweroff=no
  while [ $# -gt 0 ]; do
    case "$1" in
      --keep-ssh-keys) keep_ssh=yes; shift ;;
      --poweroff) poweroff=yes; shift ;;
      *) die "unknown option '$1' (see the head of $0)" ;;
    esac
  done
  need_root seal
  if [ -z "$ROOT" ] && command -v systemctl >/dev/null 2>&1; then
    systemctl stop punnet.service 2>/dev/null || true
  fi
  # the node's own state: its name, its meta-data (services, tags), the Felix cache
  rm -rf "$ROOT/var/lib/punnet/.punnet" "$ROOT/var/lib/punnet/meta-data.json" "$ROOT/var/lib/punnet/.cache" \
    "$ROOT/var/lib/punnet/node.env" "$ROOT/var/lib/punnet/.machine-id"
  # an empty machine id: systemd writes a new random one on the first boot of each copy, and
  # punnet-identity.service names the node from it (DHCP client ids and the journal follow it too)
  : > "$ROOT/etc/machine-id"
  if [ -f "$ROOT/var/lib/dbus/machine-id" ] && [ ! -L "$ROOT/var/lib/dbus/machine-id" ]; then
    ln -sf /etc/machine-id "$ROOT/var/lib/dbus/machine-id"
  fi
  rm -f "$ROOT/var/lib/systemd/random-seed"
  # An empty machine id is systemd's "first boot": systemd-firstboot would then ask for a locale
  # on the console (and wait) when /etc/locale.conf is missing, as on Debian. Give it one.
  if [ ! -e "$ROOT/etc/locale.conf" ]; then
    lang=$(sed -n 's/^LANG=//p' "$ROOT/etc/default/locale" 2>/dev/null | tr -d '"' | tail -n 1)
    echo "LANG=${lang:-C.UTF-8}" > "$ROOT/etc/locale.conf"
  fi
  if [ "$keep_ssh" = no ]; then
    # copies must not share host keys; punnet-identity regenerates them before ssh starts
    rm -f "$ROOT"/etc/ssh/ssh_host_*
  fi
  say "sealed: every copy of this card gets its own machine id, node name and SSH host keys on its first boot"
  if [ "$poweroff" = yes ] && [ -z "$ROOT" ]; then
    say "powering off: copy the card now"
    systemctl poweroff
  else
    say "power off now (do not reboot this card before copying it, or it takes an identity again)"
  fi
}

case "${1:-}" in
  install) shift; install_node "$@" ;;
  seal) shift; seal "$@" ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
