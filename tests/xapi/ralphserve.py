"""Ralph's LRS for the xAPI tests in one process of Ralph's own interpreter (`.venv-ralph/bin/python ralphserve.py`):
what `ralph auth … -w` once per user and then `ralph runserver -b fs` do, with Ralph imported once instead of four
times.

`ralph runserver` is `uvicorn.run("ralph.api:app", reload=True)` after writing its options into an environment file:
its reloader is one process and the server another, each importing Ralph (about 2 s of CPU each), and each `ralph
auth` is one more. Here the users are added by Ralph's own `auth` command (its code, its bcrypt hashes, its file),
then Ralph's API is served by uvicorn as `runserver` serves it, minus the reloader (which only restarts the server
when a .py file of its working folder changes). The options `runserver` would have turned into environment
variables come in the environment (`lrs._ralph_env`): RALPH_RUNSERVER_BACKEND and
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH.

    python ralphserve.py HOST PORT USERS_JSON      # USERS_JSON: [[user, password, scope, home page], ...]
"""

from __future__ import annotations

import json
import sys


def main(host: str, port: int, users: list[list[str]]) -> None:
    import uvicorn
    from ralph.cli import cli
    from ralph.conf import settings

    for user, password, scope, home in users:  # each appended to RALPH_AUTH_FILE, as `ralph auth -w` appends
        cli.main(["auth", "-u", user, "-p", password, "-s", scope, "-A", user, home, "-w"], standalone_mode=False)
    uvicorn.run("ralph.api:app", host=host, port=port, log_config=settings.LOGGING, log_level="info")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]))
