"""`python -m tyollisyys_cli` runs the command line."""

from tyollisyys_cli.cli.main import main

main()
