"""Make sure the web servers the mentor-area tests start are installed (run by `make servers`, so by `make test`).

The tests start Debian's nginx and Apache httpd with the shipped deploy/ configurations on a local port. When we
are root with apt-get, missing ones are installed (without starting their system services); otherwise the tests
that need them are skipped, each saying what is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = {"nginx": "nginx", "apache2": "apache2"}  # executable → Debian package
POLICY = "/usr/sbin/policy-rc.d"  # "do not start services" while installing (the Debian way)
WAIT = ("-o", "DPkg::Lock::Timeout=300")  # wait for another apt-get's lock (a machine's updates at boot)


def missing() -> list[str]:
    return [package for binary, package in PACKAGES.items() if not shutil.which(binary, path="/usr/sbin:/usr/bin")]


def main() -> int:
    wanted = missing()
    if not wanted:
        return 0
    apt = shutil.which("apt-get")
    if not (apt and os.geteuid() == 0):
        print(
            f"Web server tests will be skipped: install {', '.join(wanted)} (as root: apt-get install).",
            file=sys.stderr,
        )
        return 0
    print(f"Installing {', '.join(wanted)} with apt-get for the web server tests", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    own_policy = not os.path.exists(POLICY)
    if own_policy:
        with open(POLICY, "w") as f:
            f.write("#!/bin/sh\nexit 101\n")
        os.chmod(POLICY, 0o755)
    try:
        for command in ([apt, *WAIT, "update", "-qq"], [apt, *WAIT, "install", "-y", "-qq", *wanted]):
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL)
    finally:
        if own_policy:
            os.remove(POLICY)
    if missing():
        print(f"Web server tests will be skipped: could not install {', '.join(missing())}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
