"""Run with ``python -m ambassadeur_app``."""

import sys

from ambassadeur_app.cli import main

sys.exit(main())
