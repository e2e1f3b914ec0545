"""``python -m tieline`` runs the command line tool."""

from .cli import main

main()
