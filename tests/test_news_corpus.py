"""The hand-labelled news corpus (tests/data/news/) follows the format its README describes."""

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "news"
SPLITS = (
    "dev",
    "test",
    "final",
    "final2",
    "final3",
    "final4",
    "final5",
    "final6",
    "final7",
    "final8",
    "final9",
    "final10",
    "final11",
    "final12",
    "final13",
    "final14",
    "final15",
    "final16",
    "final17",
    "final18",
    "final19",
    "final20",
    "final21",
    "final22",
    "final23",
    "final24",
    "final25",
    "final26",
    "final27",
    "final28",
    "final29",
    "final30",
    "final31",
    "final32",
    "final33",
    "final34",
    "final35",
    "final36",
    "final37",
    "final38",
    "final39",
    "final40",
    "final41",
    "final42",
    "final43",
    "final44",
    "final45",
    "final46",
    "final47",
    "final48",
    "final49",
    "final50",
    "final51",
    "final52",
    "final53",
    "final54",
    "final55",
    "final56",
    "final57",
    "final58",
    "final59",
    "final60",
    "final61",
    "final62",
    "final63",
    "final64",
    "final65",
    "final66",
    "final67",
    "final68",
    "final69",
    "final71",
    "final72",
    "final73",
)
STYLES = {
    "wire",
    "broadsheet",
    "tabloid",
    "business",
    "sports",
    "indian",
    "american",
    "science",
    "local",
    "election",
    "conflict",
    "stripped",
}
DECIMAL = r"-?\d+(\.\d+)?"
DATE = r"(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
FORMATS = {
    "value": DECIMAL,
    "low": DECIMAL,
    "high": DECIMAL,
    "fraction": r"\d+/\d+",
    "ratio": r"\d+(\.\d+)?:\d+(\.\d+)?",
    "date": DATE,
    "year": r"\d{4}",
    "decade": r"\d{3}0s",
    "time": r"([01]\d|2[0-3]):[0-5]\d",
    "currency": r"[A-Z]{3}",
}
DURATION_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
COMMON = {"text", "occurrence", "kind", "qualifier"}
# kind -> (required fields, optional fields)
KINDS = {
    "quantity": ({"value", "unit"}, set()),
    "money": ({"value", "currency"}, set()),
    "percent": ({"value"}, set()),
    "percentage_points": ({"value"}, {"unit"}),
    "fraction": ({"value"}, {"unit"}),
    "magnitude": ({"value"}, {"unit"}),
    "ordinal": ({"value"}, {"unit"}),
    "ratio": ({"value"}, {"unit"}),
    "rate": ({"value", "per"}, {"unit", "currency"}),
    "range": ({"low", "high", "unit"}, {"currency"}),
    "date": ({"value"}, set()),
    "date_range": ({"low", "high"}, set()),
    "year": ({"value"}, set()),
    "decade": ({"value"}, set()),
    "time": ({"value"}, set()),
    "duration": ({"value", "unit"}, set()),
    "ambiguous": ({"why"}, set()),
}
VALUE_FORMAT = {"fraction": "fraction", "ratio": "ratio", "date": "date", "year": "year", "decade": "decade"}
VALUE_FORMAT |= {"time": "time"}
ARTICLES = sorted(CORPUS.glob("*/*.json"))


def load(json_path):
    text = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    labels = json.loads(json_path.read_text(encoding="utf-8"))
    return text, labels


def locate(text, needle, occurrence):
    """Start of the occurrence-th match of needle in text (every start position counts), or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start == -1:
            return None
    return start


def on_word_boundary(text, start, end):
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def span_of(text, item):
    assert isinstance(item.get("text"), str) and item["text"], item
    occurrence = item.get("occurrence")
    assert isinstance(occurrence, int) and occurrence >= 1, item
    start = locate(text, item["text"], occurrence)
    assert start is not None, f"{item['text']!r} does not occur {occurrence} time(s)"
    end = start + len(item["text"])
    assert on_word_boundary(text, start, end), f"{item['text']!r} (occurrence {occurrence}) cuts a word"
    return start, end


def check_format(name, value):
    assert isinstance(value, str) and re.fullmatch(FORMATS[name], value), f"{value!r} is not a {name}"


def check_mention(mention):
    kind = mention.get("kind")
    assert kind in KINDS, f"unknown kind {kind!r}"
    required, optional = KINDS[kind]
    keys = set(mention)
    assert required <= keys, f"{mention['text']!r} lacks {required - keys}"
    assert keys <= required | optional | COMMON, (
        f"{mention['text']!r} has unexpected {keys - required - optional - COMMON}"
    )
    if kind in VALUE_FORMAT:
        check_format(VALUE_FORMAT[kind], mention["value"])
    elif "value" in required:
        check_format("value", mention["value"])
    if kind == "date_range":
        check_format("date", mention["low"])
        check_format("date", mention["high"])
    if kind == "range":
        check_format("low", mention["low"])
        check_format("high", mention["high"])
        assert float(mention["low"]) < float(mention["high"]), mention
    if "currency" in mention:
        check_format("currency", mention["currency"])
    if kind == "duration":
        assert mention["unit"] in DURATION_UNITS, mention
    if kind == "ambiguous":
        assert isinstance(mention["why"], str) and len(mention["why"]) > 10, mention
    if kind == "rate":
        assert isinstance(mention["per"], str) and mention["per"], mention
    if mention.get("unit") is not None:
        assert mention["unit"] == mention["unit"].lower(), mention
    qualifier = mention.get("qualifier")
    if qualifier is not None:
        assert qualifier == qualifier.lower(), mention
        assert mention["text"].lower().startswith(qualifier), f"{mention['text']!r} does not start with {qualifier!r}"


def test_corpus_has_articles_in_both_splits():
    assert {path.parent.name for path in ARTICLES} == set(SPLITS)
    stems = [path.stem for path in ARTICLES]
    numbers = [stem.split("-", 1)[0] for stem in stems]
    assert len(set(numbers)) == len(numbers), "article numbers NN must be unique across splits"
    for path in CORPUS.glob("*/*"):
        assert path.suffix in {".txt", ".json"} and path.with_suffix(".txt").exists(), path
        assert path.with_suffix(".json").exists(), path


@pytest.mark.parametrize("json_path", ARTICLES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_article_text_is_shaped_like_a_news_report(json_path):
    text, labels = load(json_path)
    assert labels["style"] in STYLES
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "" and lines[2].strip(), "headline, blank line, body"
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert 250 <= len(text.split()) <= 700
    if labels["style"] == "stripped":
        assert re.fullmatch(r"[a-z0-9 \n]+", text), "stripped text keeps only lowercase letters, digits and spaces"


@pytest.mark.parametrize("json_path", ARTICLES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_article_labels_are_valid_and_locate_their_spans(json_path):
    text, labels = load(json_path)
    assert set(labels) <= {"style", "numbers", "attributions", "identifiers"}
    spans = []
    for mention in labels["numbers"]:
        check_mention(mention)
        spans.append(span_of(text, mention))
    assert spans == sorted(spans), "number mentions are listed in reading order"
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, "number mentions never overlap"
    for identifier in labels.get("identifiers", []):
        assert set(identifier) == {"text", "occurrence"}
        spans.append(span_of(text, identifier))
    digits_outside = [
        text[max(0, i - 15) : i + 15]
        for i, char in enumerate(text)
        if char.isdigit() and not any(start <= i < end for start, end in spans)
    ]
    assert not digits_outside, f"digits in no labelled mention: {digits_outside}"
    attribution_starts = []
    for attribution in labels["attributions"]:
        assert set(attribution) == {"text", "source", "occurrence"}
        attribution_starts.append(span_of(text, attribution)[0])
        assert attribution["source"] and attribution["source"] in attribution["text"], attribution
    assert attribution_starts == sorted(attribution_starts), "attributions are listed in reading order"


def test_the_locating_rules_are_the_ones_the_readme_describes():
    text = "On 13 January and 3 January"
    assert locate(text, "3 January", 1) == 4
    assert not on_word_boundary(text, 4, 13)
    assert locate(text, "3 January", 2) == 18
    assert on_word_boundary(text, 18, 27)
    assert locate(text, "3 January", 3) is None


def test_corpus_is_big_enough_and_keeps_a_third_aside():
    per_split = {split: {"articles": 0, "mentions": 0, "styles": set()} for split in SPLITS}
    for json_path in ARTICLES:
        _, labels = load(json_path)
        counts = per_split[json_path.parent.name]
        counts["articles"] += 1
        counts["mentions"] += len(labels["numbers"])
        counts["styles"].add(labels["style"])
    articles = sum(counts["articles"] for counts in per_split.values())
    mentions = sum(counts["mentions"] for counts in per_split.values())
    assert articles >= 36
    assert mentions >= 400
    assert (articles - per_split["dev"]["articles"]) * 3 >= articles, "at least a third is kept aside from dev"
    assert per_split["test"]["mentions"] >= 130
    assert per_split["test"]["styles"] == STYLES, "every style is in the held-out split"
    assert per_split["dev"]["styles"] == STYLES
    assert per_split["final"]["articles"] >= 20 and per_split["final"]["mentions"] >= 300
    assert per_split["final2"]["articles"] >= 12 and per_split["final2"]["mentions"] >= 300
    assert len(per_split["final2"]["styles"]) >= 10
    assert per_split["final3"]["articles"] >= 13 and per_split["final3"]["mentions"] >= 400
    assert len(per_split["final3"]["styles"]) >= 10
    assert per_split["final4"]["articles"] >= 10 and per_split["final4"]["mentions"] >= 400
    assert len(per_split["final4"]["styles"]) >= 10
    assert per_split["final5"]["articles"] >= 12 and per_split["final5"]["mentions"] >= 400
    assert len(per_split["final5"]["styles"]) >= 10
    assert per_split["final6"]["articles"] >= 13 and per_split["final6"]["mentions"] >= 430
    assert len(per_split["final6"]["styles"]) >= 11
    assert per_split["final7"]["articles"] >= 13 and per_split["final7"]["mentions"] >= 430
    assert len(per_split["final7"]["styles"]) >= 11
    assert per_split["final8"]["articles"] >= 12 and per_split["final8"]["mentions"] >= 400
    assert len(per_split["final8"]["styles"]) >= 11
    assert per_split["final9"]["articles"] >= 13 and per_split["final9"]["mentions"] >= 450
    assert per_split["final9"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final10"]["articles"] >= 13 and per_split["final10"]["mentions"] >= 450
    assert per_split["final10"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final11"]["articles"] >= 13 and per_split["final11"]["mentions"] >= 450
    assert per_split["final11"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final12"]["articles"] >= 13 and per_split["final12"]["mentions"] >= 450
    assert per_split["final12"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final13"]["articles"] >= 13 and per_split["final13"]["mentions"] >= 450
    assert per_split["final13"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final14"]["articles"] >= 13 and per_split["final14"]["mentions"] >= 380
    assert per_split["final14"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final15"]["articles"] >= 13 and per_split["final15"]["mentions"] >= 340
    assert per_split["final15"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final16"]["articles"] >= 13 and per_split["final16"]["mentions"] >= 340
    assert per_split["final16"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final17"]["articles"] >= 13 and per_split["final17"]["mentions"] >= 340
    assert per_split["final17"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final18"]["articles"] >= 13 and per_split["final18"]["mentions"] >= 340
    assert per_split["final18"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final19"]["articles"] >= 13 and per_split["final19"]["mentions"] >= 340
    assert per_split["final19"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final20"]["articles"] >= 13 and per_split["final20"]["mentions"] >= 340
    assert per_split["final20"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final21"]["articles"] >= 13 and per_split["final21"]["mentions"] >= 340
    assert per_split["final21"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final22"]["articles"] >= 13 and per_split["final22"]["mentions"] >= 340
    assert per_split["final22"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final23"]["articles"] >= 13 and per_split["final23"]["mentions"] >= 340
    assert per_split["final23"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final24"]["articles"] >= 13 and per_split["final24"]["mentions"] >= 340
    assert per_split["final24"]["styles"] == STYLES, "the newest held-out split is varied"
    assert per_split["final25"]["articles"] >= 13 and per_split["final25"]["mentions"] >= 340
    assert per_split["final25"]["styles"] == STYLES, "the newest held-out split is varied"
    for split in SPLITS[SPLITS.index("final26") :]:  # written to one brief: 13 articles in every style each
        assert per_split[split]["articles"] >= 13 and per_split[split]["mentions"] >= 340, split
        assert per_split[split]["styles"] == STYLES, f"the held-out split {split} is varied"
    stripped = [path for path in ARTICLES if load(path)[1]["style"] == "stripped"]
    assert len(stripped) >= 4
