"""The Wikidata query for the holders of a position, and running it online.

:func:`position_query` is what ``matryoshka import --query QID`` prints, to paste into
the Wikidata Query Service (query.wikidata.org); :func:`fetch_results` is what
``matryoshka import wikidata:QID`` does with it: one HTTPS request to the public
endpoint (or another), answered as SPARQL 1.1 Query Results JSON.
"""

from __future__ import annotations

import locale
import os
import re

from matryoshka import __version__
from matryoshka.errors import MatryoshkaError

ENDPOINT = "https://query.wikidata.org/sparql"
#: The query service stops a query after 60 s; a little longer covers the transfer.
TIMEOUT_S = 75.0
#: The most an answer may hold: a position's holders are a few hundred kB at most.
MAX_ANSWER_BYTES = 32 * 1024 * 1024
USER_AGENT = (
    f"matryoshka/{__version__} (desktop program that shows lines of succession as nested "
    "dolls; imports the holders of one position) Python-urllib"
)
QID = re.compile(r"[Qq]([1-9][0-9]*)")
_LANGUAGE = re.compile(r"[a-z]{2,3}")

#: The variables the query returns; the importer reads them by these names.
VARIABLES = (
    "person",
    "personLabel",
    "start",
    "startPrecision",
    "end",
    "endPrecision",
    "positionLabel",
    "nativeName",
    "image",
)


def item_id(text: str) -> str | None:
    """``Q14211`` from ``Q14211`` or ``q14211``; None when ``text`` is not an item id."""
    match = QID.fullmatch(text.strip())
    return f"Q{match.group(1)}" if match else None


def user_language() -> str:
    """The language of the user's locale (``de`` for ``de_DE.UTF-8``), or ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if _LANGUAGE.fullmatch(code) else "en"
    code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    return code if _LANGUAGE.fullmatch(code) else "en"


def position_query(qid: str, language: str = "en") -> str:
    """The SPARQL query for every holder of position ``qid``, earliest first.

    One row per "position held" (P39) statement that is not deprecated, with the start
    (P580) and end (P582) qualifiers and their precision, labels in ``language`` with
    English as the fallback. The name in the person's own language (P1559) and a
    picture (P18) come once per term.
    """
    languages = language if language == "en" else f"{language},en"
    return f"""\
# Every holder of {qid}, earliest first: one row per term ("position held", P39).
# Run it at https://query.wikidata.org/, download the result (JSON, CSV or TSV), then:
#   matryoshka import query.json -o my-set.yaml
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX bd: <http://www.bigdata.com/rdf#>
SELECT ?person ?personLabel ?start ?startPrecision ?end ?endPrecision ?positionLabel
       (SAMPLE(?native) AS ?nativeName) (SAMPLE(?picture) AS ?image)
WHERE {{
  VALUES ?position {{ wd:{qid} }}
  ?person p:P39 ?statement .
  ?statement ps:P39 ?position ;
             wikibase:rank ?rank .
  FILTER(?rank != wikibase:DeprecatedRank)
  OPTIONAL {{
    ?statement pqv:P580 ?startValue .
    ?startValue wikibase:timeValue ?start ;
                wikibase:timePrecision ?startPrecision .
  }}
  OPTIONAL {{
    ?statement pqv:P582 ?endValue .
    ?endValue wikibase:timeValue ?end ;
              wikibase:timePrecision ?endPrecision .
  }}
  OPTIONAL {{ ?person wdt:P1559 ?native . }}
  OPTIONAL {{ ?person wdt:P18 ?picture . }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "{languages}" . }}
}}
GROUP BY ?statement ?person ?personLabel ?start ?startPrecision ?end ?endPrecision
         ?positionLabel
ORDER BY ?start ?end
"""


def fetch_results(query: str, endpoint: str = ENDPOINT, timeout: float = TIMEOUT_S) -> bytes:
    """Run ``query`` at a SPARQL endpoint; the answer's bytes (SPARQL results JSON).

    Raises:
        MatryoshkaError: one line saying why when the endpoint cannot be reached, does
            not answer in time, answers with an HTTP error, or answers too much.
    """
    # Only this request needs the network modules (tens of ms to import).
    import http.client
    import urllib.error
    import urllib.parse
    import urllib.request

    url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(
        url,
        headers={"User-Agent": USER_AGENT, "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            data = answer.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise MatryoshkaError.at(
            endpoint, f"the query service answered HTTP {err.code} {err.reason}{_explain(err.code)}"
        ) from None
    except TimeoutError:
        raise MatryoshkaError.at(endpoint, _late(timeout)) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise MatryoshkaError.at(endpoint, _late(timeout)) from None
        said = getattr(reason, "strerror", None) or reason
        raise MatryoshkaError.at(
            endpoint, f"cannot reach the query service ({said}); are you online?"
        ) from None
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise MatryoshkaError.at(
            endpoint, f"the request failed: {err or type(err).__name__}"
        ) from None
    if len(data) > MAX_ANSWER_BYTES:
        raise MatryoshkaError.at(
            endpoint, f"the answer is over {MAX_ANSWER_BYTES // 2**20} MB; not imported"
        )
    return data


def _late(timeout: float) -> str:
    return f"no answer within {timeout:g} s; the service may be busy: try again later"


def _explain(code: int) -> str:
    if code == 429:
        return "; too many requests: wait a minute and try again"
    if code >= 500:
        return "; the service may be busy: try again later"
    return ""
