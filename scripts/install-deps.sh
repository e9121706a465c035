#!/usr/bin/env bash
# Installs the C libraries gridpay wraps, if they are missing (Debian packages): libcsv,
# libxlsxwriter, OpenSSL's libcrypto (SHA-256 of inputs and outputs) and SQLite (the ledger, via GRDB).
# Then the tools of the printed-workbook test (below).
# apt-get update runs first: on a new machine the package lists are empty.
set -euo pipefail
need=()
for pkg in libxlsxwriter-dev libcsv-dev libssl-dev libsqlite3-dev libexpat1-dev zlib1g-dev libfreexl-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The printed-workbook test (PrintedWorkbookTests) prints the sample workbook to PDF as a clerk
# would: LibreOffice Calc without a GUI, poppler's pdftotext/pdftoppm, a Chinese font (WenQuanYi
# Micro Hei) and Carlito (Calibri's metrics, the workbook's font). No recommended packages: the
# whole set installs in well under a minute.
print=()
for pkg in libreoffice-calc-nogui poppler-utils fonts-wqy-microhei fonts-crosextra-carlito; do
  dpkg -s "$pkg" >/dev/null 2>&1 || print+=("$pkg")
done
if [ ${#print[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing ${print[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${print[@]}" >/dev/null
fi
# The console's browser test (ConsoleBrowserTests): Debian's Chromium and its driver, and
# Selenium from PyPI.
browser=()
for pkg in chromium chromium-driver fonts-wqy-microhei; do
  dpkg -s "$pkg" >/dev/null 2>&1 || browser+=("$pkg")
done
if [ ${#browser[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing ${browser[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium
# The console's API fuzzer (ConsoleAPIFuzzTests): Schemathesis from PyPI.
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q schemathesis
# The console's TLS test (ConsoleTLSTests): the openssl command makes a certificate, curl signs in
# over HTTPS trusting only it (neither is in a minimal Debian).
tls=()
for pkg in openssl curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || tls+=("$pkg")
done
if [ ${#tls[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing ${tls[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${tls[@]}" >/dev/null
fi
