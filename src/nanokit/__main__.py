"""`python -m nanokit`: the same as the `nanokit` command.

Examples:
    >>> from nanokit.__main__ import main
    >>> main(["tier", "9999"])
    nano (inBeat: 9,999 followers; nano runs from 0 to 9,999)
    0
"""

import sys

from nanokit.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
