"""Every failure counterclaim reports, one class each; the docstring is the message.

An :class:`InputError` concerns one input (a file, a line of a JSONL file, a CSV row): the batch
goes on without it and the CLI prints one line naming the input and the reason.  Other
:class:`CounterclaimError` subclasses stop the command.
"""

from __future__ import annotations


class CounterclaimError(Exception):
    """counterclaim failed"""

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        base = (self.__doc__ or type(self).__name__).strip().splitlines()[0]
        return f"{base}: {self.detail}" if self.detail else base


class InputError(CounterclaimError):
    """input rejected"""

    #: False for an input that was left out on purpose and lost nothing (a warning, not a failure)
    failed: bool = True

    def __init__(self, source: str, detail: str | None = None) -> None:
        self.source = source
        super().__init__(detail)

    @property
    def message(self) -> str:
        base = (self.__doc__ or "").strip().splitlines()[0]
        reason = f"{base} ({self.detail})" if self.detail else base
        return f"{self.source}: {reason}"


class MissingPath(InputError):
    """no such file or directory"""


class EmptyInput(InputError):
    """empty input: nothing to read"""


class BinaryInput(InputError):
    """binary file, not text"""


class TooLarge(InputError):
    """file too large"""


class NoArticle(InputError):
    """no article text found in the page"""


class BadRecord(InputError):
    """malformed record"""


class MissingColumn(InputError):
    """CSV has no text column"""


class UnsupportedInput(InputError):
    """unsupported input type"""


class UnsupportedLanguage(InputError):
    """no lexicon for the text's language"""

    def __init__(self, source: str, detail: str | None = None, *, language: str | None = None) -> None:
        #: the language no lexicon reads (an ISO 639-1 code), when known
        self.language = language
        super().__init__(source, detail)


class UnknownLanguage(CounterclaimError, ValueError):
    """no lexicon for this language"""


class ModelNotFound(CounterclaimError):
    """spaCy pipeline not installed"""


class LedgerError(CounterclaimError):
    """ledger database error"""


class BadDate(CounterclaimError):
    """not an ISO date (YYYY-MM-DD)"""


class NotALedger(LedgerError):
    """not a counterclaim ledger"""


class LedgerVersionError(LedgerError):
    """ledger was written by a newer counterclaim; upgrade to open it"""


class UnsupportedLedger(LedgerError):
    """unsupported ledger"""


class LedgerCorrupt(LedgerError):
    """the ledger is damaged"""


class LedgerExists(LedgerError):
    """will not replace an existing file"""


class LedgerReadOnly(LedgerError):
    """ledger is open read-only"""


class LedgerWriteError(LedgerError):
    """could not write to the ledger"""


class ClaimMismatch(LedgerError):
    """claim does not belong to the document"""


class BadQuery(LedgerError):
    """malformed search query"""


class Unreadable(InputError):
    """cannot read the input"""


class Skipped(InputError):
    """skipped"""

    failed = False


class BadGazetteerFile(CounterclaimError):
    """not a GeoNames dump"""


class BadRegistry(CounterclaimError, ValueError):
    """bad actor registry"""


class ExportFormatError(CounterclaimError, ValueError):
    """not a valid export"""
