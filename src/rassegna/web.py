"""`rassegna serve`: a small local web UI and JSON API over a built dossier.

The offline report as the home page; the dossier and its lists as JSON, filtered by text,
entity, document or story (`/api/attributions?entity=e3`: what that person said).
Reads the folder's dossier.json once at start-up; nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

LISTS = ("documents", "quarantined", "entities", "attributions", "quantities", "claims",
         "timeline", "reuse", "stories")


def create_app(folder: Path) -> FastAPI:
    folder = Path(folder)
    dossier = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    documents = {d["id"]: d for d in dossier["documents"]}
    app = FastAPI(title="rassegna", docs_url="/api/docs", redoc_url=None)

    @app.get("/", response_class=HTMLResponse)
    def home() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html")

    @app.get("/dossier.json")
    def whole() -> JSONResponse:
        return JSONResponse(dossier)

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str) -> dict:
        if doc_id not in documents:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        return documents[doc_id]

    docs_of_entity = {e["id"]: {m["doc"] for m in e["mentions"]} for e in dossier.get("entities", [])}

    @app.get("/api/{name}")
    def listing(name: str, q: str | None = None, entity: str | None = None, doc: str | None = None,
                story: str | None = None, limit: int = 100, offset: int = 0) -> dict:
        """A list of the dossier, filtered: `q` (text anywhere in an item), `entity` (documents
        that mention it, statements and figures it is the speaker of, claims it gives a
        figure in), `doc`, `story`."""
        if name not in LISTS:
            raise HTTPException(status_code=404, detail=f"no list {name!r}: one of {', '.join(LISTS)}")
        items = dossier.get(name, [])
        if entity:
            if entity not in docs_of_entity:
                raise HTTPException(status_code=404, detail=f"no entity {entity!r}")
            items = [item for item in items if _involves(item, entity, docs_of_entity[entity])]
        if doc:
            items = [item for item in items if doc in (item.get("doc"), item.get("id"), item.get("a"), item.get("b"))
                     or doc in item.get("docs", []) or doc in item.get("documents", [])
                     or any(c.get("doc") == doc for c in item.get("citations", []))]
        if story:
            items = [item for item in items if story in (item.get("story"), item.get("id"))]
        if q:
            needle = q.lower()
            items = [item for item in items if needle in json.dumps(item, ensure_ascii=False).lower()]
        return {"total": len(items), "items": items[offset:offset + max(0, min(limit, 1000))]}

    return app


def _involves(item: dict, entity: str, entity_docs: set[str]) -> bool:
    if item.get("id") == entity or item.get("speaker") == entity:
        return True
    if "figures" in item:  # a claim: someone in it is the entity
        return any(f.get("speaker") == entity for f in item["figures"])
    if "mentions" in item or "speaker" in item:
        return False  # another entity, or a statement or figure by someone else
    if "text" in item and "sentences" in item:  # a document
        return item["id"] in entity_docs
    return False
