"""Sequences made from data people already have: Wikidata results and spreadsheets.

Nothing here imports pygame, YAML or pydantic: an import reads a table, turns each row
into a term of office, and writes the sequence as commented YAML text, which the loader
then reads like any file a user wrote.

- ``table``: cells with their place in the file, and the problems found so far.
- ``delimited``: CSV and TSV, as spreadsheets and the Wikidata Query Service write them.
- ``sparql_json``: SPARQL 1.1 Query Results JSON (``.srj``), with positions.
- ``wikidata``: rows of a query result as terms (dates with their precision, BCE years,
  the Julian calendar); ``query`` writes the query and runs it online.
- ``workbook``: the first sheet of an Excel workbook (with the optional ``openpyxl``).
- ``spreadsheet``: rows of a spreadsheet whose header names the format's fields.
- ``terms``: sorting terms into dolls, their ids, and the YAML text.
- ``source``: which reader a file needs, and the whole import in one call.
"""
