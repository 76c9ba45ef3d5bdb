"""A teacher who is not staff adds their own articles in Chromium: a saved web page by address, then pasted text."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
NEWS_TITLE = "Flood barrier delayed again as costs double, council papers show"
PASTED = (
    "Bus timetable cuts evening services by a third "
    "From 6 April, buses on the three routes that serve the Northgate estate will stop running at 8pm instead of "
    "11pm, the transport authority confirmed on Monday. The authority said the change would save £1.2m a year. "
    "Passenger groups said about 900 people a day use the late services, most of them shift workers and students. "
    "“We had to choose between cutting the late buses and cutting daytime routes that far more people depend on,” "
    "said the council’s transport lead, Cllr Aisha Rahman. Residents on the estate said they had not been asked. "
    "“My daughter finishes work at ten,” said one, who did not want to be named. “How is she meant to get home?” "
    "The consultation asked residents which services they used after 8pm and how they would travel if those "
    "services stopped. The results will be published in May. A petition against the cuts has 2,300 signatures, "
    "and the opposition group on the council has asked for the decision to be delayed until the results are known. "
    "The transport authority said it would look at the petition but that the budget for the year had been set."
)


def shoot(page, screenshot_dir, name):
    for label, size in SIZES.items():
        page.set_viewport_size(size)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.screenshot(path=f"{screenshot_dir}/articles-{name}-{label}.png", full_page=True)
    page.set_viewport_size(SIZES["desktop"])


def test_teacher_adds_an_article_from_a_web_address_and_one_by_pasting(
    live_server, page, page_server, screenshot_dir, db
):
    teacher = factories.TeacherFactory(username="mr_adeyemi", first_name="Tunde", last_name="Adeyemi")
    assert not teacher.is_staff
    factories.ArticleFactory(title="A report from the site's library")

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").type("mr_adeyemi")
    page.get_by_label("Password").type(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="My articles").click()
    expect(page.get_by_role("heading", name="My articles", exact=True)).to_be_visible()
    expect(page.get_by_text("You have not added an article yet")).to_be_visible()
    page.get_by_role("link", name="Add an article").first.click()
    expect(page.get_by_role("heading", name="Add an article")).to_be_visible()
    shoot(page, screenshot_dir, "add-form")

    # 1. A saved news page, served by a local web server, by its address.
    page.get_by_role("textbox", name="Web address").fill(page_server + "/news/flood-barrier.html")
    page.get_by_role("button", name="Fetch and preview").click()
    expect(page.get_by_role("heading", name="Check the article before saving")).to_be_visible()
    title = page.get_by_label("Title", exact=True)
    expect(title).to_have_value(NEWS_TITLE)
    expect(page.get_by_label("Outlet", exact=True)).to_have_value("The Harbour Ledger")
    expect(page.get_by_label("Author", exact=True)).to_have_value("Nadia Brennan")
    expect(page.get_by_label("Publication date", exact=True)).to_have_value("2026-03-14")
    preview = page.locator("#preview-text")
    expect(preview).to_contain_text("11,000 homes on the east bank")
    expect(preview).not_to_contain_text("Switch energy supplier")
    expect(preview).not_to_contain_text("consultants than on concrete")
    shoot(page, screenshot_dir, "preview")

    title.fill("Flood barrier delayed to 2030 as costs double")
    page.get_by_role("button", name="Update the preview").click()
    expect(page.locator("#preview-title")).to_have_text("Flood barrier delayed to 2030 as costs double")
    page.get_by_role("button", name="Save article").click()
    expect(page.get_by_role("status")).to_contain_text("is saved in My articles")
    expect(page.locator("#article-text")).to_contain_text("11,000 homes")

    # 2. Pasted text: one long line with the headline glued to the first sentence.
    page.goto(f"{live_server.url}/articles/new/")
    page.get_by_label("Title (optional)").fill("Bus timetable cuts evening services by a third")
    page.get_by_label("The article's text").fill(PASTED)
    page.get_by_role("button", name="Preview the text").click()
    expect(page.locator("#preview-text h1")).to_have_text("Bus timetable cuts evening services by a third")
    expect(page.locator("#preview-text p")).to_have_count(2)  # one 1,150-character line, cut at a sentence end
    page.get_by_role("button", name="Save article").click()
    expect(page.get_by_role("status")).to_contain_text("is saved in My articles")

    page.get_by_role("link", name="My articles").first.click()
    mine = page.get_by_role("region", name=re.compile("Added by you"))
    expect(mine.locator(".article-row")).to_have_count(2)
    expect(mine).to_contain_text("Flood barrier delayed to 2030 as costs double")
    expect(mine).to_contain_text("Bus timetable cuts evening services by a third")
    library = page.get_by_role("region", name=re.compile("Shared library"))
    expect(library).to_contain_text("A report from the site's library")
    expect(library.get_by_role("link", name="Edit")).to_have_count(0)
    shoot(page, screenshot_dir, "my-articles")

    saved = Article.objects.filter(owner=teacher)
    assert saved.count() == 2
    barrier = saved.get(outlet="The Harbour Ledger")
    assert barrier.title == "Flood barrier delayed to 2030 as costs double"
    assert barrier.original_url.startswith("https://www.harbourledger.example/")


def test_a_refused_address_is_explained_in_its_form_and_an_own_article_can_be_edited(
    live_server, page, login_as, teacher, screenshot_dir, settings
):
    settings.ARTICLE_FETCH_ALLOW_LOOPBACK = False
    login_as(teacher)
    page.goto(f"{live_server.url}/articles/new/")
    page.get_by_role("textbox", name="Web address").fill(f"{live_server.url}/articles/")
    page.get_by_role("button", name="Fetch and preview").click()
    address = page.get_by_role("region", name="Give its web address")
    expect(address.get_by_role("alert")).to_contain_text("leads into a private network")
    shoot(page, screenshot_dir, "add-refused")
    assert not Article.objects.exists()

    article = factories.ArticleFactory(owner=teacher, title="Troops enter the city")
    page.goto(f"{live_server.url}/articles/{article.pk}/edit/")
    page.get_by_label("Outlet", exact=True).fill("The Harbour Ledger")
    shoot(page, screenshot_dir, "edit")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    article.refresh_from_db()
    assert article.outlet == "The Harbour Ledger"


def test_a_paste_over_the_request_limit_says_what_to_do(live_server, page, login_as, teacher, screenshot_dir):
    login_as(teacher)
    page.goto(f"{live_server.url}/articles/new/")
    page.locator("#paste textarea").fill("A whole saved page pasted by mistake. " * 90_000)  # about 3.4 MB
    page.locator("#paste").get_by_role("button", name="Preview the text").click()
    expect(page.get_by_role("heading", name="That was too much to send at once")).to_be_visible()
    expect(page.get_by_text("upload the file")).to_be_visible()
    shoot(page, screenshot_dir, "paste-too-large")
    page.get_by_role("link", name="Go back and try again").click()
    expect(page.get_by_role("heading", name="Add an article")).to_be_visible()
    assert not Article.objects.exists()
