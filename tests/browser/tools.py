"""What the browser tests need from outside the project, and how a run reports its absence.

Read by tests/conftest.py as well as tests/browser/conftest.py: the closing lines of a run
are printed by the main pytest process, which under pytest-xdist collects nothing itself
and so never loads a folder's conftest.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", REPO / "var/screenshots"))

# The start of every skip reason for a missing tool, so the closing summary can count them.
MISSING_TOOL = "missing tool"
INSTALL_TOOLS = (
    "apt-get install -y chromium default-jre-headless && "
    "npm install --prefix var/node vnu-jar   (or: bash .ci/run, which installs both)"
)
