"""`python -m checker` is the same program as the `factcheck` script."""

import sys

from checker.cli import main

sys.exit(main())
