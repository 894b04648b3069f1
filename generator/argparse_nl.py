"""argparse's own messages in Dutch, through the gettext hooks argparse calls.

argparse translates every message it shows with `_` and `ngettext`, names it imports from gettext
and looks up in its own module at call time. A parser of `DutchParser` puts a Dutch catalog in
their place while it builds, parses or formats, and puts the originals back afterwards.
"""
from __future__ import annotations

import argparse
import contextlib
import gettext
from typing import Any, Iterator

# argparse msgid -> Dutch. Only messages a user can meet; mistakes in our own parser setup
# (conflicting options and the like) stay in English, for the developer.
MESSAGES = {
    "usage: ": "Gebruik: ",
    "positional arguments": "opdrachten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout in de opdracht: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "de optie %(option)s is niet duidelijk; bedoel je een van deze: %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "not allowed with argument %s": "mag niet samen met %s",
    "ignored explicit argument %r": "deze optie heeft geen waarde nodig: %r",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
}
PLURALS = {("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden")}


class DutchCatalog(gettext.NullTranslations):
    """A gettext catalog held in this module: no .mo file to compile or ship."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (msgid1, msgid2) not in PLURALS:
            return super().ngettext(msgid1, msgid2, n)
        one, many = PLURALS[(msgid1, msgid2)]
        return one if n == 1 else many


CATALOG = DutchCatalog()


@contextlib.contextmanager
def dutch_messages() -> Iterator[None]:
    """While inside, argparse speaks Dutch; the process's argparse is restored afterwards."""
    saved = vars(argparse)["_"], vars(argparse)["ngettext"]
    setattr(argparse, "_", CATALOG.gettext)
    setattr(argparse, "ngettext", CATALOG.ngettext)
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])
        setattr(argparse, "ngettext", saved[1])


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose titles, help, usage and errors are Dutch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with dutch_messages():  # group titles and the -h help are translated when made
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with dutch_messages():  # the subcommands' prog is the usage line, made here
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with dutch_messages():  # 'unrecognized arguments' is translated here, outside parse_known_args
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with dutch_messages():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with dutch_messages():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch_messages():
            return super().format_help()

    def error(self, message: str) -> Any:
        with dutch_messages():
            return super().error(message)
