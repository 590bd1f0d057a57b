"""Every diagnostic code, produced by a small corpus written for it, on the line it names.

The codes of year inference (`no_date`, `date_mismatch`, `no_year`) are tested with the dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.pipeline import extract

ANALYSIS = Path(__file__).resolve().parent.parent / "analysis"

ZH = """趙克志與巴基斯坦內政部長拉希德通話
2021年7月17日,國務委員、公安部部長趙克志與巴基斯坦內政部長拉希德通話。
趙克志表示,中巴是全天候戰略合作伙伴。
外交部副部長謝鋒參加活動。
"""
EN = """Phone Talks Between China and Pakistan
State Councilor and Minister of Public Security Zhao Kezhi held phone talks with Pakistani Interior Minister Sheikh Rasheed Ahmad on July 17, 2021.
Zhao said that China and Pakistan are all-weather strategic cooperative partners.
Vice Foreign Minister Xie Feng attended the event.
"""
ARTICLE = ZH + EN
HONG_KONG = """趙克志會見香港特區保安局局長李家超
2021年7月17日,國務委員、公安部部長趙克志在京會見香港特別行政區保安局局長李家超。
趙克志表示,雙方將深化合作。
Zhao Kezhi Meets Hong Kong Secretary for Security
State Councilor and Minister of Public Security Zhao Kezhi met with John Lee, Secretary for Security of the Hong Kong Special Administrative Region, in Beijing on July 17, 2021.
Zhao said both sides will deepen cooperation.
"""
GBK_DAMAGED = (ANALYSIS.parent / "seeds" / "002_0526a90c87bf4ba3.txt").read_text(encoding="utf-8").splitlines()[5]

# code: (files of the corpus, the file and line (0: the whole file) the diagnostic names)
CASES = {
    "unpaired": ({"a.txt": ZH}, "a.txt", 1),
    "not_txt": ({"a.txt": ARTICLE, "notes.md": "# notes\n"}, "notes.md", 0),
    "empty_file": ({"a.txt": ARTICLE, "b.txt": " \n"}, "b.txt", 0),
    "undecodable": ({"a.txt": ARTICLE, "b.txt": bytes(range(32)) * 8}, "b.txt", 0),
    "encoding": ({"a.txt": ARTICLE.encode("gb18030")}, "a.txt", 0),
    "nul_bytes": ({"a.txt": ARTICLE.replace("趙克志表示", "趙克志\x00表示")}, "a.txt", 3),
    "decode_errors": ({"a.txt": b"\xef\xbb\xbf" + ARTICLE.encode().replace("表示".encode(), b"\xff\xfe", 1)}, "a.txt", 3),
    "no_article": ({"a.txt": "§¶•‰ 0123456789 ※\n"}, "a.txt", 1),
    "orphan_credit": ({"a.txt": "(責任編輯:張敏嬌)\n" + ARTICLE}, "a.txt", 1),
    "title_without_body": ({"a.txt": ARTICLE + "會見外賓\n"}, "a.txt", 9),
    "invalid_date": ({"a.txt": ARTICLE.replace("7月17日", "2月30日").replace("July 17", "February 30")}, "a.txt", 1),
    # A line of seed 002 whose GBK damage has two likely readings.
    "gbk_unrecoverable": ({"a.txt": ARTICLE.replace("趙克志表示,中巴是全天候戰略合作伙伴。", GBK_DAMAGED)}, "a.txt", 3),
    # What the versions say differently, and who the gazetteer does not know.
    "attendee_one_language": ({"a.txt": ZH + EN.replace("Vice Foreign Minister Xie Feng attended the event.\n", "")},
                              "a.txt", 4),
    "not_in_gazetteer": ({"a.txt": ARTICLE.replace("謝鋒", "張明遠").replace("Xie Feng", "Zhang Mingyuan")}, "a.txt", 4),
    "no_principal": ({"a.txt": "拉希德發表講話\n2021年7月17日,巴基斯坦內政部長拉希德在伊斯蘭堡發表講話。\n"}, "a.txt", 1),
    "type_mismatch": ({"a.txt": ZH + EN.replace("held phone talks with", "met with")}, "a.txt", 1),
    "principal_mismatch": ({"a.txt": ZH + EN.replace("State Councilor and Minister of Public Security Zhao Kezhi",
                                                     "Minister of Public Security Wang Xiaohong")
                                              .replace("Zhao said", "Wang said")}, "a.txt", 1),
    "country_mismatch": ({"a.txt": ZH + EN.replace("Pakistani Interior Minister Sheikh Rasheed Ahmad",
                                                   "Russian Interior Minister Vladimir Kolokoltsev")}, "a.txt", 1),
    "domestic_counterpart": ({"a.txt": HONG_KONG}, "a.txt", 1),
    # One engagement from several sources: a copy, and a report in other words that types it otherwise.
    "duplicate_article": ({"a.txt": ARTICLE, "b.txt": ARTICLE}, "b.txt", 1),
    "source_disagreement": ({"a.txt": ARTICLE, "b.txt": EN.replace("held phone talks with", "spoke with")}, "a.txt", 1),
    "org_mismatch": ({"a.txt": ZH.replace("巴基斯坦內政部長拉希德", "上海合作組織秘書長")
                      + EN.replace("Pakistani Interior Minister Sheikh Rasheed Ahmad",
                                   "Secretary-General of the International Organization for Migration")}, "a.txt", 1),
}


def test_every_code_in_the_package_has_a_case_here_or_with_the_dates():
    written = set()
    for path in ANALYSIS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'Diagnostic\([^()]*?"(?:info|warning|error)",\s*"([a-z_]+)"', text, re.S))
        written |= set(re.findall(r'\bnote\("([a-z_]+)"', text))
    missing = written - {"no_date", "date_mismatch", "no_year", "year_from_corpus"} - set(CASES)
    assert not missing, f"codes with no case in CASES (add a small corpus that produces each): {sorted(missing)}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_diagnostic_is_produced_on_its_line(tmp_path, code):
    files, name, line = CASES[code]
    for file_name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (tmp_path / file_name).write_bytes(data)
    tables = extract([tmp_path], progress=False, jobs=1)
    found = {(Path(f).name, n) for f, n, c in zip(tables.diagnostics.source_file, tables.diagnostics.line,
                                                  tables.diagnostics.code) if c == code}
    assert (name, line) in found, tables.diagnostics.to_string()
