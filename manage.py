#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    from tracker.cli import run

    run(sys.argv)


if __name__ == "__main__":
    main()
