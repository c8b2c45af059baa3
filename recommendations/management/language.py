"""Commands speak the operator's language: Japanese when the terminal's locale is Japanese.

The locale variables are read as gettext reads them (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG, first one set wins), so `LANG=ja_JP.UTF-8 manage.py import_recommendations …`
prints its preview and errors in Japanese. Called from code (call_command), a command
keeps whatever language is active.
"""

import os

from django.core.management.base import BaseCommand
from django.utils import translation

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def terminal_language(environ=os.environ):
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


class TranslatedCommand(BaseCommand):
    def run_from_argv(self, argv):
        # Around argument parsing too, so --help is in the same language as the output.
        with translation.override(terminal_language()):
            return super().run_from_argv(argv)

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse wants real strings: settle the (lazy) description in the active language.
        # Argument help is written with plain gettext in add_arguments, which runs here too.
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)
