#!/usr/bin/env bash
# Installs the Debian packages the tests need: a real headless Chromium for browser tests,
# poppler (pdftoppm, pdftotext) and qpdf for PDF checks, Java for the Nu HTML Checker,
# and the libraries WeasyPrint loads.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v java >/dev/null || need+=(default-jre-headless)   # the Nu HTML Checker
command -v npm >/dev/null || need+=(npm)   # scorm-again, the SCORM runtime of the SCORM tests
ldconfig -p | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p | grep -q libharfbuzz-subset || need+=(libharfbuzz-subset0)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
