#!/bin/sh
# What the integration tests need from Debian: Chromium and its ChromeDriver (the browser journeys) and HAProxy
# (ClusterIT's balancer). Installs what is missing when we are root; otherwise says in one line what to install.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
if [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages$missing for the integration tests ..."
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    timeout 900 apt-get -o DPkg::Lock::Timeout=300 update -qq && timeout 900 apt-get -o DPkg::Lock::Timeout=300 install -y -qq $missing >/dev/null
    status=$?
    [ $status -eq 0 ] || echo "Installing$missing failed (exit $status)." >&2
    exit $status
fi
echo "The integration tests need Debian packages$missing: run 'sudo apt-get install -y$missing', then the tests again." >&2
exit 1
