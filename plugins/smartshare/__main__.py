"""`python -m smartshare`: the same command line as the installed `smartshare` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
