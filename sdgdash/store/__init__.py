"""The editable store (accounts, seminar findings, local-data uploads, plan targets) on SQLite
or PostgreSQL.

Use :func:`open_store` with a SQLAlchemy URL (``Settings.store_url`` by default)::

    store = open_store()
    user = store.authenticate("aigerim", password)
    store.add_finding(FindingInput(...), user)
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from sdgdash.store.plans import PlanConflict
from sdgdash.store.store import NotAuthorized, Store, User, make_engine, open_store
from sdgdash.store.validate import (
    FieldError,
    FindingInput,
    InvalidInput,
    Vocabulary,
    check_finding,
    territories,
    territory_ids,
)

# What an unreachable or broken store raises: pages and documents then say so instead of failing.
STORE_ERRORS = (SQLAlchemyError, OSError)

__all__ = [
    "STORE_ERRORS",
    "FieldError",
    "FindingInput",
    "InvalidInput",
    "NotAuthorized",
    "PlanConflict",
    "Store",
    "User",
    "Vocabulary",
    "check_finding",
    "make_engine",
    "open_store",
    "territories",
    "territory_ids",
]
