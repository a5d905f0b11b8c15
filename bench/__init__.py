"""Benchmarks behind ``make bench``.

Each section is a module with a ``run()`` that prints its figures, registered in
``bench.__main__.SECTIONS``. Generated inputs live under ``bench/corpus/``
(git-ignored) and are rebuilt when their generator changes.
"""
