"""`index.html`: the offline report, one self-contained HTML file rendered with Jinja2.

Safety rules, because the corpus is untrusted web text:
- autoescape is on, so every corpus string is HTML-escaped;
- nothing is fetched: inline CSS, one small inline script, inline SVG, no external URL; corpus
  URLs are shown as text, never as links;
- a Content-Security-Policy meta tag forbids any network access and allows only our own script
  (by hash), so even an escaping bug could not run injected code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from rassegna.dossier import write_text_atomic
from rassegna.lang import is_supported

# Document filter, expand/collapse all, open-all-before-print, open-on-link. Kept here (not in the template) so its CSP hash is exact.
_SCRIPT = """
(function () {
  var box = document.getElementById('doc-filter');
  var items = document.querySelectorAll('[data-filter]');
  var count = document.getElementById('doc-filter-count');
  function apply() {
    var q = box.value.trim().toLowerCase(), shown = 0, total = 0;
    items.forEach(function (el) {
      var hit = !q || el.getAttribute('data-filter').indexOf(q) !== -1;
      el.hidden = !hit;
      if (el.tagName === 'TR') { total++; if (hit) shown++; }
    });
    count.textContent = q ? shown + ' / ' + total : '';
  }
  if (box) box.addEventListener('input', apply);
  function setAll(open) {
    document.querySelectorAll('details').forEach(function (d) { d.open = open; });
  }
  var ex = document.getElementById('expand-all'), co = document.getElementById('collapse-all');
  if (ex) ex.addEventListener('click', function () { setAll(true); });
  if (co) co.addEventListener('click', function () { setAll(false); });
  window.addEventListener('beforeprint', function () { setAll(true); });
  // A link to a document's text should show it: open the <details> it points at.
  function openTarget() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
"""

_MONTH = re.compile(r"^(\d{4})-(\d{2})")
# A browser page stays usable up to some tens of MB: past these counts a section shows its first
# rows (the most mentioned entities, the earliest events, …) and says how many more there are
# and where they are (dossier.json, rassegna.duckdb, `rassegna serve`). Nothing is left out of
# the dossier itself.
REPORT_LIMITS = {"texts": 1000, "documents": 10000, "entities": 5000, "attributions": 5000,
                 "claims": 5000, "timeline": 5000, "reuse": 5000, "quoted_words": 1000}


def _environment() -> jinja2.Environment:
    # autoescape=True, not select_autoescape(): the template ends in .j2, which select_autoescape skips.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("rassegna", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,  # a missing optional field renders empty, not a crash
    )


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _month_chart(documents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bar geometry for documents per published month (YYYY-MM), or None when no date has a month.

    Every month between the first and last is drawn, so gaps in coverage show as gaps.
    """
    counts = Counter(m.group(1) + "-" + m.group(2)
                     for doc in documents
                     if (m := _MONTH.match(doc.get("published") or "")))
    if not counts:
        return None
    first, last = min(counts), max(counts)
    months: list[str] = []
    year, month = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last and len(months) < 240:  # cap: 20 years of bars
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    peak = max(counts.values())
    bar_w, gap, height, label_h = 28, 6, 120, 34
    bars = []
    for i, key in enumerate(months):
        n = counts.get(key, 0)
        h = round(height * n / peak) if n else 0
        bars.append({"x": i * (bar_w + gap), "y": height - h + 14, "w": bar_w, "h": h, "n": n, "label": key})
    return {
        "bars": bars,
        "width": max(len(months) * (bar_w + gap), 1),
        "height": height + 14 + label_h,
        "baseline": height + 14,
        "undated": sum(1 for doc in documents if not _MONTH.match(doc.get("published") or "")),
    }


def _document_rows(d: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, doc in enumerate(d.get("documents") or []):
        text = doc.get("text") or ""
        rows.append({
            "doc": doc,
            "anchor": f"doc-{i + 1}",  # not the id: ids may hold characters unfit for a fragment
            "words": len(text.split()),
            "filter": " ".join(str(doc.get(k) or "") for k in ("id", "title", "site", "byline", "source")).lower(),
        })
    return rows


def _entity_rows(d: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"e": e, "mentions": len(e.get("mentions") or []),
             "docs": len({m.get("doc") for m in e.get("mentions") or []})}
            for e in d.get("entities") or []]
    rows.sort(key=lambda r: (-r["mentions"], str(r["e"].get("name"))))
    return rows


def _claim_rows(d: dict[str, Any]) -> list[dict[str, Any]]:
    """Each claim with its values resolved through its quantity ids (value, quoted text, doc)."""
    quantities = {q.get("id"): q for q in d.get("quantities") or []}
    rows = []
    for c in d.get("claims") or []:
        qs = [quantities[q] for q in c.get("quantities") or [] if q in quantities]
        if qs:
            values = [{"value": q.get("value"), "text": q.get("text"), "doc": q.get("doc"),
                       "speaker": q.get("speaker_name")} for q in qs]
        else:  # quantities unknown to this dossier: fall back to the bare values
            docs = c.get("docs") or []
            vals = c.get("values") or []
            values = [{"value": v, "text": None, "doc": docs[i] if len(docs) == len(vals) else None}
                      for i, v in enumerate(vals)]
        rows.append({"c": c, "values": values})
    return rows


def _speaker_names(d: dict[str, Any]) -> dict[str, str]:
    """Attribution id -> who: the speaker entity's name, else the unnamed source's text."""
    names = {e.get("id"): e.get("name") for e in d.get("entities") or []}
    return {a.get("id"): names.get(a.get("speaker")) or a.get("speaker_name") or ""
            for a in d.get("attributions") or []}


def _quoted_words(d: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotations that are not speech (scare quotes, titles, names), with their document."""
    return [{"text": q.get("text"), "doc": doc.get("id")}
            for doc in d.get("documents") or [] for q in doc.get("quotations") or []
            if q.get("kind") == "scare"]


def _languages(documents: list[dict[str, Any]]) -> list[tuple[str, int]]:
    counts = Counter(doc.get("language") or "unknown" for doc in documents).most_common()
    # a language with no lexicons and models is read and grouped, not analysed: say so
    return [(lang if is_supported(lang) or lang == "unknown" else f"{lang} (not analysed)", n)
            for lang, n in counts]


def _number(value: Any) -> str:
    """12000.0 -> '12,000'; 2.5 -> '2.5'; None -> '—'."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def render_report(d: dict[str, Any]) -> str:
    """The report for dossier dict `d` (as from `dossier_to_dict`) as one HTML string."""
    env = _environment()
    env.filters["number"] = _number
    documents = d.get("documents") or []
    rows = _document_rows(d)
    timeline = sorted(d.get("timeline") or [], key=lambda t: (str(t.get("date") or ""), str(t.get("id") or "")))
    full = {"texts": rows, "documents": rows, "entities": _entity_rows(d),
            "attributions": d.get("attributions") or [], "claims": _claim_rows(d), "timeline": timeline,
            "reuse": d.get("reuse") or [], "quoted_words": _quoted_words(d)}
    shown = {k: v[:REPORT_LIMITS[k]] for k, v in full.items()}
    more = {k: len(full[k]) - len(shown[k]) for k in full}
    return env.get_template("report.html.j2").render(
        d=d,
        documents=shown["documents"],
        texts=shown["texts"],
        attributions=shown["attributions"],
        reuse=shown["reuse"],
        more=more,
        languages=_languages(documents),
        chart=_month_chart(documents),
        entities=shown["entities"],
        claims=shown["claims"],
        speakers=_speaker_names(d),
        quoted_words=shown["quoted_words"],
        timeline=shown["timeline"],
        doc_anchors={row["doc"].get("id"): row["anchor"] for row in shown["texts"]},
        script=Markup(_SCRIPT),
        script_hash=_csp_hash(_SCRIPT),
    )


def write_report(d: dict[str, Any], path: Path) -> None:
    """Render the report and write it to `path` atomically."""
    write_text_atomic(render_report(d), Path(path))
