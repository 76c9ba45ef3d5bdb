"""The evaluation command's rules (benchmarks/eval_readers.py), on a tiny corpus made here."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import eval_readers  # noqa: E402

from teaching.text.numberclaims import parse_claim  # noqa: E402
from teaching.text.suggestions import suggest  # noqa: E402

TEXT = (
    "Poll finds 22 953 people\n\n"
    "On 3 January 2005, 22 953 people voted, says the BBC's Elizabeth Blunt. It cost $1.2bn.\n"
)
LABELS = {
    "style": "wire",
    "numbers": [
        {"text": "22 953 people", "occurrence": 1, "kind": "quantity", "value": "22953", "unit": "people"},
        {"text": "3 January 2005", "occurrence": 1, "kind": "date", "value": "2005-01-03"},
        {"text": "22 953 people", "occurrence": 2, "kind": "quantity", "value": "22954", "unit": "people"},
    ],
    "attributions": [
        {"text": "says the BBC's Elizabeth Blunt", "source": "the BBC's Elizabeth Blunt", "occurrence": 1}
    ],
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "01-poll.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "01-poll.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return tmp_path


def test_locate_counts_every_start_position():
    assert eval_readers.locate("13 January and 3 January", "3 January", 1) == (1, 10)
    assert eval_readers.locate("13 January and 3 January", "3 January", 2) == (15, 24)
    with pytest.raises(ValueError):
        eval_readers.locate("abc", "d", 1)


def test_numbers_are_correct_misread_declined_or_extra(corpus):
    articles = eval_readers.load("dev", corpus)
    scores = eval_readers.score_numbers(articles, parse_claim)
    total = sum((c for c in scores["per_kind"].values()), Counter())
    # 22 953 (first) and the date are right; the second 22 953 is labelled 22954 here, so it reads as misread
    assert total == Counter({"correct": 2, "misread": 1})
    assert [text for _, text, _ in scores["false_positives"]] == ["$1.2bn"]  # unlabelled in this corpus


def test_the_hedges_of_correct_readings_are_compared_with_the_labels(tmp_path):
    (tmp_path / "dev").mkdir()
    labels = {
        "style": "wire",
        "numbers": [
            {"text": "about 40 people", "occurrence": 1, "kind": "quantity", "value": "40", "qualifier": "about"},
            {"text": "50 homes", "occurrence": 1, "kind": "quantity", "value": "50", "qualifier": "over"},
        ],
        "attributions": [],
    }
    (tmp_path / "dev" / "01-hedges.txt").write_text("It hit about 40 people and 50 homes.", encoding="utf-8")
    (tmp_path / "dev" / "01-hedges.json").write_text(json.dumps(labels), encoding="utf-8")
    scores = eval_readers.score_numbers(eval_readers.load("dev", tmp_path), parse_claim)
    assert scores["qualifiers"] == Counter({"agree": 1, "differ": 1})  # "over" is not printed before 50


def test_a_number_suggestion_must_cover_every_digit_of_the_label(corpus):
    (article,) = eval_readers.load("dev", corpus)
    label = article.numbers[0]

    @dataclass
    class S:
        start: int
        end: int

    half = S(label["start"], label["start"] + 2)  # "22"
    whole = S(label["start"], label["end"])
    assert not eval_readers._finds_number(article.text, half, label)
    assert eval_readers._finds_number(article.text, whole, label)


def test_suggestions_are_scored_against_numbers_and_attributions(corpus):
    articles = eval_readers.load("dev", corpus)
    scores = eval_readers.score_suggestions(articles, suggest)
    made, labels, found = scores["attributions"]
    assert (labels, found) == (1, 1)
    assert made >= 1
    made, labels, found = scores["numbers"]
    assert labels == 3 and found == 3


def test_the_original_readers_are_scored_through_an_adapter():
    @dataclass
    class Old:
        kind: str
        low: Decimal
        high: Decimal
        unit: str | None = None
        per: str | None = None
        ratio_terms: tuple | None = None

    assert eval_readers._label(Old("count", Decimal(60), Decimal(60), unit="%")) == {"kind": "percent", "value": "60"}
    assert eval_readers._label(Old("ratio", Decimal(5), Decimal(5), ratio_terms=(Decimal(5), Decimal(1)))) == {
        "kind": "ratio",
        "value": "5:1",
    }


def test_main_prints_targets_next_to_figures(corpus, capsys):
    assert eval_readers.main(["--split", "dev", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "target ≥ 95% correct, ≤ 1% misread" in out
    assert "target ≥ 80% precision, ≥ 70% recall" in out


@pytest.mark.parametrize(
    ("spec", "numbers"),
    [("39-41", {39, 40, 41}), ("3,7,10-12", {3, 7, 10, 11, 12}), ("5", {5}), (" 1 - 2 ", None)],
)
def test_article_numbers_reads_lists_and_ranges(spec, numbers):
    if numbers is None:
        with pytest.raises(ValueError):
            eval_readers.article_numbers(spec)
    else:
        assert eval_readers.article_numbers(spec) == numbers


def test_articles_option_keeps_only_the_numbers_asked_for(corpus, capsys):
    (corpus / "test").mkdir()
    for name in ("38-old", "39-fresh", "40-fresher"):
        (corpus / "test" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (corpus / "test" / f"{name}.json").write_text(json.dumps(LABELS), encoding="utf-8")
    assert [a.name for a in eval_readers.load("test", corpus, {39, 40, 41})] == ["test/39-fresh", "test/40-fresher"]
    assert eval_readers.main(["--split", "test", "--corpus", str(corpus), "--articles", "39-99"]) == 0
    assert "Numbers on the test split, articles 39-99 (2 articles)" in capsys.readouterr().out
    assert eval_readers.main(["--split", "dev", "--corpus", str(corpus), "--articles", "39-99"]) == 1
    with pytest.raises(SystemExit):
        eval_readers.main(["--corpus", str(corpus), "--articles", "x"])


def test_all_reads_the_seen_splits_and_leaves_the_later_held_out_splits_apart(corpus, monkeypatch):
    if not eval_readers.HELD_OUT:  # between measurements no split waits: check the rule with two of them
        monkeypatch.setattr(eval_readers, "HELD_OUT", ("later1", "later2"))
    seen, held_out = eval_readers.SEEN_SPLITS, eval_readers.HELD_OUT
    assert seen[:3] == ("dev", "test", "final") and not set(held_out) & set(seen)
    for n, split in enumerate((*seen[1:], *held_out), start=2):
        (corpus / split).mkdir()
        (corpus / split / f"{n:02d}-poll.txt").write_text(TEXT, encoding="utf-8")
        (corpus / split / f"{n:02d}-poll.json").write_text(json.dumps(LABELS), encoding="utf-8")
    names = [article.name for article in eval_readers.load("all", corpus)]
    assert names == [f"{split}/{n:02d}-poll" for n, split in enumerate(seen, start=1)]
    first = len(seen) + 1
    for n, split in enumerate(held_out, start=first):
        assert [a.name for a in eval_readers.load(split, corpus)] == [f"{split}/{n:02d}-poll"]
    together = [a.name for a in eval_readers.load("held-out", corpus)]
    assert together == [f"{split}/{n:02d}-poll" for n, split in enumerate(held_out, start=first)]
    pair = "+".join(held_out[:2])
    assert [a.name for a in eval_readers.load(pair, corpus)] == [
        f"{s}/{n:02d}-poll" for n, s in enumerate(held_out[:2], start=first)
    ]
    assert eval_readers.main(["--split", pair, "--corpus", str(corpus)]) == 0
    with pytest.raises(SystemExit):
        eval_readers.main(["--split", f"{held_out[0]}+nosuch", "--corpus", str(corpus)])


def test_every_split_of_the_corpus_is_either_seen_or_held_out():
    folders = {path.name for path in eval_readers.CORPUS.iterdir() if path.is_dir()}
    assert folders <= {*eval_readers.SEEN_SPLITS, *eval_readers.HELD_OUT}, "a split make eval cannot name"
    assert set(eval_readers.SEEN_SPLITS) <= folders
