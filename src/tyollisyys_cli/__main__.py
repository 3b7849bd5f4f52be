"""`python -m tyollisyys_cli` runs the command line."""

from tyollisyys_cli.cli.app import main

main()
