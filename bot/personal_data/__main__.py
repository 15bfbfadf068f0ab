"""`python -m bot.personal_data`: the masking CLI (see `cli.py`)."""

import sys

from .cli import main

sys.exit(main())
