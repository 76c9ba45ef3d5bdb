"""Fetching a web page for import: bounded, and never reaching the school's own network (SSRF).

Every hop is checked before anything is sent: the scheme (http/https), the port (80/443), no
user name in the address, and every address the name resolves to must be a public one — not
private, loopback, link-local, multicast, reserved, shared or unspecified, IPv4 or IPv6
(including IPv4 addresses wrapped in IPv6: mapped, 6to4, Teredo, NAT64). The connection then goes
to the address that was checked, not to the name again, so a DNS answer that changes between the
check and the connection (DNS rebinding) cannot reach a private address. Redirects are followed
by hand, each one checked the same way, at most ``max_redirects`` of them and never in a loop.
The answer must be a web page (text/html or XHTML), arrive within ``timeout`` seconds in all and
be at most ``max_bytes`` long. Proxies from the environment are not used.

``allow_loopback`` (only the tests' settings turn it on) lets 127.0.0.0/8 and ::1 through, on any
port, so the tests can serve saved pages from a local server; everything else stays refused.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from articles.importing.drafts import ImportProblem

ALLOWED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ALLOWED_PORTS = frozenset({80, 443})
USER_AGENT = "Crosscheck article import (a teacher added this page to a lesson)"

Resolver = Callable[[str, int], list[str]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the address the page was finally read from, after redirects
    content_type: str
    charset: str
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ImportProblem(f"There is no web site at “{host}”: check the address for typing mistakes.") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(address: str, *, allow_loopback: bool = False) -> bool:
    """Whether connecting to ``address`` stays on the public internet (or on loopback, when allowed)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6:
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(str(embedded), allow_loopback=allow_loopback)
    if ip.is_loopback:
        return allow_loopback
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved or ip.is_link_local or ip.is_private:
        return False
    return ip.is_global


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the vetted IP to connect to


def _check_url(url: str, *, allow_loopback: bool, resolver: Resolver) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ImportProblem("That is not a web address we can read. Copy it from the browser's address bar.") from None
    if parts.scheme not in {"http", "https"}:
        raise ImportProblem("Only web addresses starting with http:// or https:// can be imported.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ImportProblem("That web address has no site name in it. Copy it from the browser's address bar.")
    if parts.username or parts.password:
        raise ImportProblem("Web addresses with a user name or password in them cannot be imported.")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        addresses = [str(literal)]
    except ValueError:
        addresses = resolver(host, port)
    if not addresses:
        raise ImportProblem(f"There is no web site at “{host}”: check the address for typing mistakes.")
    # Every answer must be public: a name that also points inside the network is refused whole.
    if not all(is_public_address(a, allow_loopback=allow_loopback) for a in addresses):
        raise ImportProblem(
            "That address leads into a private network (or this server itself), which Crosscheck never "
            "fetches from. Use the public address of the article."
        )
    # Other ports are where a server's private services listen; only the tests' local server may use them.
    on_loopback = allow_loopback and all(ipaddress.ip_address(a.split("%", 1)[0]).is_loopback for a in addresses)
    if port not in ALLOWED_PORTS and not on_loopback:
        raise ImportProblem(f"Pages can be imported only from the usual web ports (80 and 443), not from port {port}.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return _Target(parts.scheme, host, port, path, addresses[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: _Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: _Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the name in the address, while the socket goes to the vetted IP.
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)


def _content_type(response: http.client.HTTPResponse) -> tuple[str, str]:
    message = response.msg
    return message.get_content_type(), message.get_content_charset() or ""


def _read_bounded(response: http.client.HTTPResponse, *, max_bytes: int, deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _too_slow()
        chunk = response.read1(64 * 1024) if hasattr(response, "read1") else response.read(64 * 1024)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in {"gzip", "x-gzip", "deflate"}:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
        try:
            body = decompressor.decompress(body, max_bytes + 1)
        except zlib.error:
            raise ImportProblem("The site sent a damaged page. Try again later, or paste the text.") from None
        if len(body) > max_bytes or decompressor.unconsumed_tail:
            raise _too_large(max_bytes)
    elif encoding not in {"identity", ""}:
        raise ImportProblem("The site sent the page in a form we cannot read. Paste the text instead.")
    return body


def _too_large(max_bytes: int) -> ImportProblem:
    from articles.importing.text import human_size

    return ImportProblem(
        f"The page is larger than {human_size(max_bytes)}, more than a news report can be. "
        "Save the page or copy its text, and add it that way."
    )


def _too_slow() -> ImportProblem:
    return ImportProblem("The site took too long to answer. Try again later, or paste the article's text.")


def fetch_page(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5 * 1024 * 1024,
    max_redirects: int = 5,
    allow_loopback: bool = False,
    resolver: Resolver = system_resolver,
) -> FetchedPage:
    """GET a web page within the bounds above; raise ImportProblem with a message for the teacher."""
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    current = url.strip()
    for _hop in range(max_redirects + 1):
        if current in seen:
            raise ImportProblem("The site keeps sending us round in a circle of redirects, so the page cannot be read.")
        seen.add(current)
        target = _check_url(current, allow_loopback=allow_loopback, resolver=resolver)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _too_slow()
        connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(target, timeout=remaining)
        try:
            connection.request(
                "GET",
                target.path,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml;q=0.9",
                    "Accept-Encoding": "gzip, identity",
                },
            )
            response = connection.getresponse()
            if response.status in {301, 302, 303, 307, 308}:
                location = response.getheader("Location")
                if not location:
                    raise ImportProblem("The site redirected us without saying where to. Try the final address.")
                current = urljoin(current, location.strip())
                continue
            if response.status != 200:
                reason = f"{response.status} {response.reason}".strip()
                raise ImportProblem(
                    f"The site answered “{reason}” instead of the page. Check the address, or paste the text."
                )
            content_type, charset = _content_type(response)
            if content_type not in ALLOWED_CONTENT_TYPES:
                raise ImportProblem(
                    f"That address gives “{content_type}”, not a web page. Only web pages can be imported by "
                    "address; upload a document as a file instead."
                )
            body = _read_bounded(response, max_bytes=max_bytes, deadline=deadline)
            return FetchedPage(url=current, content_type=content_type, charset=charset, body=body)
        except TimeoutError:
            raise _too_slow() from None
        except ssl.SSLError:
            raise ImportProblem(
                "The site's security certificate could not be checked, so we did not read the page."
            ) from None
        except (ConnectionError, OSError, http.client.HTTPException):
            raise ImportProblem(
                "We could not reach that site (it did not answer, or refused the connection). Check the address, "
                "or paste the article's text."
            ) from None
        finally:
            connection.close()
    raise ImportProblem(f"The site redirected more than {max_redirects} times, so the page cannot be read.")
