"""Dates, date ranges, months, years, decades and times of day as the number reader reads them."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim


def dates(text: str) -> list[tuple[str, str, str, str | None]]:
    """(span, kind, when, qualifier) for every confident date or time reading."""
    out = []
    for v in parse_claim(text).dates:
        if not v.sure:
            continue
        label = v.label()
        when = label["value"] if "value" in label else f"{label['low']}..{label['high']}"
        out.append((v.text, label["kind"], when, label["qualifier"]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 3 January", [("3 January", "date", "XXXX-01-03", None)]),
        ("on 3 January 2005", [("3 January 2005", "date", "2005-01-03", None)]),
        ("By Jan. 12 of the coming year", [("Jan. 12", "date", "XXXX-01-12", None)]),
        ("Tuesday, March 25, 2025.", [("March 25, 2025", "date", "2025-03-25", None)]),
        ("the 3rd of March", [("3rd of March", "date", "XXXX-03-03", None)]),
        ("Sept. 9", [("Sept. 9", "date", "XXXX-09-09", None)]),
        ("SEP 9", [("SEP 9", "date", "XXXX-09-09", None)]),
        ("in September", [("September", "date", "XXXX-09", None)]),
        ("in February 2024", [("February 2024", "date", "2024-02", None)]),
        ("late August", [("late August", "date", "XXXX-08", "late")]),
        ("since early November", [("early November", "date", "XXXX-11", "early")]),
        ("mid-September", [("mid-September", "date", "XXXX-09", "mid")]),
        ("2025-09-03", [("2025-09-03", "date", "2025-09-03", None)]),
        ("13/01/2005", [("13/01/2005", "date", "2005-01-13", None)]),
        ("last November", [("November", "date", "XXXX-11", None)]),  # the month is printed; "last" is not part of it
        ("every November", []),
        ("the Isle of May", []),
    ],
)
def test_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "from 15 november 2004 to 3 january 2005",
            [("from 15 november 2004 to 3 january 2005", "date_range", "2004-11-15..2005-01-03", None)],
        ),
        (
            "from 15 November to 3 January 2005",
            [("from 15 November to 3 January 2005", "date_range", "2004-11-15..2005-01-03", None)],
        ),
        ("between 3 and 5 January", [("between 3 and 5 January", "date_range", "XXXX-01-03..XXXX-01-05", None)]),
        ("3-5 January", [("3-5 January", "date_range", "XXXX-01-03..XXXX-01-05", None)]),
        ("January 3-5, 2005", [("January 3-5, 2005", "date_range", "2005-01-03..2005-01-05", None)]),
        ("between January and August", [("between January and August", "date_range", "XXXX-01..XXXX-08", None)]),
        ("from March to May", [("from March to May", "date_range", "XXXX-03..XXXX-05", None)]),
        ("in 2026-27", [("2026-27", "date_range", "2026..2027", None)]),
        ("between 2004 and 2008", [("between 2004 and 2008", "date_range", "2004..2008", None)]),
    ],
)
def test_date_ranges(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2004", [("2004", "year", "2004", None)]),
        ("the 1990s", [("1990s", "decade", "1990s", None)]),
        ("the '80s", [("'80s", "decade", "1980s", None)]),
        ("9.30am", [("9.30am", "time", "09:30", None)]),
        ("at 21:00", [("21:00", "time", "21:00", None)]),
        ("9 a.m.", [("9 a.m.", "time", "09:00", None)]),
        ("12.30pm", [("12.30pm", "time", "12:30", None)]),
        ("14:00 GMT", [("14:00 GMT", "time", "14:00", None)]),
        ("around 3am", [("around 3am", "time", "03:00", "around")]),
        ("a 2000 people", []),
    ],
)
def test_years_decades_and_times(text, expected):
    assert dates(text) == expected


def test_an_all_number_date_in_unknown_order_is_declined_with_a_reason():
    (declined,) = parse_claim("on 03/01/2005").declined
    assert declined.text == "03/01/2005"
    assert "Britain" in declined.why and "America" in declined.why
