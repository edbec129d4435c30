"""Shared by every pytest suite under Tests/.

The tool speaks Chinese by default (what an office reads). Most tests were written against its
English messages, so they run it with an English locale; a test of what a clerk sees asks for
Chinese itself (`--lang zh`, or `env=dict(os.environ, LANG="C.UTF-8")` to see the default).
"""
import os

os.environ["LANG"] = "en_US.UTF-8"
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)

