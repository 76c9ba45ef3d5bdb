import pytest

pytestmark = pytest.mark.browser


def test_browser_reaches_live_server(live_server, page):
    page.goto(f"{live_server.url}/healthz")
    assert page.text_content("body") == "ok"


def test_login_as_sets_a_session_the_server_accepts(live_server, page, login_as, student):
    login_as(student)
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" not in page.url
