"""Fetching a web address for import: bounded, and never into a private network (articles.importing.fetching)."""

import socket

import pytest

from articles.importing import ImportProblem, draft_from_url
from articles.importing.fetching import fetch_page, is_public_address
from tests.page_server import BIG

MB = 1024 * 1024
PRIVATE = "leads into a private network"


def no_dns(host, port):  # a resolver that must not be reached
    raise AssertionError(f"resolved {host}")


def resolves_to(*addresses):
    return lambda host, port: list(addresses)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("172.31.255.255", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("fe80::1", False),  # link-local
        ("fe80::1%eth0", False),
        ("fc00::1", False),  # unique local
        ("fd12:3456::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("224.0.0.1", False),  # multicast
        ("ff02::1", False),
        ("ff0e::1", False),
        ("240.0.0.1", False),  # reserved
        ("255.255.255.255", False),
        ("100.64.0.1", False),  # shared address space (carrier NAT)
        ("192.0.2.1", False),  # documentation
        ("198.18.0.1", False),  # benchmarking
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("::ffff:10.0.0.1", False),
        ("::ffff:93.184.215.14", True),
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
        ("2002:a00:1::", False),  # 6to4 around 10.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 around 10.0.0.1
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", False),  # Teredo around 10.0.0.1
        ("not an address", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(address) is public


@pytest.mark.parametrize(
    ("url", "resolver", "message"),
    [
        ("http://127.0.0.1/", no_dns, PRIVATE),
        ("http://[::1]/", no_dns, PRIVATE),
        ("http://10.0.0.1/", no_dns, PRIVATE),
        ("http://169.254.169.254/latest/meta-data/", no_dns, PRIVATE),
        ("http://[fe80::1]/", no_dns, PRIVATE),
        ("http://[::ffff:192.168.0.1]/", no_dns, PRIVATE),
        ("http://0.0.0.0/", no_dns, PRIVATE),
        ("http://224.0.0.1/", no_dns, PRIVATE),
        ("http://intranet.school.example/", resolves_to("10.20.30.40"), PRIVATE),
        ("http://localhost/", resolves_to("127.0.0.1", "::1"), PRIVATE),
        # a name answering with one public and one private address is refused whole
        ("https://mixed.example/", resolves_to("93.184.215.14", "192.168.1.10"), PRIVATE),
        ("http://v6.example/", resolves_to("fd00::5"), PRIVATE),
        ("ftp://news.example/report", no_dns, "http:// or https://"),
        ("file:///etc/passwd", no_dns, "http:// or https://"),
        ("javascript:alert(1)", no_dns, "http:// or https://"),
        ("http://user:pass@news.example/", no_dns, "user name or password"),
        ("http://news.example:22/", resolves_to("93.184.215.14"), "port 22"),
        ("http://news.example:8080/", resolves_to("93.184.215.14"), "port 8080"),
        ("http:///nohost", no_dns, "no site name"),
        ("http://[not-closed/", no_dns, "not a web address"),
    ],
)
def test_refused_before_anything_is_sent(url, resolver, message, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("connected")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(ImportProblem, match=message):
        fetch_page(url, allow_loopback=False, resolver=resolver)


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://0177.0.0.1/",  # octal
        "http://0x7f.1/",  # hex, short form
        "http://127.1/",
        "http://localhost/",
        "http://LOCALHOST./",
    ],
)
def test_other_spellings_of_loopback_are_resolved_then_refused(url, monkeypatch):
    """The C resolver reads these as 127.0.0.1; the check runs on what they resolve to, not on how they look."""

    def no_connection(*args, **kwargs):
        raise AssertionError("connected")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(ImportProblem, match=PRIVATE):
        fetch_page(url, allow_loopback=False)


def test_an_unknown_name_says_so():
    def nxdomain(host, port):
        from articles.importing.fetching import system_resolver

        return system_resolver("no-such-host.invalid", port)

    with pytest.raises(ImportProblem, match="There is no web site at"):
        fetch_page("http://no-such-host.invalid/", resolver=nxdomain)


def test_loopback_is_refused_unless_allowed(page_server):
    with pytest.raises(ImportProblem, match=PRIVATE):
        fetch_page(page_server + "/news/flood-barrier.html", allow_loopback=False)
    page = fetch_page(page_server + "/news/flood-barrier.html", allow_loopback=True)
    assert page.content_type == "text/html"
    assert b"Flood barrier delayed" in page.body


def fetch_draft(url, **overrides):
    options = {
        "max_text_bytes": MB,
        "max_page_bytes": 5 * MB,
        "timeout": 2.0,
        "max_redirects": 5,
        "allow_loopback": True,
    }
    return draft_from_url(url, **{**options, **overrides})


def test_a_page_is_fetched_and_drafted(page_server):
    draft = fetch_draft(page_server + "/moved")
    assert draft.title == "Flood barrier delayed again as costs double, council papers show"
    assert draft.outlet == "The Harbour Ledger"
    assert "11,000 homes" in draft.body_markdown


def test_a_page_in_another_encoding_and_a_gzipped_page_are_read(page_server):
    assert "£97m" in fetch_draft(page_server + "/latin1.html").body_markdown
    assert "£97m" in fetch_draft(page_server + "/gzip.html").body_markdown


@pytest.mark.parametrize(
    ("path", "overrides", "message"),
    [
        ("/loop-a", {}, "circle of redirects"),
        ("/chain/9", {}, "redirected more than 5 times"),
        ("/chain/2", {"max_redirects": 1}, "redirected more than 1 times"),
        ("/to-private", {}, PRIVATE),
        ("/to-metadata", {}, PRIVATE),
        ("/to-ipv6-loopback-name", {}, PRIVATE),
        ("/slow", {"timeout": 0.5}, "took too long"),
        ("/big", {"max_page_bytes": BIG // 2}, "larger than"),
        ("/report.pdf", {}, "“application/pdf”, not a web page"),
        ("/links.html", {}, "could not find an article"),
        ("/missing", {}, "“404 Not Found”"),
    ],
)
def test_bad_addresses_are_refused_with_a_message(page_server, path, overrides, message):
    with pytest.raises(ImportProblem, match=message):
        fetch_draft(page_server + path, **overrides)


def test_an_address_nobody_answers_at(page_server):
    port = int(page_server.rsplit(":", 1)[1])
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    assert free != port
    with pytest.raises(ImportProblem, match="could not reach that site"):
        fetch_draft(f"http://127.0.0.1:{free}/")
