"""`python -m jobtui.sim`, until `jobtui sim` is wired in the main CLI."""

from __future__ import annotations

import sys

from jobtui.sim.cli import main

sys.exit(main())
