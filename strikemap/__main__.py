"""Lets `python -m strikemap` run the command line."""

import sys

from strikemap.cli import main

sys.exit(main())
