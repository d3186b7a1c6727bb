"""``python -m counterclaim.cli``: the same as the ``counterclaim`` command."""

from . import main

main()
