"""`rassegna serve`: a small local web UI and JSON API over a built dossier.

Minimal for now: the offline report as the home page, the dossier and its lists as JSON.
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

    @app.get("/api/{name}")
    def listing(name: str, q: str | None = None, limit: int = 100, offset: int = 0) -> dict:
        if name not in LISTS:
            raise HTTPException(status_code=404, detail=f"no list {name!r}: one of {', '.join(LISTS)}")
        items = dossier.get(name, [])
        if q:
            needle = q.lower()
            items = [item for item in items if needle in json.dumps(item, ensure_ascii=False).lower()]
        return {"total": len(items), "items": items[offset:offset + max(0, min(limit, 1000))]}

    return app
