"""`deftly profiles list|add|rename|delete`."""

from __future__ import annotations

import argparse
import sys

from deftly.commands.common import CommandError, add_data_dir, name
from engine.hands import HANDS


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("profiles", help="list, add, rename or delete players")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    listing = actions.add_parser("list", help="list the players")
    add = actions.add_parser("add", help="add a player")
    add.add_argument("name", type=name)
    add.add_argument("--affected-hand", choices=HANDS, default="right")
    add.add_argument("--dominant-hand", choices=HANDS, default="right")
    add.add_argument("--notes", default="")
    rename = actions.add_parser("rename", help="rename a player")
    rename.add_argument("name")
    rename.add_argument("new_name", type=name)
    delete = actions.add_parser("delete", help="delete a player and all their results")
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    for sub in (parser, listing, add, rename, delete):
        add_data_dir(sub)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from deftly.data import opened_store
    from engine.store.errors import StoreError

    with opened_store(args.data_dir) as store:
        try:
            return _ACTIONS[args.action](store, args)
        except StoreError as error:
            raise CommandError(str(error)) from error


def _list(store, args: argparse.Namespace) -> int:  # noqa: ANN001
    players = store.profiles()
    if not players:
        print("No players yet. Add one with: deftly profiles add NAME")
    for p in players:
        rounds = len(store.sessions(p.id))
        print(f"{p.name}\taffected hand: {p.affected_hand}\tdominant hand: {p.dominant_hand}"
              f"\trounds: {rounds}\tcreated: {p.created}")
    return 0


def _add(store, args: argparse.Namespace) -> int:  # noqa: ANN001
    profile = store.add_profile(args.name, args.affected_hand, args.dominant_hand, args.notes)
    print(f"Added {profile.name}.")
    return 0


def _rename(store, args: argparse.Namespace) -> int:  # noqa: ANN001
    from dataclasses import replace

    from deftly.data import require_profile

    profile = require_profile(store, args.name)
    store.update_profile(replace(profile, name=args.new_name.strip()))
    print(f"{args.name} is now {args.new_name.strip()}.")
    return 0


def _delete(store, args: argparse.Namespace) -> int:  # noqa: ANN001
    from deftly.data import require_profile

    profile = require_profile(store, args.name)
    rounds = len(store.sessions(profile.id))
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(f"deleting {profile.name} removes {rounds} rounds for good; "
                               f"add --yes to confirm")
        answer = input(f"Delete {profile.name} and their {rounds} rounds for good? "
                       f"Type yes to confirm: ")
        if answer.strip().lower() != "yes":
            print("Nothing was deleted.")
            return 1
    store.delete_profile(profile.id)
    print(f"Deleted {profile.name} and their {rounds} rounds.")
    return 0


_ACTIONS = {"list": _list, "add": _add, "rename": _rename, "delete": _delete}
