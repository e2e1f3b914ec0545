"""When events happened: date expressions of sentences and the dates of events.

Example:
    >>> from tieline.time import find_dates
    >>> find_dates("In 2014, ABM pledged allegiance.")[0].interval.start
    '2014'
"""

from .assign import DocumentDates
from .expressions import DateMention, find_dates

__all__ = ["DateMention", "DocumentDates", "find_dates"]
