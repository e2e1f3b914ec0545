"""tieline's errors: one hierarchy, each with a code a user can search and a remedy.

    TielineError
    ├── InputError          a document could not be read (file, line, record)
    ├── KnowledgeBaseError  an actor file is malformed or inconsistent
    ├── OntologyError       the ontology or a lexicon is malformed
    ├── StoreError          the database could not be opened or written
    ├── UnknownActorError   a name given by the user matches no actor
    ├── GoldFormatError     a gold or prediction file for ``tieline eval`` is malformed
    ├── CorrectionError     a correction names no stored event or a field that cannot change
    ├── ExportError         an export or report could not be made or written
    ├── ExtractionFailed    a stage failed on one document in a worker process
    └── ClusterError        the Dask cluster cannot be reached or used

Every message names the file, line or record concerned and says what to do.
"""

from __future__ import annotations


class TielineError(Exception):
    """Base of all tieline errors. ``code`` is stable and searchable (``T101``...)."""

    code = "T000"

    def __init__(self, message: str, *, where: str | None = None, remedy: str | None = None):
        self.message = message
        self.where = where
        self.remedy = remedy
        super().__init__(self.__str__())

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (parallel extraction): keep every field.
        return (_restore, (type(self), self.args, self.__dict__.copy()))

    def __str__(self) -> str:
        parts = [f"[{self.code}]"]
        if self.where:
            parts.append(f"{self.where}:")
        parts.append(self.message)
        text = " ".join(parts)
        if self.remedy:
            text += f" ({self.remedy})"
        return text


def _restore(cls: type[TielineError], args: tuple[object, ...],
             state: dict[str, object]) -> TielineError:
    """A pickled tieline error as it was: same class, message, place and remedy."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class InputError(TielineError):
    """A document could not be read: empty, binary, not UTF-8, malformed JSON..."""

    code = "T100"


class EmptyInputError(InputError):
    code = "T101"


class BinaryInputError(InputError):
    code = "T102"


class EncodingError(InputError):
    code = "T103"


class JsonLineError(InputError):
    code = "T104"


class UnsupportedFormatError(InputError):
    code = "T105"


class InputTooLargeError(InputError):
    code = "T106"


class KnowledgeBaseError(TielineError):
    """An actor file is malformed, or an entry contradicts another."""

    code = "T200"


class OntologyError(TielineError):
    """The ontology, a trigger lexicon or a cue list is malformed."""

    code = "T300"


class StoreError(TielineError):
    """The store could not be opened, migrated or written."""

    code = "T400"


class UnknownActorError(TielineError):
    """A name given on the command line matches no known actor."""

    code = "T500"


class GoldFormatError(TielineError):
    """A gold or prediction file for ``tieline eval`` is malformed.

    ``problems`` lists every bad record (``file:line: what is wrong``), so a user can
    fix them all in one pass.
    """

    code = "T600"

    def __init__(self, message: str, *, problems: list[str] | None = None,
                 where: str | None = None, remedy: str | None = None):
        self.problems = list(problems or [])
        super().__init__(message, where=where, remedy=remedy)


class CorrectionError(TielineError):
    """An analyst's correction names no stored event or changes what cannot change."""

    code = "T700"


class ExportError(TielineError):
    """An export or report could not be made or written."""

    code = "T800"


class ExtractionFailed(TielineError):
    """A stage failed on one document in a worker process, with an error of its own
    (kept as text: its class may not cross the process boundary)."""

    code = "T900"


class ClusterError(TielineError):
    """The Dask cluster given with ``--dask`` cannot be reached or used."""

    code = "T910"
