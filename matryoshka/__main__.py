"""``python -m matryoshka``: the same as the ``matryoshka`` command."""

from __future__ import annotations

import sys

from matryoshka.cli import main

sys.exit(main())
