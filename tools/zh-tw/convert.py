#!/usr/bin/env python3
"""Traditional Chinese (zh-TW) for streambot, made once from the Simplified sources with OpenCC.

Run at development time, never at build time; its output is committed and reviewed:

    python3 -m venv /tmp/occ && /tmp/occ/bin/pip install opencc==1.4.2
    /tmp/occ/bin/python tools/zh-tw/convert.py

It writes, from the repository root:
  locales/zh-TW/*.ftl              each locales/zh-CN/*.ftl converted with OpenCC's `s2twp`
                                   (Taiwan standard, with Taiwanese phrases)
  src/i18n/zh_tw/phrases.tsv       SIMPLIFIED<TAB>TRADITIONAL for every Chinese string the bot
                                   shows from its data (facts' Chinese text, place names, the
                                   lexicon's Chinese phrases), converted with `s2twp`
  src/i18n/zh_tw/s2t.tsv           one character a line, Simplified -> Taiwan Traditional (`s2tw`),
                                   the fallback for Chinese data that has no phrase line
  src/i18n/zh_tw/t2s.tsv           one character a line, Traditional -> Simplified (`tw2s`),
                                   which folds traditional input onto the simplified vocabulary

OpenCC (https://github.com/BYVoid/OpenCC) and its dictionaries are Apache-2.0; see
src/i18n/zh_tw/CREDITS.md. Re-running reproduces the committed files byte for byte.
"""

import csv
import pathlib
import re

import opencc

ROOT = pathlib.Path(__file__).resolve().parents[2]
S2TWP = opencc.OpenCC("s2twp")
S2TW = opencc.OpenCC("s2tw")
TW2S = opencc.OpenCC("tw2s")

# Words s2twp renders in a way that reads wrong in this bot's sentences. Applied after the
# conversion; each entry says why.
OVERRIDES = {
    # s2twp reads 代码 (a country's code) and 类型 (movie or TV) as programming terms.
    "程式碼": "代碼",
    "型別": "類型",
    # 发布 (a rule issued) becomes 釋出 (a software release).
    "釋出": "發布",
}

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MESSAGE_ID = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=", re.M)
PLACEABLE = re.compile(r"\{\s*\$([a-zA-Z0-9_-]+)")


def s2twp(text: str) -> str:
    out = S2TWP.convert(text)
    for wrong, right in OVERRIDES.items():
        out = out.replace(wrong, right)
    return out


def convert_locales() -> None:
    src_dir = ROOT / "locales" / "zh-CN"
    dst_dir = ROOT / "locales" / "zh-TW"
    dst_dir.mkdir(exist_ok=True)
    for src in sorted(src_dir.glob("*.ftl")):
        text = src.read_text(encoding="utf-8")
        converted = s2twp(text)
        # Only Chinese may change: ids, placeholders and syntax are ASCII.
        assert MESSAGE_ID.findall(text) == MESSAGE_ID.findall(converted), src
        assert PLACEABLE.findall(text) == PLACEABLE.findall(converted), src
        assert re.sub(r"[^\x00-\x7f]", "", text) == re.sub(r"[^\x00-\x7f]", "", converted), src
        header = (
            f"# Generated from locales/zh-CN/{src.name} by tools/zh-tw/convert.py "
            "(OpenCC s2twp); edit zh-CN and re-run.\n"
        )
        (dst_dir / src.name).write_text(header + converted, encoding="utf-8")


def data_strings() -> set:
    found = set()
    with open(ROOT / "data" / "countries.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("fact_zh"):
                found.add(row["fact_zh"].strip())
    for path in ["src/answer/words.rs", "src/places/tables.rs"]:
        text = (ROOT / path).read_text(encoding="utf-8")
        for literal in re.findall(r'"([^"\\]*)"', text):
            if CJK.search(literal):
                found.add(literal)
    for line in (ROOT / "src" / "lexicon" / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "|" not in line:
            continue
        for phrase in line.split("|", 1)[1].split(","):
            phrase = phrase.strip()
            if CJK.search(phrase):
                found.add(phrase)
    return found


def write_phrases() -> None:
    lines = []
    for simplified in sorted(data_strings()):
        traditional = s2twp(simplified)
        assert "\t" not in simplified and "\n" not in simplified, simplified
        if traditional != simplified:
            lines.append(f"{simplified}\t{traditional}\n")
    (ROOT / "src" / "i18n" / "zh_tw" / "phrases.tsv").write_text("".join(lines), encoding="utf-8")


def write_chars() -> None:
    ranges = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF)]
    s2t, t2s = [], []
    for lo, hi in ranges:
        for code in range(lo, hi + 1):
            c = chr(code)
            t = S2TW.convert(c)
            if len(t) == 1 and t != c:
                s2t.append(f"{c}\t{t}\n")
            s = TW2S.convert(c)
            if len(s) == 1 and s != c:
                t2s.append(f"{c}\t{s}\n")
    out = ROOT / "src" / "i18n" / "zh_tw"
    (out / "s2t.tsv").write_text("".join(s2t), encoding="utf-8")
    (out / "t2s.tsv").write_text("".join(t2s), encoding="utf-8")


if __name__ == "__main__":
    (ROOT / "src" / "i18n" / "zh_tw").mkdir(parents=True, exist_ok=True)
    convert_locales()
    write_phrases()
    write_chars()
