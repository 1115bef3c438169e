#!/bin/sh
# The browser journeys drive Debian's Chromium through its ChromeDriver. Installs both when they are
# missing and we are root; otherwise says in one line what to install.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages chromium and chromium-driver for the browser tests ..."
    export DEBIAN_FRONTEND=noninteractive
    timeout 900 apt-get -o DPkg::Lock::Timeout=300 update -qq && timeout 900 apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium chromium-driver >/dev/null
    status=$?
    [ $status -eq 0 ] || echo "Installing chromium chromium-driver failed (exit $status)." >&2
    exit $status
fi
echo "Browser tests need Chromium and its driver: run 'sudo apt-get install -y chromium chromium-driver', then the tests again." >&2
exit 1
