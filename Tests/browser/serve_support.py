"""Starts `noticeboard serve` as a real process on a free loopback port, for the serve tests and
the latency benchmark."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, binary, content_source, themes, copy=True, extra_args=()):
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="nb-serve-"))
        if copy:
            self.content = self.work / "content"
            shutil.copytree(content_source, self.content)
        else:
            self.content = pathlib.Path(content_source)
        self.output = self.work / "site"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.stdout, self.stderr = [], []
        # --lang en: the lines read below ("Serving ", "Rebuilt ") are serve's English, whatever the
        # locale of whoever runs this (the latency benchmark runs outside pytest's conftest).
        self.process = subprocess.Popen(
            [str(binary), "--lang", "en", "serve", "--port", str(self.port), "--content", str(self.content), "--output", str(self.output),
             "--themes", str(themes), *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for stream, lines in [(self.process.stdout, self.stdout), (self.process.stderr, self.stderr)]:
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _read(stream, lines):
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_until_serving(self, timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(line.startswith("Serving ") for line in self.stdout):
                return
            if self.process.poll() is not None:
                raise AssertionError(f"serve exited: {self.stderr}")
            time.sleep(0.05)
        raise AssertionError(f"serve did not start: {self.stdout} {self.stderr}")

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def wait_for(self, predicate, timeout=20, interval=0.02):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(interval)
        raise AssertionError(f"timed out; stdout={self.stdout[-5:]} stderr={self.stderr[-5:]}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def edit(path, old, new):
    """Saves the way an editor does, whole: written beside and renamed. A plain write truncates the
    file first, and a rebuild started by the previous edit could read it empty in between (seen on
    a loaded machine as "the file is empty" in place of the error the test makes)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    partial = path.with_name("." + path.name + ".saving")
    partial.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(partial, path)
