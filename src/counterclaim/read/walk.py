"""Walking a directory of articles: which files to read, in which order, and what could not be
walked.

:func:`walk` goes through a directory recursively, in sorted order: a folder's own files first
(its ``manifest.jsonl`` before them), then its subfolders.  Only ``.txt``, ``.html``/``.htm``,
``.jsonl`` and ``.csv`` files are read; hidden files and folders are skipped.  A symlink to a
folder is followed, once: a link back to a folder being walked (a loop), or to a folder already
walked, is skipped with a warning.  A folder that cannot be listed (no permission) is one error
naming it, and the rest of the walk goes on.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Literal

from .. import errors

__all__ = ["ARTICLE_SUFFIXES", "MANIFEST_NAME", "Found", "os_reason", "walk"]

#: The suffixes read when walking a directory (an explicitly named file of another suffix is
#: read as text).
ARTICLE_SUFFIXES: Final[frozenset[str]] = frozenset({".txt", ".html", ".htm", ".jsonl", ".csv"})
#: A file of this name inside a directory being read is that directory's manifest.
MANIFEST_NAME: Final[str] = "manifest.jsonl"

#: What a walk finds: a manifest or an article file, with its path.
Found = tuple[Literal["manifest", "file"], Path]


def os_reason(exc: OSError) -> str:
    """An OS error as a message says it: "permission denied", "symlink loop", ..."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def walk(root: Path) -> Iterator[Found | errors.InputError]:
    """Every manifest and article file under ``root`` (see the module docstring), and an
    :class:`~counterclaim.errors.InputError` for each folder or link that could not be walked;
    :class:`~counterclaim.errors.EmptyInput` when nothing could be found and nothing went wrong."""
    walker = _Walker()
    yield from walker.folder(root, ())
    if not walker.found and not walker.problems:
        yield errors.EmptyInput(str(root), "no .txt, .html, .htm, .jsonl or .csv files in the directory")


class _Walker:
    def __init__(self) -> None:
        self.found = False
        self.problems = False
        #: every folder walked so far, by (device, inode), with the path it was first walked as
        self.seen: dict[tuple[int, int], Path] = {}

    def folder(self, here: Path, ancestors: tuple[tuple[int, int], ...]
               ) -> Iterator[Found | errors.InputError]:
        try:
            st = here.stat()
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.problems = True
            yield errors.Unreadable(str(here), os_reason(exc))
            return
        key = (st.st_dev, st.st_ino)
        self.seen[key] = here
        ancestors = (*ancestors, key)
        files: list[Path] = []
        folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:  # a link to itself, a link into a folder that cannot be read
                self.problems = True
                yield _link_problem(Path(entry.path), exc)
                continue
            if is_dir:
                folders.append(Path(entry.path))
            elif entry.name == MANIFEST_NAME:
                yield "manifest", Path(entry.path)
            elif Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
                files.append(Path(entry.path))
        for path in files:
            self.found = True
            yield "file", path
        for path in folders:
            yield from self._subfolder(path, ancestors)

    def _subfolder(self, path: Path, ancestors: tuple[tuple[int, int], ...]
                   ) -> Iterator[Found | errors.InputError]:
        try:
            st = path.stat()
        except OSError as exc:
            self.problems = True
            yield errors.Unreadable(str(path), os_reason(exc))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield errors.Skipped(str(path), f"symlink loop: it leads back to {self.seen[key]}")
            return
        if key in self.seen:
            yield errors.Skipped(str(path), f"the same folder as {self.seen[key]}, read once")
            return
        yield from self.folder(path, ancestors)


def _link_problem(path: Path, exc: OSError) -> errors.InputError:
    if exc.errno == errno.ELOOP:
        return errors.Skipped(str(path), "symlink loop: it leads back to itself")
    return errors.Unreadable(str(path), os_reason(exc))
