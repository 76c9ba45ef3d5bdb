"""Re-anchoring against generated corrections whose truth is known character by character (corrections.py).

The suite runs a few hundred seeded corrections; `make anchoring-eval` runs thousands and prints the table.
"""

import pytest

from teaching.text.anchoring import Placement, Reanchorer, select
from tests.teaching.text import corrections
from tests.teaching.text.corrections import Doc, evaluate, generate, judge


def _place(old, new, phrase, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = old.index(phrase, start + 1)
    sel = select(old, start, start + len(phrase), phrase)
    placement = Reanchorer(old, new).place(
        start=sel.start, end=sel.end, exact=sel.exact, prefix=sel.prefix, suffix=sel.suffix
    )
    return sel, placement


# --- The generator itself ---------------------------------------------------------------------------------


def test_doc_tracks_each_characters_fate_through_edits():
    doc = Doc("One two. Three four. Five.")
    doc.replace(0, 3, "Uno")  # new characters
    doc.move(9, 21, 0)  # "Three four. " to the front, keeping its characters
    assert doc.text == "Three four. Uno two. Five."
    fate = doc.fates(len("One two. Three four. Five."))
    assert fate[0] is None  # "O" was replaced
    assert fate[9] == 0  # "T" of Three moved to the front
    assert fate[3] == 15  # the space after One stayed with "two."


@pytest.mark.parametrize("kind", corrections.KINDS)
def test_generator_makes_every_kind_of_correction(kind):
    cases = generate(seed=3, count=2, highlights=5, kinds=[kind])
    assert all(case.old != case.new and case.kind == kind for case in cases)


def test_judge_names_what_happened():
    old = "Alpha beta gamma. Alpha beta gamma. Delta."
    case = corrections.Case("test", "test", old, old, list(range(len(old))), [])
    sel = select(old, 0, 10, "Alpha beta")

    assert judge(case, sel, Placement("kept", 0, 10, "Alpha beta")) == "kept"
    assert judge(case, sel, Placement("moved", 18, 28, "Alpha beta")) == "misplaced"
    assert judge(case, sel, Placement("moved", 0, 16, "Alpha beta gamma")) == "stretched"
    assert judge(case, sel, Placement("moved", 0, 5, "Alpha")) == "shrunk"
    assert judge(case, sel, Placement("orphaned")) == "orphaned although intact"


# --- The corpus -----------------------------------------------------------------------------------------


def test_generated_corrections_never_put_a_highlight_on_other_words():
    cases = generate(seed=11, count=256, highlights=40)
    table = evaluate(cases)
    total = table.total
    assert set(table.rows) == set(corrections.KINDS)
    assert total["misplaced"] == 0, table.format()
    assert total["stretched"] == 0, table.format()
    assert total["shrunk"] == 0, table.format()
    assert total["orphaned although intact"] <= 0.001 * sum(total.values()), table.format()
    # Set aside only where words changed: the edits that never touch words set nothing aside.
    for kind in ("paragraph split", "paragraph merge", "whitespace"):
        assert table.rows[kind]["set aside"] == 0, table.format()
    assert total["moved"] > 0 and total["set aside"] > 0  # the corpus exercises both


# --- Regressions from the corpus ---------------------------------------------------------------

REPEATED = (
    "The mayor spoke first. “We will not close a single library,” the mayor said. Critics disagreed.\n"
    "The vote was 27 to 14.\n"
    "“We will not close a single library,” the mayor said.\n"
    "The budget takes effect in January."
)


@pytest.mark.parametrize("occurrence", [0, 1])
def test_an_edit_inside_a_repeated_sentence_sets_the_highlight_aside(occurrence):
    # The edit is in this copy; the other copy still reads the old words but is not the student's.
    phrase = "not close a single library"
    at = [i for i in range(len(REPEATED)) if REPEATED.startswith(phrase, i)][occurrence]
    new = REPEATED[:at] + "not close one single library" + REPEATED[at + len(phrase) :]
    _, placement = _place(REPEATED, new, phrase, occurrence)
    assert placement.is_orphaned


@pytest.mark.parametrize("occurrence", [0, 1])
def test_an_edit_in_the_other_copy_of_a_repeated_sentence_keeps_the_highlight(occurrence):
    phrase = "not close a single library"
    other = [i for i in range(len(REPEATED)) if REPEATED.startswith(phrase, i)][1 - occurrence]
    new = REPEATED[:other] + "not close one single library" + REPEATED[other + len(phrase) :]
    sel, placement = _place(REPEATED, new, phrase, occurrence)
    shift = 0 if other > sel.start else len("one") - len("a")
    assert (placement.start, placement.exact) == (sel.start + shift, phrase)


@pytest.mark.parametrize("phrase", ["Ukrainian", "Ukrainian officials said", "Ukrainian troops held"])
def test_a_deleted_sentence_followed_by_one_with_the_same_first_word(phrase):
    old = "Fighting went on. Ukrainian officials said 40 attacks were repelled. Ukrainian troops held the line."
    new = old.replace("Ukrainian officials said 40 attacks were repelled. ", "")
    _, placement = _place(old, new, phrase)
    if phrase == "Ukrainian troops held":
        assert (placement.status, new[placement.start : placement.end]) == ("moved", phrase)
        assert placement.start == new.index(phrase)
    else:  # the deleted sentence's words: set aside, not put on the next sentence's "Ukrainian"
        assert placement.is_orphaned


@pytest.mark.parametrize(
    ("old", "new", "phrase"),
    [
        # "and " deleted: the highlight was stretched onto "t" of the next word.
        ("what it costs in blood and treasure", "what it costs in blood treasure", "it costs in blood and"),
        # A figure changed: it became "… and 47", a different figure.
        (
            "34% who said it was improving. similarly 48 said",
            "34% who said it was improving. similarly 47 said",
            "34% who said it was improving. similarly 48",
        ),
        ("about 300 troops", "about 3,000 troops", "300 troops"),
        ("the city had fallen", "the city hhad fallen", "had fallen"),
        ("the Ukrainian line", "the Ukrainians line", "the Ukrainian"),
    ],
)
def test_a_changed_word_inside_or_at_the_edge_sets_the_highlight_aside(old, new, phrase):
    _, placement = _place(old, new, phrase)
    assert placement.is_orphaned


def test_a_moved_sentence_carries_its_highlights():
    first = "Russian units entered the northern districts overnight."
    old = f"Intro line here. {first} Then the weather changed. The mayor spoke.\nA second paragraph ends."
    new = old.replace(f"{first} ", "").replace("A second paragraph ends.", f"A second paragraph ends. {first}")
    for phrase in ["northern districts", first, "Russian"]:
        _, placement = _place(old, new, phrase)
        assert (placement.status, placement.start) == ("moved", new.index(phrase)), phrase


@pytest.mark.parametrize("occurrence", [0, 1])
def test_a_moved_sentence_that_also_appears_elsewhere_is_never_confused_with_its_copy(occurrence):
    line = "“We will not close a single library,” the mayor said."
    old = f"Opening. {line} Middle text goes here.\nMore text.\n{line}\nEnd."
    new = old.replace(f"Opening. {line} ", "Opening. ").replace("More text.", f"More text. {line}")
    _, placement = _place(old, new, "single library", occurrence)
    # The first copy moved to just before the second: each highlight is on its own copy or set aside.
    first, second = new.index("single library"), new.rindex("single library")
    assert placement.is_orphaned or placement.start == [first, second][occurrence]


@pytest.mark.parametrize("gap", ["\n", "  ", "\u00a0"])
def test_a_paragraph_split_or_new_space_inside_a_highlight_keeps_its_words(gap):
    old = "One sentence here. Another sentence there. A third one."
    new = old.replace("here. Another", f"here.{gap}Another")
    _, placement = _place(old, new, "here. Another")
    assert (placement.status, placement.exact) == ("moved", f"here.{gap}Another")


def test_spans_in_unchanged_ranges_keep_quote_and_context_shifted():
    """What revise_article moves in bulk is exactly what placing them one by one would do."""
    checked = 0
    for case in generate(seed=5, count=48, highlights=60):
        reanchorer = Reanchorer(case.old, case.new)
        ranges = reanchorer.unchanged_ranges()
        assert ranges == sorted(ranges) and all(lo < hi for lo, hi, _ in ranges)
        for sel in case.selectors:
            inside = [shift for lo, hi, shift in ranges if lo <= sel.start and sel.end <= hi]
            if not inside:
                continue
            placement = reanchorer.place(start=sel.start, end=sel.end, exact=sel.exact)
            moved = select(case.new, placement.start, placement.end, placement.exact)
            assert (moved.start, moved.end) == (sel.start + inside[0], sel.end + inside[0])
            assert (moved.exact, moved.prefix, moved.suffix) == (sel.exact, sel.prefix, sel.suffix)
            assert placement.status == ("kept" if inside[0] == 0 else "moved")
            checked += 1
    assert checked > 48 * 60 / 2  # most highlights are away from the edit


# --- A copy inserted beside its own sentence (make anchoring-eval, seeds 1 and 2) ---------------------------

BESIDE = (
    "Casualties were high. Both narratives can coexist because modern conflict allows parallel information "
    "spaces disconnected from singular battlefield truths.\nWhat emerges from the town is a model of attrition."
)
COPIED = (
    "Both narratives can coexist because modern conflict allows parallel information spaces disconnected "
    "from singular battlefield truths."
)


@pytest.mark.parametrize("phrase", ["disconnected from singular battlefield", "Both narratives", COPIED])
def test_a_copy_beside_its_sentence_then_one_copy_corrected_is_never_guessed(phrase):
    # The editor pasted the sentence again as its own paragraph right after it, then fixed (here: broke) a
    # word of the first copy. The new text reads the same as "a corrected copy inserted before the
    # sentence", which is the story the diff tells: the highlight would land on the pasted copy.
    new = BESIDE.replace("truths.\n", f"truths.\n{COPIED}\n").replace("modern conflict", "modern cnflict", 1)
    _, placement = _place(BESIDE, new, phrase)
    assert placement.is_orphaned


@pytest.mark.parametrize("phrase", ["budget cuts road repairs", "The budget cuts", "raises parking charges"])
def test_a_copy_before_its_sentence_that_the_diff_threads_through_both_copies_is_never_guessed(phrase):
    # A paragraph split, the sentence pasted again before itself, a full stop in a figure changed: the diff
    # keeps "…by 1" of the old sentence in the first copy and "2%, to 3" in the second.
    old = (
        "The mayor said so.\nThe budget cuts road repairs by 12%, to 3.1 million euros, and raises parking "
        "charges by 20 cents an hour. The council expects 900,000 euros more from parking next year."
    )
    line = "The budget cuts road repairs by 12%, to 3!million euros, and raises parking charges by 20 cents an hour."
    new = old.replace("to 3.1 million", "to 3!million").replace("an hour. The", "an hour.\nThe")
    new = new.replace("said so.\n", f"said so.\n{line}\n")
    _, placement = _place(old, new, phrase)
    assert placement.is_orphaned


@pytest.mark.parametrize("phrase", ["disconnected from singular battlefield", COPIED])
def test_a_pull_quote_away_from_its_sentence_leaves_the_highlight_on_the_original(phrase):
    # Away from its sentence, the pasted copy cannot be taken for the original: no need to set anything aside.
    new = BESIDE.replace("Casualties were high. ", f"{COPIED}\nCasualties were high. ")
    new = new.replace("modern conflict", "modern cnflict", 1)
    sel, placement = _place(BESIDE, new, phrase)
    assert placement.status == "moved"
    assert placement.start == new.rindex(phrase) and placement.exact == phrase
