"""Helpers the reading tests share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from counterclaim import errors
from counterclaim.model import RawRecord
from counterclaim.read.inputs import read_inputs

ARTICLE = (
    "Airstrikes hit the city of Idlib on Tuesday, leaving fatalities and destruction.\n\n"
    "The Syrian Observatory for Human Rights said 26 people were killed, including 10 civilians.\n"
)


def run(*args: object, **kwargs: object) -> list[RawRecord | errors.InputError]:
    return list(read_inputs(*args, **kwargs))  # type: ignore[arg-type]


def records(items: list[RawRecord | errors.InputError]) -> list[RawRecord]:
    return [i for i in items if isinstance(i, RawRecord)]


def kinds(items: list[RawRecord | errors.InputError]) -> list[str]:
    return [type(i).__name__ for i in items]


@contextmanager
def bundled(*parts: str) -> Iterator[Path]:
    """A bundled corpus file or folder as a real path (importlib.resources, as installed)."""
    ref = files("counterclaim.data.corpus")
    for p in parts:
        ref = ref / p
    with as_file(ref) as path:
        yield Path(path)
