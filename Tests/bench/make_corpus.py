#!/usr/bin/env python3
"""Makes a corpus of N notices from the five in content/, deterministically, for benchmarks.

Each generated notice copies one of the five (data, text, templates), moves it to another year
(every date, CE year range and appraisal year shifted together), gives it another specialty of the
same series, varies its fees and phone numbers, and adds a paragraph of its own, so the index sees
many years, specialties and distinct numbers. Usage: make_corpus.py N OUT_DIR
"""
import copy
import datetime
import pathlib
import random
import re
import shutil
import sys

import yaml

# The C emitter when PyYAML has it: the same YAML, written several times faster.
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ROOT = pathlib.Path(__file__).resolve().parents[2]

# Engineering specialties with ASCII slugs: enough variety for 10,000 notices.
SPECIALTIES = [
    ("dianli", "电力"), ("jiaotong", "交通"), ("jianzhu", "建筑"), ("huagong", "化工"), ("jixie", "机械"),
    ("dianzi", "电子"), ("tongxin", "通信"), ("yejin", "冶金"), ("shiyou", "石油"), ("linye", "林业"),
    ("nongji", "农机"), ("huanbao", "环保"), ("qinggong", "轻工"), ("fangzhi", "纺织"), ("qixiang", "气象"),
    ("dizhen", "地震"), ("jisuanji", "计算机"), ("guangdian", "广播电视"), ("minhang", "民航"), ("tiedao", "铁道"),
    ("youzheng", "邮政"), ("anquan", "安全工程"), ("xiaofang", "消防"), ("shizheng", "市政"), ("yuanlin", "园林"),
    ("gongcheng-zixun", "工程咨询"), ("meitan", "煤炭"), ("guotu-guihua", "国土空间规划"), ("tudi", "土地"),
    ("cehui", "测绘"), ("dizhi-kuangchan", "地质矿产"), ("shuili", "水利"),
]
REGIONS = ["阿克苏地区", "喀什地区", "和田地区", "哈密市", "吐鲁番市", "伊犁州", "塔城地区", "阿勒泰地区", "博州", "昌吉州", "巴州", "克州"]
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})( \d{2}:\d{2})?$")


def shift_date(text, delta):
    match = DATE.match(text)
    year, month, day = int(match.group(1)) + delta, int(match.group(2)), int(match.group(3))
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return f"{year:04d}-{month:02d}-{day:02d}{match.group(4) or ''}"


def shift(value, delta, key=None):
    if isinstance(value, dict):
        return {k: shift(v, delta, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in ("general_years", "specialty_years", "years") and all(isinstance(v, int) for v in value):
            return [v + delta for v in value]
        return [shift(v, delta) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return shift_date(value.isoformat()[:10], delta)
    if isinstance(value, str) and DATE.match(value):
        return shift_date(value, delta)
    if key in ("general_from", "specialty_from") and isinstance(value, int):
        return value + delta
    return value


def replace_all(value, old, new):
    if isinstance(value, dict):
        return {k: replace_all(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_all(v, old, new) for v in value]
    return value.replace(old, new) if isinstance(value, str) else value


def main(count, out):
    out = pathlib.Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "notices").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yml", out / "site.yml")
    shutil.copy(ROOT / "content" / "calendar.yml", out / "calendar.yml")
    taxonomy = yaml.safe_load((ROOT / "content" / "taxonomy.yml").read_text(encoding="utf-8"))
    for series in taxonomy["series"]:
        if series["id"] == "gongcheng":
            series["specialties"] = [{"id": slug, "name": name} for slug, name in SPECIALTIES]
    (out / "taxonomy.yml").write_text(yaml.safe_dump(taxonomy, allow_unicode=True, sort_keys=False), encoding="utf-8")

    sources = sorted(p for p in (ROOT / "content" / "notices").iterdir() if p.is_dir())
    # Each source is read and parsed once; every notice starts from a fresh copy of its data.
    parsed = {source: (yaml.safe_load((source / "notice.yml").read_text(encoding="utf-8")),
                       (source / "notice.md").read_text(encoding="utf-8")) for source in sources}
    rng = random.Random(20241121)
    for index in range(count):
        source = sources[index % len(sources)]
        data = copy.deepcopy(parsed[source][0])
        text = parsed[source][1]
        delta = rng.randint(-6, 2)
        year = data["year"] + delta
        slug, name = rng.choice(SPECIALTIES)
        old_names = [s.split("/")[1] for s in data.get("specialties", [])]
        data = shift(data, delta)
        data["id"] = f"{year}-{slug}-{index:05d}"
        data["year"] = year
        if data.get("specialties") and data["series"] == ["gongcheng"]:
            data["specialties"] = [f"gongcheng/{slug}"]
            for old in old_names:
                old_name = dict(SPECIALTIES).get(old)
                if old_name:
                    # Everywhere, anchors included: they are made from the headings' text.
                    text = text.replace(old_name, name)
                    data = replace_all(data, old_name, name)
                    data["specialties"] = [f"gongcheng/{slug}"]
        data["title"] = f"{data['title']}（第{index + 1}号）"
        if data.get("region"):
            data["region"] = rng.choice(REGIONS)
        for fee in data.get("fees", []):
            fee["amount"] = fee["amount"] + rng.choice([0, 50, 100, -50])
        phone = f"0991-{rng.randint(2000000, 8999999)}"
        data.setdefault("contacts", []).append({"name": f"{name}专业职称办公室", "role": "咨询", "phones": [phone]})
        text += (f"\n\n## 补充说明\n\n本通知为第{index + 1}号，适用于{year}年度{name}专业，"
                 f"咨询电话{phone}，受理窗口编号{rng.randint(100, 999)}。\n")
        folder = out / "notices" / data["id"]
        folder.mkdir()
        (folder / "notice.yml").write_text(yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        (folder / "notice.md").write_text(text, encoding="utf-8")
        if (source / "templates").exists():
            shutil.copytree(source / "templates", folder / "templates")
    print(f"{count} notices in {out}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
