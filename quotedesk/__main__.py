import sys

from quotedesk.cli import main

sys.exit(main())
