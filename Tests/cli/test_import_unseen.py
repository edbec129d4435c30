"""`import` on notices unlike the five samples, written for these tests by someone playing an office
clerk (Tests/import/unseen/): 卫生 in 伊犁州 (.docx, Word numbering, a form with merged cells), 中小学教师
in 喀什地区 (.docx, years only in the title, one unnumbered attachment), 农业 in 塔城地区 (GB18030 .txt with
CR LF, a page number inside a sentence, a tab-separated form), 经济 in 和田地区 (.md, no dates at all) and
会计 in 阿勒泰地区 (.docx, an application window whose end is printed in the wrong year). Each draft
must build, and the facts a reader would check first must be what the notice says, or be left out."""
import os
import pathlib
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
UNSEEN = ROOT / "Tests" / "import" / "unseen"


def imported(tmp_path, name):
    content = tmp_path / "content"
    (content / "notices").mkdir(parents=True)
    for file in ("site.yml", "taxonomy.yml", "calendar.yml"):
        shutil.copy(ROOT / "content" / file, content / file)
    # The summary is read in Chinese, as an office sees it (conftest.py sets an English locale).
    result = subprocess.run([str(BINARY), "--lang", "zh", "import", str(UNSEEN / name), "--content", str(content)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    folder = next((content / "notices").iterdir())
    data = yaml.safe_load((folder / "notice.yml").read_text(encoding="utf-8"))
    build = subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(tmp_path / "out"), "--themes", str(ROOT / "themes")],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return data, result.stdout, folder, tmp_path / "out"


def event(data, kind):
    return next(e for e in data.get("timeline", []) if e["kind"] == kind)


def test_weisheng_yili_docx(tmp_path):
    data, _, folder, _ = imported(tmp_path, "weisheng-yili.docx")
    assert data["year"] == 2025 and data["region"] == "伊犁州"
    # A joint notice: both offices printed above the 关于… title issue it.
    assert data["title"] == "关于做好2025年度伊犁州卫生系列高级职称评审工作的通知"
    assert data["issuer"] == "伊犁哈萨克自治州卫生健康委员会、伊犁哈萨克自治州人力资源和社会保障局"
    assert {level["rank"] for level in data["levels"]} == {"正高级", "副高级"}
    apply = event(data, "apply")
    assert (str(apply["start"]), str(apply["end"])) == ("2025-06-10 09:30", "2025-07-10 19:00")
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"zhenggao": 900, "fugao": 700}
    assert event(data, "payment")["label"] == "在线缴纳评审费"
    assert [t["kind"] for t in data["templates"]] == ["公示", "承诺书", "申请表"]
    assert "{{name}}" in (folder / "templates" / "gongshi.md").read_text(encoding="utf-8")
    assert data["contacts"][0]["name"] == "州卫生健康委人事科" and data["contacts"][0]["person"] == "李娜"
    # The numbered list of materials under "（一）网上上传材料", item by item.
    titles = [item["title"] for item in data["checklist"]]
    for material in ["身份证扫描件", "现专业技术资格证书", "聘任文件", "近3年年度考核登记表", "基层服务经历证明", "个人承诺书"]:
        assert material in titles, titles
    basic = next(item for item in data["checklist"] if item["title"] == "基层服务经历证明")
    assert basic["conditions"]["levels"] == ["fugao"]


def test_jiaoshi_kashi_docx(tmp_path):
    data, out, folder, _ = imported(tmp_path, "jiaoshi-kashi.docx")
    assert data["year"] == 2026
    # 正高级教师 is put aside (另行组织申报): not a level of this notice.
    assert [level["rank"] for level in data["levels"]] == ["副高级", "中级", "初级"]
    apply = event(data, "apply")
    assert (str(apply["start"]), str(apply["end"])) == ("2026-07-22", "2026-08-30 18:00")
    assert "fees" not in data and "另行通知" in out
    assert [t["kind"] for t in data["templates"]] == ["公示"]
    # "（一）身份证、学历学位证书、教师资格证书扫描件；": a list line naming three documents.
    titles = [item["title"] for item in data["checklist"]]
    for material in ["身份证", "学历学位证书", "教师资格证书扫描件", "近5年年度考核登记表", "教学工作量证明"]:
        assert material in titles, titles


def test_nongye_tacheng_gb18030_txt(tmp_path):
    data, out, folder, _ = imported(tmp_path, "nongye-tacheng-gb18030.txt")
    assert "GB18030" in out
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"fugao": 650, "zhongji": 350, "chuji": 150}
    apply = event(data, "apply")
    assert (str(apply["start"]), str(apply["end"])) == ("2025-08-01 10:00", "2025-08-31 20:00")
    text = (folder / "notice.md").read_text(encoding="utf-8")
    assert "（四）基层农技人员。" in text, "a sentence broken by a page number is joined again"
    form = (folder / "templates" / "fujian-2.md").read_text(encoding="utf-8")
    assert "| 姓名 | {{name}} | 性别 | {{gender}} |" in form
    # Years printed without a course type are not put under 公需科目.
    assert "continuing_education" not in data


def test_jingji_hetian_md_without_dates(tmp_path):
    data, out, folder, site = imported(tmp_path, "jingji-hetian.md")
    assert data["issuer"] == "和田地区人力资源和社会保障局" and data["region"] == "和田地区"
    assert "timeline" not in data and "没有找到任何日期" in out
    page = next(site.glob("2025/*/index.html")).read_text(encoding="utf-8")
    assert "本通知未列出具体日期" in page


def test_kuaiji_aletai_docx_with_an_end_before_its_start(tmp_path):
    data, out, _, _ = imported(tmp_path, "kuaiji-aletai.docx")
    apply = event(data, "apply")
    assert str(apply["start"]) == "2025-08-15 10:00" and "end" not in apply
    assert "早于开始日期" in apply["note"] and "早于开始日期" in out
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"fugao": 800, "zhongji": 400}
    assert "kuaiji" in data["series"]


# A second set, written by another helper who wrote down the expected facts before any import and
# never read the importer: 卫生 in 昌吉州, 工程 in 哈密市 (.docx), 中小学教师 in 巴州 (UTF-8 text) and 档案
# in 克拉玛依市 (GB18030). The values below are those it found wrong or made up in the first round.

def test_weisheng_changji_levels_from_fees_and_a_cutoff_that_is_no_deadline(tmp_path):
    data, _, _, _ = imported(tmp_path, "weisheng-changji.docx")
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"zhenggao": 900, "fugao": 700}
    assert str(data["seniority_cutoff"]["date"]) == "2025-12-31"
    assert all(str(e.get("end")) != "2025-12-31" for e in data["timeline"]), "a cutoff for counting years is not a deadline"
    assert data["series"] == ["weisheng"], "可申报卫生系列 proposes 卫生系列, nothing longer"
    titles = [item["title"] for item in data["checklist"]]
    assert not any("纸质证书" in title for title in titles), "无需另行上传纸质证书 asks for nothing"
    assert not any(title.endswith("彩色扫描件") for title in titles), "a line introducing the list is not a material"


def test_gongcheng_hami_region_contacts_and_year_lists(tmp_path):
    data, _, _, _ = imported(tmp_path, "gongcheng-hami.docx")
    assert data["region"] == "哈密市"
    assert (data["contacts"][0]["name"], data["contacts"][0]["person"]) == ("哈密市人社局专技科", "王磊")
    titles = [item["title"] for item in data["checklist"]]
    assert "提供2023、2024、2025年度继续教育合格证书" in titles


def test_jiaoshi_bazhou_autonomous_prefecture(tmp_path):
    data, _, _, _ = imported(tmp_path, "jiaoshi-bazhou.txt")
    assert data["scope"] == "地区" and data["region"] == "巴音郭楞蒙古自治州"
    assert [level["rank"] for level in data["levels"]] == ["正高级", "副高级", "中级", "初级"]


def test_dangan_kelamayi_fees_with_titles_in_brackets_and_no_paper(tmp_path):
    data, _, _, _ = imported(tmp_path, "dangan-kelamayi-gb18030.txt")
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"zhongji": 450, "chuji": 250}
    assert data["paper_forms"]["required"] is False, "本次评审不收取纸质材料"


# A third set, by a second blind tester after the fixes above: 绵阳市 (四川) 工程 as Markdown, 和田地区 护理
# and 吐鲁番市 经济 as .docx, 阿拉尔市 中小学教师 as text.

def test_gongcheng_mianyang_markdown_title_fee_table_and_window(tmp_path):
    data, _, folder, _ = imported(tmp_path, "gongcheng-mianyang.md")
    assert data["title"] == "关于开展2027年度工程系列交通运输专业职称评审工作的通知"
    assert data["issuer"] == "绵阳市人力资源和社会保障局、绵阳市交通运输局" and data["region"] == "绵阳市"
    assert {fee["level"]: fee["amount"] for fee in data["fees"]} == {"zhenggao": 800, "fugao": 500, "zhongji": 300, "chuji": 150}
    apply = event(data, "apply")
    assert (str(apply["start"]), str(apply["end"])) == ("2027-09-01 09:00", "2027-10-10 20:00"), "开通…截至…关闭 is one window"
    assert len(data["templates"]) == 3, "the attachment list is no template"
    assert "**" not in (folder / "notice.md").read_text(encoding="utf-8").replace("\\*", "")


def test_huli_hetian_materials_list_and_county_condition(tmp_path):
    data, _, _, _ = imported(tmp_path, "huli-hetian.docx")
    titles = [item["title"] for item in data["checklist"]]
    for material in ["有效身份证件", "学历学位证书", "护士执业证书", "近5年年度考核结果"]:
        assert material in titles, titles
    county = next(item for item in data["checklist"] if "基层卫生工作经历证明表" in item["title"])
    assert county["conditions"]["county_unit"] is True
    # "即日起至8月31日": from the notice's own date.
    apply = event(data, "apply")
    assert (str(apply["start"]), str(apply["end"])) == (str(data["published"]), "2026-08-31")


def test_jingji_tulufan_alternatives_stay_one_item(tmp_path):
    data, _, _, _ = imported(tmp_path, "jingji-tulufan.docx")
    titles = [item["title"] for item in data["checklist"]]
    assert "提供岗位聘用合同或聘任文件" in titles, "或 joins alternatives of one material"
    assert not any(title.startswith("上传件") for title in titles), "扫描件 is a noun"


def test_jiaoshi_alaer_region_after_a_division(tmp_path):
    data, _, _, _ = imported(tmp_path, "jiaoshi-alaer.txt")
    assert data["scope"] == "地区" and data["region"] == "阿拉尔市"
