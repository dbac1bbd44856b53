"""Who writes to the store: an account and the refusal of a write it may not make."""

from __future__ import annotations

from dataclasses import dataclass


class NotAuthorized(PermissionError):
    """A write by someone who is not an enabled editor (or not the finding's author)."""


@dataclass(frozen=True)
class User:
    """An account of the store (never carries the password hash)."""

    username: str
    role: str  # editor | admin
    auth: str  # password | oidc
    email: str | None = None
    disabled: bool = False
