"""Run the command line: ``python -m sistercities``."""

import sys

from sistercities.cli import main

sys.exit(main())
