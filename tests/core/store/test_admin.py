"""The admin command: create, list, disable users and allow identity-provider editors."""

from __future__ import annotations

import io
import subprocess
import sys

from sdgdash import admin
from sdgdash.store import open_store
from tests.conftest import REPO


def test_admin_commands(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long enough password\n"))
    assert admin.main(["--store", url, "create-user", "aigerim", "--password-stdin"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert admin.main(["--store", url, "create-user", "bolat", "--password-stdin"]) == 1
    assert "at least 10" in capsys.readouterr().err
    assert admin.main(["--store", url, "allow-oidc", "Official@akimat.kz"]) == 0
    assert admin.main(["--store", url, "list-users"]) == 0
    listing = capsys.readouterr().out
    assert "aigerim" in listing and "official@akimat.kz" in listing and "argon2" not in listing
    assert "bolat" not in listing
    store = open_store(url)
    assert store.authenticate("aigerim", "a long enough password").role == "editor"
    assert admin.main(["--store", url, "disable-user", "aigerim"]) == 0
    assert store.authenticate("aigerim", "a long enough password") is None
    assert admin.main(["--store", url, "disable-user", "nobody"]) == 1
    store.dispose()


def test_admin_runs_as_a_module_with_the_env_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'env' / 'store.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "sdgdash.admin", "create-user", "ainur", "--password-stdin"],
        input="another long password\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"SDGDASH_STORE_URL": url, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert open_store(url).authenticate("ainur", "another long password") is not None
