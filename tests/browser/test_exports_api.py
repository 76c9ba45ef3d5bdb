"""In Chromium: the API works from a logged-in page with the page's CSRF token (and not without it),
and the export links download files that open cleanly."""

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation
from tests import factories

pytestmark = pytest.mark.browser

PHRASE = "300 troops"


def _payload(live_server, article) -> dict:
    start = article.body_text.index(PHRASE)
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "numbers"},
            {"type": "TextualBody", "purpose": "commenting", "value": "Who counted – “officials”?"},
        ],
        "target": {
            "source": f"{live_server.url}/articles/{article.pk}/",
            "selector": [
                {"type": "TextQuoteSelector", "exact": PHRASE},
                {"type": "TextPositionSelector", "start": start, "end": start + len(PHRASE)},
            ],
        },
    }


FETCH = """async ([url, payload, withToken]) => {
  const headers = {"Content-Type": "application/ld+json"};
  if (withToken) headers["X-CSRFToken"] = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
  const body = JSON.stringify(payload);
  const response = await fetch(url, {method: "POST", headers, body, credentials: "same-origin"});
  return {status: response.status, type: response.headers.get("Content-Type"), text: await response.text()};
}"""


def test_api_from_the_page_and_downloads(
    live_server, page, login_as, student, teacher, assignment, article, screenshot_dir
):
    login_as(student)
    page.goto(f"{live_server.url}/assignments/")
    url = f"/api/assignments/{assignment.pk}/annotations/"

    refused = page.evaluate(FETCH, [url, _payload(live_server, article), False])
    assert refused["status"] == 403 and not Annotation.objects.exists()

    created = page.evaluate(FETCH, [url, _payload(live_server, article), True])
    assert created["status"] == 201, created["text"][:300]
    assert created["type"].startswith("application/ld+json")
    assert json.loads(created["text"])["target"]["selector"][0]["exact"] == PHRASE

    # The dashboard now offers the student's own downloads.
    page.reload()
    card = page.locator(".assignment-card").first
    expect(card.get_by_role("link", name="Spreadsheet of my highlights", exact=False)).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/exports-dashboard.png", full_page=True)
    with page.expect_download() as info:
        card.get_by_role("link", name="Spreadsheet of my highlights", exact=False).click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[1][4:6] == [PHRASE, "Who counted – “officials”?"]
    assert info.value.suggested_filename.endswith("-sam-my-work.csv")

    # The teacher's review page offers the whole class's downloads.
    other = factories.StudentFactory(username="riya")
    factories.EnrollmentFactory(classroom=assignment.classroom, student=other)
    login_as(teacher)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/review/")
    page.screenshot(path=f"{screenshot_dir}/exports-review.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="W3C Web Annotations (JSON-LD)").click()
    document = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert document["type"] == "AnnotationCollection" and document["total"] == 1
    assert info.value.suggested_filename.endswith("-annotations.jsonld")
