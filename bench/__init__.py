"""Benchmarks of tieline: actor matching and the whole pipeline against spaCy.

Run them with ``make bench`` (or ``python -m bench.run``); results go to
``bench/results.json`` and ``bench/RESULTS.md``.
"""
