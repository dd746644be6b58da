"""``python -m uphmodel``: the same as the ``uphmodel`` command."""

import sys

from uphmodel.cli import main

sys.exit(main())
