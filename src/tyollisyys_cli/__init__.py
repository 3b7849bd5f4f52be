"""tyollisyys: caseloads, staffing and the figures behind a Finnish employment area's plan."""

__version__ = "0.1.0"
