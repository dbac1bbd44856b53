"""The browser tests' and benchmark's notion of "this machine"."""

from __future__ import annotations

import pytest

from sdgdash.headless import is_outside


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8501/map?lang=kk",
        "ws://127.0.0.1:8501/_stcore/stream",
        "http://[::1]:8501/",
        "data:image/png;base64,AAAA",
        "blob:http://localhost:8501/1234",
        "about:blank",
    ],
)
def test_local_addresses_are_not_outside(url: str) -> None:
    assert not is_outside(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://fonts.googleapis.com/css?family=Source+Sans",
        "https://tile.openstreetmap.org/1/1/1.png",
        "http://localhost.example.com/",
        "https://webhooks.fivetran.com/webhooks/x",
    ],
)
def test_other_hosts_are_outside(url: str) -> None:
    assert is_outside(url)
