"""How much the documents behind each conflict speak of the same things.

    .venv/bin/python training/subject_overlap.py DOSSIER.json [DOSSIER.json ...]

For every claim flagged as a conflict, the `claims.subject_share` of each pair of its
documents (the share of the smaller document's entity mentions the other also names), lowest
first. Read on dossiers built before the same-subject test (at 3b4e9e8) to choose
`claims.SHARED_SUBJECT`: pairs of outlets on one event against pairs of documents on two events
of one topic.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rassegna.claims import subject_share


def main(paths: list[str]) -> None:
    for path in paths:
        dossier = json.loads(Path(path).read_text(encoding="utf-8"))
        named: dict[str, Counter] = defaultdict(Counter)
        for entity in dossier["entities"]:
            for mention in entity["mentions"]:
                named[mention["doc"]][entity["id"]] += 1
        print(path)
        for claim in dossier["claims"]:
            if not claim["conflict"]:
                continue
            docs = claim["docs"]
            shares = sorted(round(s, 2) for i, a in enumerate(docs) for b in docs[i + 1:]
                            if (s := subject_share(a, b, named)) is not None)
            print(f"  {claim['id']} {claim['label'][:40]!r} {claim['values'][:6]}: {shares[:6]}")


if __name__ == "__main__":
    main(sys.argv[1:])
