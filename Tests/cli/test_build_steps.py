"""`noticeboard build --verbose`: the build's steps with their times, in the office's language."""
import os
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))

STEPS_ZH = ["读取内容", "读取主题", "准备临时文件夹", "复制主题文件", "生成通知页面", "生成列表页面",
            "写入搜索索引", "写入搜索页和 404 页面", "写入网站地图和订阅源", "替换网站文件夹"]


def test_verbose_build_lists_every_step_with_its_time_in_chinese(tmp_path):
    built = subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--output", str(tmp_path / "out"), "--verbose"],
                           capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ, LANG="C.UTF-8"), timeout=300)
    assert built.returncode == 0, built.stderr
    lines = built.stdout.splitlines()
    start = lines.index("各步骤用时：")
    steps = [re.fullmatch(r"  (.+)：(\d+) 毫秒", line) for line in lines[start + 1:start + 1 + len(STEPS_ZH)]]
    assert all(steps), lines[start:]
    assert [step.group(1) for step in steps] == STEPS_ZH


def test_build_without_verbose_says_nothing_of_steps(tmp_path):
    built = subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--output", str(tmp_path / "out")],
                           capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ, LANG="C.UTF-8"), timeout=300)
    assert built.returncode == 0, built.stderr
    assert "各步骤用时" not in built.stdout
