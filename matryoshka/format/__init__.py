"""The sequence file format (``matryoshka/1``): the model, reading and checking files.

Nothing in this package imports pygame, so ``validate``, ``check``, ``list``, ``new`` and
``import`` run where no display library is installed.

- ``model``: the plain data (sequences, dolls, dates, painted features).
- ``yamltree``: the file's YAML read safely into values with positions; each mapping
  knows what it is in the format (the sequence, a doll, its face, ...).
- ``schema``: the pydantic models that check each field; ``jsonschema`` writes the JSON
  Schema editors use from them.
- ``pydantic_errors``: the models' errors mapped back to lines and columns.
- ``report``: the problems of one file, sorted by position.
- ``loader``: all of these in turn, then the rules across fields, then the model.
- ``loadcache``: checked files kept between runs; ``catalog``: where sequences come from.
- ``importing``: sequences made from Wikidata query results and spreadsheets.
"""
