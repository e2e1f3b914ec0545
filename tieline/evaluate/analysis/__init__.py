"""Error analysis: tieline's errors on a gold set counted by class (``make accuracy``).

:mod:`.classes` counts them (missed actors, missed relations by phenomenon, wrong types,
directions and dates, false pairs by cause); :mod:`.phenomena` and :mod:`.false_pairs`
hold the classification rules, :mod:`.spans` finds names in text, :mod:`.lexicon` reads
the words the rules use, and :mod:`.before` keeps the counts of an earlier commit.
"""

from .classes import TABLE, SetAnalysis, analyse_documents, analyse_news, analyse_rows

__all__ = ["TABLE", "SetAnalysis", "analyse_documents", "analyse_news", "analyse_rows"]
