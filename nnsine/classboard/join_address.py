"""The address in a class's join link and QR code: one that the students' phones can
open, never a loopback address (127.0.0.1, localhost, ::1) that names the phone itself.

In order: NNSINE_PUBLIC_URL; Streamlit's `browser.serverAddress` when set to something
other than loopback; the address the teacher's browser used when it is not loopback;
when the server listens on all interfaces, this machine's LAN address (what
`streamlit run` prints as its "Network URL"). Otherwise there is none, and the board says
so where the link would be. Pure: the Streamlit side passes the facts in.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

from nnsine.formats.checks import ParamsError, shorten
from nnsine.i18n import _

ALL_INTERFACES = ("", "0.0.0.0", "::")  # server.address unset listens on all of them


def is_loopback(host: str | None) -> bool:
    """Whether `host` names the machine it is typed on (a phone's own, in a join link)."""
    host = (host or "").strip("[]").lower()
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def public_url(environ: Mapping[str, str]) -> str | None:
    """NNSINE_PUBLIC_URL checked (http or https, a host that is not loopback, a port in
    1..65535, no query or fragment), without a trailing slash; None when unset.
    ParamsError names the variable and the value."""
    text = environ.get("NNSINE_PUBLIC_URL", "").strip()
    if not text:
        return None
    where = f"NNSINE_PUBLIC_URL: {shorten(text)!r}"
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError when not a number in 0..65535
    except ValueError as error:
        raise ParamsError(_("{where} is not a URL ({problem})", where=where,
                            problem=error)) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ParamsError(_("{where} must start with http:// or https:// and name a host",
                            where=where))
    if parts.query or parts.fragment or port == 0:
        raise ParamsError(_("{where} must be the server's address only (no ?, #, port 0)",
                            where=where))
    if is_loopback(parts.hostname):
        raise ParamsError(_("{where} names this computer itself: a phone cannot open it",
                            where=where))
    return text.rstrip("/")


def flag(environ: Mapping[str, str], name: str) -> bool:
    """A yes/no setting (NNSINE_BEHIND_PROXY, NNSINE_CONTAINER): "1" yes, "0" or unset
    no; anything else is a ParamsError naming it."""
    value = environ.get(name, "").strip()
    if value not in ("", "0", "1"):
        raise ParamsError(_("{name}: {value} is not 1 or 0", name=name,
                            value=repr(shorten(value))))
    return value == "1"


def behind_proxy(environ: Mapping[str, str]) -> bool:
    """NNSINE_BEHIND_PROXY (see `flag`)."""
    return flag(environ, "NNSINE_BEHIND_PROXY")


def join_base(public: str | None, server_address: str | None, listen: str,
              page_url: str, lan_ip: str | None, port: int, contained: bool = False
              ) -> tuple[str | None, str]:
    """(the students' base URL or None, how it was found, in words). `server_address`:
    browser.serverAddress when set by the teacher; `listen`: server.address; `page_url`:
    the teacher's own address without the page's path; `lan_ip`: this machine's LAN
    address or None; `port`: browser.serverPort (server.port unless set); `contained`:
    the server runs in a container, whose own address no phone can reach."""
    if public:
        return public, "NNSINE_PUBLIC_URL"
    page = urlsplit(page_url)
    scheme = page.scheme or "http"
    if server_address and not is_loopback(server_address):
        return f"{scheme}://{server_address}:{port}", "browser.serverAddress"
    if page.hostname and not is_loopback(page.hostname):
        return page_url.rstrip("/"), _("the address this browser used")
    if contained:
        return None, _("the server runs in a container, which cannot see this computer's "
                        "address")
    if (listen or "").strip("[]") in ALL_INTERFACES and lan_ip and not is_loopback(lan_ip):
        return f"http://{lan_ip}:{port}", _("this computer's network address (Network URL)")
    why = (_("the server listens only on this computer") if listen not in ALL_INTERFACES
           else _("this computer has no network address"))
    return None, why
