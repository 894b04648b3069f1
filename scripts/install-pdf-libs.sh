#!/usr/bin/env bash
# Installs the Debian libraries WeasyPrint loads for the PDFs, when this machine can (root or
# sudo without a password). It never fails `make site`: without them it says, in Dutch, what to
# install; a missing optional library (HarfBuzz-subset) only makes the PDFs slower to write.
set -uo pipefail
need=()
ldconfig -p | grep -q 'libpango-1.0.so' || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p | grep -q 'libharfbuzz-subset.so' || need+=(libharfbuzz-subset0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"
else
  echo "Let op: installeer deze pakketten voor de PDF's: sudo apt-get install ${need[*]}" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Let op: geen apt-get op deze computer; installeer zelf: ${need[*]} (Pango en HarfBuzz-subset)" >&2
  exit 0
fi
echo "PDF-bibliotheken installeren: ${need[*]}" >&2
{ $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"; } >/dev/null \
  || echo "Let op: installeren lukte niet; installeer zelf: sudo apt-get install ${need[*]}" >&2
exit 0
