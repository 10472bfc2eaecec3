#!/bin/sh
# Debian packages some tests need; without them those tests are skipped, never failed.
#   chromium              the browser tests (tests/test_browser.py, marker `browser`); Playwright
#                         never downloads a browser: the tests use /usr/bin/chromium only.
#   libreoffice-calc-nogui, poppler-utils
#                         a real spreadsheet program opens the annotated copy and re-saves a
#                         workbook (tests/test_annotate.py, tests/test_workbook.py).
#   r-cran-igraph         R's igraph reads the GraphML and Pajek exports (tests/test_export.py).
set -eu
need=""
[ -x /usr/bin/chromium ] || need="$need chromium fonts-dejavu-core"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -d /usr/lib/R/site-library/igraph ] || need="$need r-cran-igraph"
if [ -z "$need" ]; then
    echo "system packages already installed"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends $need
