#!/usr/bin/env bash
# The dashboard's page weight: every static file of web.bundle, raw and gzipped (gzip -9, each file
# alone), and, given a node's base URL, the bytes that node actually sends for them (plain, and
# when the client asks for gzip). Usage: bench/web-weight.sh [http://127.0.0.1:8080]
set -euo pipefail
cd "$(dirname "$0")/.."
static=web.bundle/src/main/resources/static
base=${1:-}

printf '%-22s %8s %8s' file raw gzip
[ -n "$base" ] && printf ' %10s %10s' sent sent-gz
printf '\n'
total_raw=0; total_gz=0; total_sent=0; total_sent_gz=0
for file in $(cd "$static" && find . -type f | sort); do
  path=${file#./}
  raw=$(wc -c < "$static/$path")
  gz=$(gzip -9 -c "$static/$path" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-22s %8d %8d' "$path" "$raw" "$gz"
  if [ -n "$base" ]; then
    url="$base/${path#index.html}"
    sent=$(curl -s -o /dev/null -w '%{size_download}' "$url")
    sent_gz=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$url")
    total_sent=$((total_sent + sent)); total_sent_gz=$((total_sent_gz + sent_gz))
    printf ' %10d %10d' "$sent" "$sent_gz"
  fi
  printf '\n'
done
printf '%-22s %8d %8d' TOTAL "$total_raw" "$total_gz"
[ -n "$base" ] && printf ' %10d %10d' "$total_sent" "$total_sent_gz"
printf '\n'
echo "command: bench/web-weight.sh ${base}"
