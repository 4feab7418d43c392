"""The repository's entry point for the web app: ``python app.py [--host H] [--port P] [--db DIR]``.

The app itself lives in the package (``quotedesk/web/app.py``), so an installed
Quotedesk serves the same app with ``quotedesk serve``.
"""

from quotedesk.web.app import main

if __name__ == "__main__":
    main()
