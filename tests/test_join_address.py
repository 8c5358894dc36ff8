"""The join link names an address a phone can open (issue 23): NNSINE_PUBLIC_URL, a set
browser.serverAddress, the teacher's own address, the LAN address when listening on all
interfaces; never loopback; none is said in words. Settings pass one check."""

from __future__ import annotations

import pytest

from nnsine.classboard.join_address import behind_proxy, flag, is_loopback, join_base, public_url
from nnsine.formats.checks import ParamsError

LOCAL = "http://localhost:8501"


@pytest.mark.parametrize(("args", "base"), [
    (("https://class.school.example", "x", "", LOCAL, "10.0.0.5", 8501),
     "https://class.school.example"),
    ((None, "teacher-laptop", "", LOCAL, "10.0.0.5", 8501), "http://teacher-laptop:8501"),
    ((None, "localhost", "", LOCAL, "10.0.0.5", 8501), "http://10.0.0.5:8501"),
    ((None, None, "0.0.0.0", "http://192.168.1.5:8631", None, 8631),
     "http://192.168.1.5:8631"),
    ((None, None, "", LOCAL, "192.168.1.5", 8631), "http://192.168.1.5:8631"),
    ((None, None, "0.0.0.0", "http://127.0.0.1:8631", "192.168.1.5", 8631),
     "http://192.168.1.5:8631"),
    ((None, None, "127.0.0.1", LOCAL, "192.168.1.5", 8501), None),
    ((None, None, "", LOCAL, "127.0.0.1", 8501), None),
    ((None, None, "", LOCAL, None, 8501), None)])
def test_the_join_link_never_names_loopback(args, base):
    found, how = join_base(*args)
    assert found == base, how
    if base is None:
        assert "only on this computer" in how or "no network address" in how


def test_a_container_cannot_guess_the_host_address():
    found, how = join_base(None, "localhost", "0.0.0.0", LOCAL, "172.17.0.2", 8501, True)
    assert found is None and "container" in how
    assert join_base(None, None, "0.0.0.0", "http://10.0.0.5:8501", "172.17.0.2", 8501,
                     True)[0] == "http://10.0.0.5:8501"  # the teacher's own address works


def test_loopback_hosts():
    assert all(map(is_loopback, ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "0.0.0.0",
                                 "app.localhost", "", None]))
    assert not any(map(is_loopback, ["10.0.0.5", "teacher-laptop", "fe80::1"]))


@pytest.mark.parametrize(("value", "words"), [
    ("class.school.example", "http:// or https://"), ("ftp://x", "http:// or https://"),
    ("http://127.0.0.1:8501", "this computer itself"), ("http://localhost", "itself"),
    ("http://host:99999", "not a URL"), ("http://host/?join=X", "address only"),
    ("http://host:0", "address only")])
def test_a_bad_public_url_is_named(value, words):
    with pytest.raises(ParamsError, match=words) as error:
        public_url({"NNSINE_PUBLIC_URL": value})
    assert str(error.value).startswith("NNSINE_PUBLIC_URL: ")


def test_good_settings():
    assert public_url({"NNSINE_PUBLIC_URL": " http://10.0.0.5:8501/ "}) == (
        "http://10.0.0.5:8501")
    assert public_url({}) is None
    assert behind_proxy({"NNSINE_BEHIND_PROXY": "1"}) and not behind_proxy({})
    assert flag({"NNSINE_CONTAINER": " 1 "}, "NNSINE_CONTAINER")
    with pytest.raises(ParamsError, match="NNSINE_BEHIND_PROXY: 'yes' is not 1 or 0"):
        behind_proxy({"NNSINE_BEHIND_PROXY": "yes"})
