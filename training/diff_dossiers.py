"""Compare two dossiers of the same corpus: the entities and attributions that differ.

    .venv/bin/python training/diff_dossiers.py OLD/dossier.json NEW/dossier.json [--show 40]

Used to read a rule change off a real corpus before it lands (build the corpus at two commits,
then compare): an entity differs when its set of aliases or its type differs; an attribution
when its (document, source text, cue text, content text) differs. Prints the counts, then
the differing items, most mentioned entities first.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def entity_items(dossier: dict) -> dict[tuple, dict]:
    return {(frozenset(e["aliases"]), e["type"]): e for e in dossier["entities"]}


def attribution_items(dossier: dict) -> set[tuple]:
    def text(span):
        return span["text"] if span else None

    return {(a["doc"], text(a.get("source")), text(a.get("cue")), a["content"]["text"])
            for a in dossier["attributions"]}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--show", type=int, default=40, help="differing items printed of each kind")
    args = ap.parse_args(argv)
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (args.old, args.new))

    old_entities, new_entities = entity_items(old), entity_items(new)
    gone = sorted(old_entities.keys() - new_entities.keys(), key=lambda k: -len(old_entities[k]["mentions"]))
    came = sorted(new_entities.keys() - old_entities.keys(), key=lambda k: -len(new_entities[k]["mentions"]))
    print(f"entities: {len(old_entities)} → {len(new_entities)}; {len(gone)} no longer as they were, {len(came)} new")
    for sign, keys, items in (("-", gone, old_entities), ("+", came, new_entities)):
        for k in keys[:args.show]:
            e = items[k]
            print(f"  {sign} {e['type']} {e['name']} {sorted(e['aliases'])[:6]} ({len(e['mentions'])} mentions)")

    old_atts, new_atts = attribution_items(old), attribution_items(new)
    print(f"attributions: {len(old_atts)} → {len(new_atts)}; {len(old_atts - new_atts)} changed or gone, "
          f"{len(new_atts - old_atts)} changed or new")
    for sign, rows in (("-", sorted(old_atts - new_atts, key=str)), ("+", sorted(new_atts - old_atts, key=str))):
        for doc, source, cue, content in rows[:args.show]:
            print(f"  {sign} {doc} | {source} | {cue} | {content[:90]!r}")


if __name__ == "__main__":
    main()
