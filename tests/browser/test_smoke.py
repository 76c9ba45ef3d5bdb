import pytest

pytestmark = pytest.mark.browser


def test_browser_reaches_live_server(live_server, page):
    page.goto(f"{live_server.url}/healthz")
    assert page.text_content("body") == "ok"
