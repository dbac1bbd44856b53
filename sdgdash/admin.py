"""Admin commands for editor accounts: ``python -m sdgdash.admin create-user NAME --role editor``.

``set-places NAME KZKAR karkaraly_district`` limits an editor to those places (a region covers its
pilot territories); ``set-places NAME`` with no place lifts the limit (the default: all places).

The store is the one named by ``SDGDASH_STORE_URL`` (or ``--store URL``). Passwords are read
from a hidden prompt (``getpass``) or, for scripts, from standard input (``--password-stdin``);
never from the command line, where other users could see them.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sdgdash.store import open_store
from sdgdash.store.store import ROLES


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise ValueError("the passwords differ")
    return first


def build_parser() -> argparse.ArgumentParser:
    """The command line: create-user, set-password, list-users, disable-user, set-places,
    allow-oidc."""
    parser = argparse.ArgumentParser(prog="python -m sdgdash.admin", description=__doc__)
    parser.add_argument("--store", help="store URL (default: SDGDASH_STORE_URL or the local file)")
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser("create-user", help="add an editor or admin with a password")
    create.add_argument("username")
    create.add_argument("--role", choices=ROLES, default="editor")
    create.add_argument("--email")
    create.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    setpw = sub.add_parser("set-password", help="replace a user's password (clears the lock)")
    setpw.add_argument("username")
    setpw.add_argument("--password-stdin", action="store_true")
    sub.add_parser("list-users", help="list accounts (no password hashes)")
    disable = sub.add_parser("disable-user", help="stop an account from logging in or writing")
    disable.add_argument("username")
    enable = sub.add_parser("enable-user", help="re-enable a disabled account")
    enable.add_argument("username")
    places = sub.add_parser(
        "set-places", help="limit an editor to regions / pilot territories (none: all places)"
    )
    places.add_argument("username")
    places.add_argument("places", nargs="*", help="ref_area codes (KZKAR) or territory ids")
    oidc = sub.add_parser("allow-oidc", help="let an identity-provider user edit, by e-mail")
    oidc.add_argument("email")
    oidc.add_argument("--role", choices=ROLES, default="editor")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one admin command; returns the exit status (0 ok, 1 refused)."""
    args = build_parser().parse_args(argv)
    store = open_store(args.store)
    try:
        if args.command == "create-user":
            password = _read_password(args.password_stdin)
            user = store.create_user(args.username, password, role=args.role, email=args.email)
            print(f"created {user.role} {user.username}")
        elif args.command == "set-password":
            store.set_password(args.username, _read_password(args.password_stdin))
            print(f"password of {args.username} replaced")
        elif args.command == "list-users":
            frame = store.users()
            frame["places"] = [
                " ".join(sorted(store.editor_places(u))) or "all" for u in frame["username"]
            ]
            print(frame.to_string(index=False) if len(frame) else "no users")
        elif args.command in ("disable-user", "enable-user"):
            store.set_disabled(args.username, args.command == "disable-user")
            print(f"{args.username} {'disabled' if args.command == 'disable-user' else 'enabled'}")
        elif args.command == "set-places":
            store.set_editor_places(args.username, args.places)
            where = " ".join(sorted(set(args.places))) or "every place"
            print(f"{args.username} may write for {where}")
        elif args.command == "allow-oidc":
            user = store.allow_oidc(args.email, role=args.role)
            print(f"{user.username} may log in through the identity provider as {user.role}")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
