"""The sequence file format (``matryoshka/1``): the model, reading and checking files.

Nothing in this package imports pygame, so ``validate``, ``check``, ``list``, ``new`` and
``import`` run where no display library is installed.

- ``model``: the plain data (sequences, dolls, dates, painted features).
- ``loader``: YAML to model, with every problem located ``file:line:col``.
- ``schema``: the pydantic models that check each field; ``jsonschema`` writes the JSON
  Schema editors use from them.
- ``loadcache``: checked files kept between runs; ``catalog``: where sequences come from.
"""
