"""`python -m nnsine ...`: see nnsine.cli."""

import sys

from nnsine.cli import main

sys.exit(main())
