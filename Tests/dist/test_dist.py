"""The release tarball (`make dist`) on a machine that has never seen Swift or cmark-gfm: a minimal
Debian made by debootstrap (cached in DIST_ROOTFS, .build-dist/rootfs; made here when missing),
entered with chroot. The office's whole first day runs there: --version, init, import of a Word
file, build, check, handout.

DIST_TARBALL names the tarball (`make dist-test` sets it). When debootstrap cannot reach a mirror,
the test falls back to a root holding only the libraries `ldd` names, and says so.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARBALL = os.environ.get("DIST_TARBALL")
ROOTFS = pathlib.Path(os.environ.get("DIST_ROOTFS", ROOT / ".build-dist" / "rootfs"))
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
SUDO = [] if os.geteuid() == 0 else ["sudo"]
WORK = "/root/dist-test"          # inside the chroot; made afresh and removed by every run
SEED = sorted((ROOT / "Tests" / "import" / "seeds").glob("*.txt"))[0]
sys.path.insert(0, str(ROOT / "Tests" / "import"))

if not TARBALL:
    pytest.skip("set DIST_TARBALL (make dist-test does)", allow_module_level=True)


def debootstrap():
    """The cached minimal Debian, or a new one; None when no mirror answers."""
    if (ROOTFS / "usr" / "bin" / "env").exists():
        print(f"\nusing the cached debootstrap root {ROOTFS}")
        return ROOTFS
    if shutil.which("debootstrap") is None:
        print("\ndebootstrap is not installed (make dist-test installs it)")
        return None
    partial = ROOTFS.with_name(ROOTFS.name + ".tmp")
    subprocess.run([*SUDO, "rm", "-rf", str(partial)], check=True)
    started = time.monotonic()
    made = subprocess.run([*SUDO, "debootstrap", "--variant=minbase", "bookworm", str(partial), MIRROR],
                          capture_output=True, text=True)
    if made.returncode != 0:
        print(f"\ndebootstrap from {MIRROR} failed:\n{made.stdout[-2000:]}{made.stderr[-2000:]}")
        return None
    partial.rename(ROOTFS)
    print(f"\ndebootstrap --variant=minbase bookworm took {time.monotonic() - started:.0f} s ({MIRROR})")
    return ROOTFS


def ldd_root(binary, folder):
    """FALLBACK: a root with only the binary's libraries (as `ldd` names them), sh and env."""
    subprocess.run([*SUDO, "rm", "-rf", str(folder)], check=True)
    folder.mkdir(parents=True)
    programs = [pathlib.Path(binary), pathlib.Path(shutil.which("sh")), pathlib.Path(shutil.which("env")),
                pathlib.Path(shutil.which("ls"))]
    for program in programs:
        target = folder / "usr" / "bin" / program.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(program, target)
        for line in subprocess.run(["ldd", str(program)], capture_output=True, text=True).stdout.splitlines():
            match = re.search(r"(/\S+)", line.split("=>")[-1])
            if match:
                library = pathlib.Path(match.group(1)).resolve()
                for name in {pathlib.Path(match.group(1)), pathlib.Path(line.split("=>")[0].strip())}:
                    if name.is_absolute():
                        (folder / name.relative_to("/")).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(library, folder / name.relative_to("/"))
                        lib_name = folder / "lib" / "x86_64-linux-gnu" / name.name
                        lib_name.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(library, lib_name)
    for link in ("bin", "lib64"):
        if not (folder / link).exists():
            (folder / link).symlink_to("usr/bin" if link == "bin" else "lib")
    (folder / "root").mkdir()
    (folder / "tmp").mkdir()
    return folder


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    """(root, how): the clean root with WORK made afresh in it, the tarball unpacked into it and
    the sample notice as a Word file beside it."""
    root = debootstrap()
    how = "debootstrap"
    if root is None:
        with tarfile.open(TARBALL) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("/noticeboard"))
            archive.extract(member, tmp_path_factory.mktemp("bin"))
            binary = next(tmp_path_factory.getbasetemp().glob("bin*/*/noticeboard"))
        root = ldd_root(binary, tmp_path_factory.mktemp("ldd-root"))
        how = "ldd-only fallback"
        print("\nFALLBACK: debootstrap could not make a Debian root; testing in a root holding only the binary's ldd libraries")
    work = root / WORK.lstrip("/")
    subprocess.run([*SUDO, "rm", "-rf", str(work)], check=True)
    work.mkdir(parents=True)
    with tarfile.open(TARBALL) as archive:
        archive.extractall(work, filter="data")
    import make_docx
    make_docx.make_docx(SEED, work / "通知.docx", numbering=True, tables=True)
    # Every Linux machine has /proc, and the Swift runtime reads the command line from it.
    proc = root / "proc"
    proc.mkdir(exist_ok=True)
    mounted = subprocess.run([*SUDO, "mount", "-t", "proc", "proc", str(proc)]).returncode == 0
    try:
        yield root, how
    finally:
        if mounted:
            subprocess.run([*SUDO, "umount", str(proc)])
        subprocess.run([*SUDO, "rm", "-rf", str(work)], check=True)


def inside(root, command, lang="C.UTF-8"):
    """Runs a shell command in the chroot, in WORK, with the unpacked release on PATH and nothing
    of this machine's environment."""
    release = next((root / WORK.lstrip("/")).glob("noticeboard-*/noticeboard")).parent
    path = f"/{release.relative_to(root)}:/usr/local/bin:/usr/bin:/bin"
    return subprocess.run([*SUDO, "chroot", str(root), "/usr/bin/env", "-i", f"PATH={path}", f"LANG={lang}", "HOME=/root",
                           "/bin/sh", "-c", f"cd {WORK} && {command}"], capture_output=True, text=True, timeout=600)


def said(result):
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_the_tarball_holds_one_executable_and_the_chinese_guide():
    with tarfile.open(TARBALL) as archive:
        names = sorted(m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile())
        guide = archive.extractfile(next(m for m in archive.getmembers() if m.name.endswith("使用说明.txt"))).read().decode("utf-8")
    assert names == ["noticeboard", "使用说明.txt"]
    for command in ("init", "import", "build", "check", "handout", "serve", "--help", "PATH"):
        assert command in guide


def test_the_machine_has_no_swift_and_no_cmark(machine):
    root, how = machine
    result = inside(root, "command -v swift || command -v swiftc || command -v cmark-gfm || echo none")
    assert result.stdout.strip() == "none", said(result)
    libraries = [path for folder in ("usr/lib", "lib", "usr/local/lib") if (root / folder).is_dir() and not (root / folder).is_symlink()
                 for path in (root / folder).rglob("*") if re.search(r"cmark|swift|jemalloc|libicu", path.name, re.I)]
    assert libraries == []


def test_an_office_first_day_runs_there(machine):
    root, how = machine
    print(f"\nclean machine: {how}")
    version = inside(root, "noticeboard --version")
    assert version.returncode == 0, said(version)
    # make dist records the commit; only a development build says 未记录.
    assert re.fullmatch(r"noticeboard \d+\.\d+\.\d+ \(commit [0-9a-f]{7}(-modified)?, \d{4}-\d{2}-\d{2}\)\n", version.stdout), said(version)

    init = inside(root, "noticeboard init site")
    assert init.returncode == 0 and "已在 site 建好新网站" in init.stdout, said(init)
    again = inside(root, "noticeboard init site")
    assert again.returncode == 1 and "已经存在" in again.stderr, said(again)

    imported = inside(root, "noticeboard import 通知.docx --id 2024-gongcheng --content site")
    assert imported.returncode == 0, said(imported)
    assert inside(root, "test -f site/notices/2024-gongcheng/notice.yml").returncode == 0

    built = inside(root, "noticeboard build --content site --output out")
    assert built.returncode == 0, said(built)
    for page in ("out/index.html", "out/2024/gongcheng/index.html", "out/assets/site.css", "out/assets/search.js"):
        assert inside(root, f"test -s {page}").returncode == 0, page

    # The draft's facts are all still to confirm: warnings, but no error.
    checked = inside(root, "noticeboard check --content site")
    assert checked.returncode == 0, said(checked)

    handout = inside(root, "noticeboard handout 2024-gongcheng --content site --output 材料.html")
    assert handout.returncode == 0, said(handout)
    handout_file = root / WORK.lstrip("/") / "材料.html"
    assert handout_file.is_file() and "<html" in handout_file.read_text(encoding="utf-8")

    english = inside(root, "noticeboard --version && noticeboard build --content site --output out-en", lang="en_US.UTF-8")
    assert english.returncode == 0 and "Built" in english.stdout, said(english)
