"""Make sure the Chromium the browser tests drive is installed (run by `make browser`, so by `make test`).

Playwright cannot download its own browser on the intranet, so the tests use the system Chromium:
$SMARTSHARE_CHROMIUM, /usr/bin/chromium by default. Installed with apt-get when we are root, else one clear line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

DEFAULT = "/usr/bin/chromium"
# Another apt-get (a machine's own updates at boot) holds dpkg's lock for a while: wait for it rather than fail.
WAIT = ("-o", "DPkg::Lock::Timeout=300")


def chromium_path() -> str:
    return os.environ.get("SMARTSHARE_CHROMIUM") or DEFAULT


def main() -> int:
    path = chromium_path()
    if os.access(path, os.X_OK):
        return 0
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print(f"Chromium not found at {path}: installing it with apt-get", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        installed = all(
            subprocess.run(command, env=env).returncode == 0
            for command in ([apt, *WAIT, "update"], [apt, *WAIT, "install", "-y", "chromium"])
        )
        if installed and os.access(path, os.X_OK):
            return 0
    print(
        f"Browser tests need Chromium at {path}: install the 'chromium' package or set SMARTSHARE_CHROMIUM.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
