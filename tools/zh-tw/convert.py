#!/usr/bin/env python3
"""Traditional Chinese (zh-TW) data for streambot, made from the Simplified sources with OpenCC.

What it does
    Converts the bot's Simplified Chinese into Taiwan-standard Traditional Chinese with OpenCC
    (https://github.com/BYVoid/OpenCC, Apache-2.0; never a GPL converter) and writes:

      locales/zh-TW/{answer,core,discord,render}.ftl
          each locales/zh-CN/*.ftl converted with OpenCC's `s2twp` config (Taiwan standard with
          Taiwanese phrases). Only the non-ASCII runs are converted, so message ids, attributes,
          { $placeholders }, { -terms }, selectors and comment markers stay byte-identical; the
          script asserts that ids and per-message placeholders match zh-CN.
      src/i18n/hant/chars_t2s.tsv
          TRAD<TAB>SIMP, one character a line: OpenCC TSCharacters (first candidate), plus the
          Taiwan variant characters of TWVariantsRev folded through TSCharacters. Used at run time
          to fold traditional input onto simplified.
      src/i18n/hant/chars_s2t.tsv
          SIMP<TAB>TRAD, one character a line: OpenCC STCharacters (first candidate), then
          TWVariants (Taiwan-standard form). Run-time fallback for Chinese data without a phrase.
      src/i18n/hant/phrases.tsv
          SIMPLIFIED<TAB>TRADITIONAL (`s2twp`) for every distinct Chinese string the bot shows from
          its data: data/countries.csv `fact_zh`, ZH_PLACES in src/answer/words.rs, the CJK string
          literals of src/places/tables.rs, the CJK phrases of src/lexicon/lexicon.txt and the CJK
          `aka` cells of data/titles/*.csv. Only strings the conversion changes.
      src/i18n/hant/CREDITS.md
          where the tables come from, OpenCC's version, licence and copyright.

    The character tables come from OpenCC's own dictionaries. The PyPI wheel ships them only as
    binary .ocd2 files, so they are decoded to text with the `opencc_dict` tool that ships in the
    same wheel (the decoded STCharacters, TSCharacters and TWVariants equal upstream's
    data/dictionary/*.txt line for line, candidate order included).

How to run (from anywhere; paths are relative to the repository root)
    python3 -m venv /tmp/opencc-venv && /tmp/opencc-venv/bin/pip install opencc==1.4.2
    /tmp/opencc-venv/bin/python tools/zh-tw/convert.py

    It is run once at development time, by hand; its output is committed and reviewed, and the
    build needs neither Python nor OpenCC. Re-running it with the pinned OpenCC reproduces the
    committed files byte for byte (it refuses to run with another OpenCC version).
    To change a zh-TW sentence, edit zh-CN (or OVERRIDES below) and re-run; never edit outputs.
"""

import csv
import importlib.metadata
import pathlib
import re
import subprocess
import sys
import tempfile

import opencc

OPENCC_VERSION = "1.4.2"
PIP_COMMAND = f"pip install opencc=={OPENCC_VERSION}"
ROOT = pathlib.Path(__file__).resolve().parents[2]
LOCALE_FILES = ["answer.ftl", "core.ftl", "discord.ftl", "render.ftl"]
HANT = ROOT / "src" / "i18n" / "hant"

# Words `s2twp` renders in a way that reads wrong to a Taiwanese reader of this bot. Applied, in
# this order, to the output of `s2twp` (both the .ftl files and phrases.tsv); the table is kept
# small and every entry says why. Each entry must match at least once (asserted), so a stale
# entry is noticed when the sources change.
OVERRIDES = [
    # -- OpenCC mistakes --
    # 电视频道 (TV channels) is segmented 电|视频|道 and comes out as 電影片道.
    ("電影片道", "電視頻道"),
    # 李连杰 (Jet Li) is 李連杰 in Taiwan; the lexicon's traditional 李連杰 must not become 李連傑.
    ("李連傑", "李連杰"),
    # 代码 here is a country code ("名称、代码或中文名"), not program source code (程式碼).
    ("程式碼", "代碼"),
    # 类型 is the kind of title (movie or TV), not a programming data type (型別).
    ("型別", "類型"),
    # 权限 (a Discord permission) is 權限 in Taiwan and in Discord's zh-TW UI, not 許可權.
    ("許可權", "權限"),
    # 进程 (an OS process, "进程 { $pid }") comes out as 程序 (procedure); Taiwan says 處理程序.
    ("程序", "處理程序"),
    # 发布 of a rule ("2008 年发布的规定") is 發布 in Taiwan; 釋出 means a software release.
    ("釋出", "發布"),
    # -- Taiwanese wording OpenCC leaves in mainland form --
    # 流媒体 (streaming) is 串流 in Taiwan: 串流平臺, 串流服務, 串流播放權.
    ("流媒體", "串流"),
    # Discord's zh-TW UI says 指令 and 斜線指令 for (slash) commands.
    ("命令", "指令"),
    ("斜槓", "斜線"),
    # A Discord role is a 身分組 in Discord's zh-TW UI.
    ("管理員角色", "管理員身分組"),
    # Help (the /help command, a help page) is 說明 in Taiwanese UIs.
    ("幫助", "說明"),
    # A direct message is a 私訊.
    ("私信", "私訊"),
    # Keyword is 關鍵字.
    ("關鍵詞", "關鍵字"),
    # 匹配 (a search match) reads as mainland wording; 相符 is the Taiwanese word.
    ("匹配", "相符"),
    # Netflix Taiwan names its plans 基本方案 / 標準方案 / 高級方案: 套餐 -> 方案, 高階 -> 高級.
    ("套餐", "方案"),
    ("高階版", "高級版"),
    # Plain text is 文字 (UTF-8 文字); a spreadsheet cell is a 儲存格.
    ("文本", "文字"),
    ("單元格", "儲存格"),
    # A configured data folder: 配置 -> 設定; 數據文件夾 became the doubled 資料資料夾.
    ("配置資料目錄", "設定資料目錄"),
    ("資料資料夾", "資料目錄"),
    # 当前 (current) is 目前; 通过 (by means of) is 透過; 运营 (to operate) is 營運.
    ("當前", "目前"),
    ("通過", "透過"),
    ("運營", "營運"),
    # Facts' wording: 账号 is 帳號, digital content 數位內容, a news report 報導, Bali 峇里島,
    # an executive 高階主管, a blog post 部落格文章, an app 應用程式, online 網路上.
    ("賬號", "帳號"),
    ("數字內容", "數位內容"),
    ("報道", "報導"),
    ("巴厘島", "峇里島"),
    ("高管", "高階主管"),
    ("博文", "部落格文章"),
    ("網站和應用", "網站和應用程式"),
    ("網上播放", "網路上播放"),
    # Taiwan quotes with corner brackets: “…” -> 「…」.
    ("\u201c", "\u300c"),
    ("\u201d", "\u300d"),
]

CJK = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Fluent: a message or term id at the start of a line, an attribute on an indented line.
ENTRY = re.compile(r"^(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=", re.M)
ATTRIBUTE = re.compile(r"^[ \t]+\.([A-Za-z][A-Za-z0-9_-]*)[ \t]*=", re.M)
VARIABLE = re.compile(r"\{\s*\$([A-Za-z][A-Za-z0-9_-]*)")
TERM_REF = re.compile(r"\{\s*(-[A-Za-z][A-Za-z0-9_-]*)")
SELECTOR = re.compile(r"^[ \t]*(\*?\[[^\]\n]*\])", re.M)


# --- OpenCC -------------------------------------------------------------------------------

def check_version() -> None:
    found = importlib.metadata.version("opencc")
    if found != OPENCC_VERSION:
        sys.exit(f"convert.py needs OpenCC {OPENCC_VERSION} (found {found}): {PIP_COMMAND}")


S2TWP = opencc.OpenCC("s2twp")
override_hits = {wrong: 0 for wrong, _ in OVERRIDES}


def s2twp(text: str) -> str:
    out = S2TWP.convert(text)
    for wrong, right in OVERRIDES:
        override_hits[wrong] += out.count(wrong)
        out = out.replace(wrong, right)
    return out


def read_dictionary(name: str) -> dict:
    """An OpenCC dictionary of the installed package: key -> list of candidates, in order."""
    clib = pathlib.Path(opencc.__file__).resolve().parent / "clib"
    tool = clib / "bin" / "opencc_dict"
    source = clib / "share" / "opencc" / f"{name}.ocd2"
    assert tool.is_file() and source.is_file(), (tool, source)
    with tempfile.TemporaryDirectory() as tmp:
        text_file = pathlib.Path(tmp) / f"{name}.txt"
        subprocess.run(
            [str(tool), "-i", str(source), "-o", str(text_file), "-f", "ocd2", "-t", "text"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        lines = text_file.read_text(encoding="utf-8").splitlines()
    table = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        key, values = line.split("\t")
        assert key not in table, (name, key)
        table[key] = values.split(" ")
    assert table, name
    return table


def single_chars(table: dict) -> dict:
    """Entries whose key and first candidate are each one character."""
    return {k: v[0] for k, v in table.items() if len(k) == 1 and len(v[0]) == 1}


# --- a. locales ------------------------------------------------------------------------------

def entries(text: str) -> dict:
    """Fluent entry id -> (attributes, variables, term references, selectors), in order."""
    out = {}
    starts = [(m.start(), m.group(1)) for m in ENTRY.finditer(text)]
    for i, (start, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body = text[start:end]
        assert name not in out, name
        out[name] = (
            ATTRIBUTE.findall(body),
            sorted(set(VARIABLE.findall(body))),
            sorted(set(TERM_REF.findall(body))),
            SELECTOR.findall(body),
        )
    return out


def convert_locales() -> list:
    notes = []
    dst_dir = ROOT / "locales" / "zh-TW"
    dst_dir.mkdir(exist_ok=True)
    for name in LOCALE_FILES:
        text = (ROOT / "locales" / "zh-CN" / name).read_text(encoding="utf-8")
        converted = NON_ASCII_RUN.sub(lambda m: s2twp(m.group(0)), text)
        # Only Chinese may change: everything ASCII (ids, syntax, comment markers) is untouched.
        strip = lambda s: re.sub(r"[^\x00-\x7f]", "", s)  # noqa: E731
        assert strip(text) == strip(converted), name
        assert text.count("\n") == converted.count("\n"), name
        cn, tw = entries(text), entries(converted)
        assert list(cn) == list(tw), (name, set(cn) ^ set(tw))
        for key in cn:
            assert cn[key] == tw[key], (name, key, cn[key], tw[key])
        # Converting whole lines instead of runs would give the same text (no OpenCC phrase
        # spans ASCII); checked so that the run-by-run conversion hides nothing.
        whole = "".join(s2twp(line) for line in text.splitlines(keepends=True))
        if whole != converted:
            notes.append(f"{name}: whole-line conversion differs from run-by-run")
        en_path = ROOT / "locales" / "en-US" / name
        if en_path.is_file():
            en = entries(en_path.read_text(encoding="utf-8"))
            missing, extra = sorted(set(en) - set(cn)), sorted(set(cn) - set(en))
            if missing or extra:
                notes.append(f"{name}: zh-CN lacks {missing}, has extra {extra} vs en-US")
        header = (
            f"# Generated from locales/zh-CN/{name} by tools/zh-tw/convert.py "
            "(OpenCC s2twp); edit zh-CN and re-run.\n"
        )
        (dst_dir / name).write_text(header + converted, encoding="utf-8", newline="\n")
    return notes


# --- b, c. character tables ---------------------------------------------------------------------

def write_tsv(path: pathlib.Path, pairs) -> None:
    lines = []
    for a, b in pairs:
        assert a and b and not re.search(r"[\t\r\n]", a + b), (a, b)
        lines.append(f"{a}\t{b}\n")
    path.write_text("".join(lines), encoding="utf-8", newline="\n")


def char_tables() -> tuple:
    st = single_chars(read_dictionary("STCharacters"))
    ts = single_chars(read_dictionary("TSCharacters"))
    tw_variants = single_chars(read_dictionary("TWVariants"))
    tw_variants_rev = single_chars(read_dictionary("TWVariantsRev"))

    t2s = {t: s for t, s in ts.items() if t != s}
    # A Taiwan variant (啟, 為, 偽 …) -> OpenCC's traditional form (啓, 爲, 僞) -> simplified.
    # TSCharacters' own entry for the character wins when it has one.
    for variant, traditional in tw_variants_rev.items():
        simplified = ts.get(traditional, traditional)
        if variant not in t2s and simplified != variant:
            t2s[variant] = simplified

    s2t = {}
    for s, t in st.items():
        t = tw_variants.get(t, t)
        if t != s:
            s2t[s] = t
    return sorted(t2s.items()), sorted(s2t.items())


# --- d. phrases -------------------------------------------------------------------------------

def rust_literals(text: str) -> list:
    return [m.group(1) for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text)]


def data_strings() -> set:
    found = set()
    with open(ROOT / "data" / "countries.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("fact_zh"):
                found.add(row["fact_zh"])

    words = (ROOT / "src" / "answer" / "words.rs").read_text(encoding="utf-8")
    block = re.search(r"const ZH_PLACES: &\[\(&str, &str\)\] = &\[(.*?)\n\];", words, re.S)
    assert block, "ZH_PLACES not found in src/answer/words.rs"
    places = re.findall(r'\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)', block.group(1))
    assert places, "ZH_PLACES is empty"
    found.update(name for _, name in places)

    tables = (ROOT / "src" / "places" / "tables.rs").read_text(encoding="utf-8")
    found.update(s for s in rust_literals(tables) if CJK.search(s))

    lexicon = (ROOT / "src" / "lexicon" / "lexicon.txt").read_text(encoding="utf-8")
    for line in lexicon.splitlines():
        if line.lstrip().startswith("#") or "|" not in line:
            continue
        for phrase in line.split("|", 1)[1].split(","):
            phrase = phrase.strip()
            if CJK.search(phrase):
                found.add(phrase)

    for path in sorted((ROOT / "data" / "titles").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if "aka" not in (reader.fieldnames or []):
                continue
            for row in reader:
                aka = row.get("aka") or ""
                if CJK.search(aka):
                    found.add(aka)
    return found


def phrase_pairs() -> list:
    pairs = []
    for simplified in sorted(data_strings()):
        assert "\t" not in simplified and "\n" not in simplified and "\r" not in simplified
        traditional = s2twp(simplified)
        assert "\t" not in traditional and "\n" not in traditional and "\r" not in traditional
        if traditional != simplified:
            pairs.append((simplified, traditional))
    return pairs


# --- e. credits -------------------------------------------------------------------------------

CREDITS = f"""# Traditional Chinese tables

The files in this folder, and `locales/zh-TW/*.ftl`, are generated by `tools/zh-tw/convert.py`
from this repository's Simplified Chinese with OpenCC {OPENCC_VERSION} (the PyPI package `opencc`).
Do not edit them by hand: edit the Simplified sources (or the script's override table) and re-run.

- `chars_t2s.tsv`: `TRAD<TAB>SIMP`, one character a line. OpenCC's `TSCharacters` dictionary
  (first candidate, single characters that differ), plus the Taiwan variant characters of
  `TWVariantsRev` folded through it. Used at run time to fold traditional input to simplified.
- `chars_s2t.tsv`: `SIMP<TAB>TRAD`, one character a line. OpenCC's `STCharacters` dictionary
  (first candidate), then `TWVariants`, so each character is in its Taiwan-standard form. The
  run-time fallback for Chinese data strings that have no line in `phrases.tsv`.
- `phrases.tsv`: `SIMPLIFIED<TAB>TRADITIONAL` for each Chinese string the bot shows from its data
  (the `fact_zh` column of `data/countries.csv`, `ZH_PLACES` in `src/answer/words.rs`,
  `src/places/tables.rs`, the Chinese phrases of `src/lexicon/lexicon.txt`, Chinese `aka` cells
  of `data/titles/*.csv`), converted with OpenCC's `s2twp` configuration (Taiwan standard with
  Taiwanese phrases); only strings the conversion changes.

## OpenCC

These tables are derived from the dictionaries of Open Chinese Convert (OpenCC),
https://github.com/BYVoid/OpenCC, version {OPENCC_VERSION}.

Copyright 2010-2026 Carbo Kuo and contributors (Carbo Kuo, a.k.a. BYVoid, <byvoid@byvoid.com>).

Licensed under the Apache License, Version 2.0 (the "License"); you may not use these files
except in compliance with the License. You may obtain a copy of the License at
https://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in
writing, software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License for the
specific language governing permissions and limitations under the License.

No OpenCC code is part of streambot; only these generated tables are.

## Regenerating

At development time only (the build needs neither Python nor OpenCC):

```sh
python3 -m venv /tmp/opencc-venv && /tmp/opencc-venv/bin/{PIP_COMMAND}
/tmp/opencc-venv/bin/python tools/zh-tw/convert.py
```

Re-running reproduces the committed files byte for byte.
"""


def main() -> None:
    check_version()
    HANT.mkdir(parents=True, exist_ok=True)
    notes = convert_locales()
    t2s, s2t = char_tables()
    write_tsv(HANT / "chars_t2s.tsv", t2s)
    write_tsv(HANT / "chars_s2t.tsv", s2t)
    write_tsv(HANT / "phrases.tsv", phrase_pairs())
    (HANT / "CREDITS.md").write_text(CREDITS, encoding="utf-8", newline="\n")
    unused = [wrong for wrong, hits in override_hits.items() if hits == 0]
    assert not unused, f"overrides that no longer match anything: {unused}"
    for note in notes:
        print("note:", note, file=sys.stderr)


if __name__ == "__main__":
    main()
