"""`python -m bot.moderation`: the classification CLI (see `cli.py`)."""

import sys

from .cli import main

sys.exit(main())
