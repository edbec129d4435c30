"""Shared by every pytest suite under Tests/.

The tool speaks Chinese by default (what an office reads). Most tests were written against its
English messages, so they run it with an English locale; a test of what a clerk sees asks for
Chinese itself (`chinese_env()` or `--lang zh`), and `Tests/cli/test_messages.py` checks the default.
"""
import os

os.environ["LANG"] = "en_US.UTF-8"
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)


def chinese_env(**extra):
    """The environment of a machine with no English locale: the tool's default, Chinese."""
    env = dict(os.environ, LANG="C.UTF-8", **extra)
    return env
