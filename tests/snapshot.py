"""Snapshots of real output, kept in files and pages: how they are written anew.

`TYOLLISYYS_UPDATE_SNAPSHOTS=1` makes every snapshot test write the output it got in
place of the snapshot (read the diff before committing). A failing snapshot says how.
"""

from __future__ import annotations

import os

UPDATE = os.environ.get("TYOLLISYYS_UPDATE_SNAPSHOTS") == "1"

#: The message of a snapshot that differs from the output: how to write it anew after a
#: deliberate change (a change to the data moves line numbers in several of them).
HOW_TO_UPDATE = (
    "the output differs from its snapshot; after a deliberate change, write the snapshots "
    "anew and read the diff: TYOLLISYYS_UPDATE_SNAPSHOTS=1 python -m pytest -q "
    "tests/test_widths.py tests/test_fi_snapshots.py tests/test_docs.py"
)
