"""The cross-document stage on corpora written here: reuse, stories, independent sources,
summaries."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from rassegna.corpus import build_dossier, independent_sources
from rassegna.model import RawDocument
from rassegna.pipeline import Options, prepare
from rassegna.reuse import find_reuse, stems
from rassegna.stories import group_stories
from rassegna.summary import _support, summarise
from rassegna.vectors import tfidf

STATEMENT = (
    "Il ministro della Salute ha annunciato oggi un piano da 2 miliardi per gli ospedali del Sud.\n"
    "Il piano prevede l'assunzione di 5.000 infermieri entro la fine del prossimo anno.\n"
    "Le Regioni dovranno presentare i progetti esecutivi entro il mese di marzo.\n"
    "I sindacati dei medici hanno accolto la notizia con cautela e chiedono garanzie sui fondi.")
REWRITE = (
    "Un piano da 2 miliardi destinato agli ospedali del Sud è stato annunciato oggi dal ministro della Salute.\n"
    "Previsti 5.000 nuovi infermieri da assumere entro la fine del prossimo anno, secondo il piano.\n"
    "Entro marzo le Regioni dovranno presentare i loro progetti esecutivi.\n"
    "Cauti i sindacati dei medici, che chiedono garanzie sui fondi promessi.")
OTHER_SAME_STORY = (
    "Negli ospedali del Sud mancano infermieri: il piano del ministro della Salute prova a colmare il vuoto.\n"
    "Secondo i sindacati dei medici, le assunzioni di infermieri non bastano senza nuovi fondi stabili per gli ospedali.")
UNRELATED = (
    "La squadra di casa ha vinto la finale di pallavolo al tie-break dopo tre ore di gioco.\n"
    "L'allenatore ha dedicato la vittoria ai tifosi arrivati da tutta la provincia per la finale.")


def docs(*texts):
    return [prepare(RawDocument(id=f"d{i}", source=f"d{i}.txt", text=t, format="txt", needs_cleaning=False),
                    Options(lang="it")) for i, t in enumerate(texts)]


def test_rewrite_is_found_with_aligned_passages():
    documents = docs(STATEMENT, REWRITE, UNRELATED)
    reuse = find_reuse(documents)
    assert reuse and (reuse[0]["a"], reuse[0]["b"]) == ("d0", "d1")
    assert reuse[0]["kind"] == "rewrite"
    passage = reuse[0]["passages"][0]
    assert "piano da 2 miliardi" in documents[0].text[passage["a_start"]:passage["a_end"]]
    assert "piano da 2 miliardi" in documents[1].text[passage["b_start"]:passage["b_end"]]
    assert not any("d2" in (r["a"], r["b"]) for r in reuse)


def test_exact_copy_is_a_duplicate():
    reuse = find_reuse(docs(STATEMENT, STATEMENT + "\nFine.", UNRELATED))
    assert reuse[0]["kind"] == "duplicate" and reuse[0]["score"] >= 0.8


def test_stories_group_related_and_separate_unrelated():
    groups = group_stories(docs(STATEMENT, UNRELATED, REWRITE, OTHER_SAME_STORY))
    assert sorted(map(sorted, groups)) == [[0, 2, 3], [1]]


def test_story_grouping_does_not_depend_on_input_order():
    texts = [STATEMENT, UNRELATED, REWRITE, OTHER_SAME_STORY]
    forward = build_dossier(docs(*texts), inputs=4, quarantined=[])
    backward = build_dossier(list(reversed(docs(*texts))), inputs=4, quarantined=[])
    assert forward.stories == backward.stories and forward.reuse == backward.reuse


def test_independent_sources_count_rewrites_once():
    assert independent_sources(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]) == 2
    assert independent_sources(["a", "b"], []) == 2
    dossier = build_dossier(docs(STATEMENT, REWRITE, OTHER_SAME_STORY), inputs=3, quarantined=[])
    story = dossier.stories[0]
    assert len(story["documents"]) == 3 and story["independent_sources"] == 2


def test_summary_sentences_are_cited_corpus_sentences_without_repeats():
    documents = docs(STATEMENT, REWRITE, OTHER_SAME_STORY)
    summary = summarise(documents)
    assert 1 <= len(summary) <= 10
    by_id = {d.id: d for d in documents}
    for item in summary:
        cite = item["citations"][0]
        assert by_id[cite["doc"]].text[cite["start"]:cite["end"]] == item["text"]
    # The statement and its rewrite say the same thing: at most one of each pair is kept.
    texts = " ".join(item["text"] for item in summary)
    assert not ("Le Regioni dovranno presentare" in texts and "Entro marzo le Regioni" in texts)


def test_a_point_several_outlets_make_is_supported():
    sentences = [("a", "Mosca fornisce alla Corea del Nord tecnologia militare in cambio delle truppe."),
                 ("b", "In cambio delle truppe, Mosca fornirebbe tecnologia militare alla Corea del Nord."),
                 ("c", "La Russia fornisce tecnologia militare alla Corea del Nord in cambio di soldati."),
                 ("a", "Il vertice si è chiuso in serata senza una dichiarazione comune dei ministri."),
                 ("b", "Il traffico sulla tangenziale è rimasto bloccato per tre ore dopo l'incidente.")]
    vectors = tfidf(Counter(stems(t)) for _, t in sentences)
    assert _support(vectors, [d for d, _ in sentences]) == [2, 2, 2, 0, 0]


def test_a_document_close_only_to_a_story_centroid_does_not_join_it():
    # ten documents on ten different words form one story only through their centroid in this
    # hand-made set-up; a document that touches each of them a little (cosine 0.09 with each,
    # 0.28 with the centroid) must start its own story rather than chain onto the big one
    from rassegna.stories import _Story
    from rassegna.vectors import normalised
    words = [f"w{k}" for k in range(10)]
    members = [{w: 1.0} for w in words]
    bridge = normalised({**{w: 0.09 for w in words}, "other": (1 - 10 * 0.09 ** 2) ** 0.5})
    story = _Story()
    for i, vector in enumerate(members):
        story.add(i, vector)
    from rassegna.stories import _best_story
    index = {w: {0} for w in words}
    vectors = members + [bridge]
    best, _ = _best_story(len(members), vectors, [story], index)
    assert best is None
    close = normalised({"w0": 0.5, "other": 0.5})
    best, _ = _best_story(len(members) + 1, vectors + [close], [story], index)
    assert best == 0


def test_table_rows_are_not_summary_material():
    from rassegna.summary import reads_as_prose
    assert not reads_as_prose("| 1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27 |")
    assert not reads_as_prose("|  | Seeking a bigger role for a big rocket by Jeff Foust Monday")
    assert reads_as_prose("«Non ci sono truppe nordcoreane in Ucraina», ha detto il portavoce.")
    assert reads_as_prose("NATO confirmed on Monday that North Korean troops are in Kursk.")


def test_a_conflicting_claim_gives_the_summary_both_sides_to_cover():
    from rassegna.corpus import _sides
    quantities = {"q1": {"value": 10000}, "q2": {"value": 12000}, "q3": {"value": 10000}}
    claim = {"quantities": ["q1", "q2", "q3"], "conflict": True, "spread": {"low": 10000, "high": 12000}}
    assert _sides(claim, quantities) == [["q1", "q3"], ["q2"]]
    assert _sides({**claim, "conflict": False}, quantities) == [["q1", "q2", "q3"]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.001, 5.0), max_size=6), max_size=12))
def test_centroid_is_the_normalised_sum_of_the_vectors(vectors):
    from rassegna.vectors import centroid, normalised

    # the previous way (a Counter added per vector) is the definition; centroid sums in place
    assert centroid(vectors) == normalised(sum((Counter(v) for v in vectors), Counter()))


def test_a_document_joins_the_most_similar_story_with_a_close_member():
    from rassegna.stories import _best_story, _Story

    vectors = [{"a": 0.8, "b": 0.6}, {"b": 1.0}, {"a": 0.6, "b": 0.8}, {"a": 0.6, "b": 0.8}, {"c": 1.0}]
    query = {"a": 0.8, "b": 0.6}
    vectors.append(query)
    stories = []
    for members in ([0], [2], [3]):
        story = _Story()
        for m in members:
            story.add(m, vectors[m])
        stories.append(story)
    # story 0's centroid is the query itself, but its only recent member shares nothing with it
    stories[0].members = [4]
    index = {"a": {0, 1, 2}, "b": {1, 2}}
    # stories 1 and 2 are equally similar and both have a close member: the first by index
    best, similarity = _best_story(len(vectors) - 1, vectors, stories, index)
    assert best == 1 and abs(similarity - 0.96) < 1e-9
    # nothing similar at all: no story
    vectors.append({"z": 1.0})
    assert _best_story(len(vectors) - 1, vectors, stories, {"z": set()}) == (None, 0.0)
