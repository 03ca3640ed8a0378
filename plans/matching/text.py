"""Thai text for matching: normalising, word segmentation (pythainlp newmm) with the
field's lexicon, and the villages a text names.

Pure functions of their arguments; word segmentation is memoised per text (the same
project is segmented once per process, not once per page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI_DIGIT_RE = re.compile("[๐-๙]")
LEXICON_PATH = Path(__file__).with_name("lexicon_th.txt")

# "หมู่ที่ 3", "หมู่ 3", "ม.3", "ม. 3", "หมู่ที่3"
VILLAGE_NUMBER_RE = re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*(\d{1,2})(?!\d)")
# "หมู่ที่ 3 บ้านหนองบัว": a number and its village's name, as e-Plan and registries write them
VILLAGE_PAIR_RE = re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*(\d{1,2})\s*บ้าน([ก-๏]{2,30}?)(?=[\s,()]|$)")
SPACES_RE = re.compile(r"\s+")
# Abbreviations written with a space or a dot inside, rewritten before segmentation.
PHRASES = {
    "ถนน คสล.": "ถนนคอนกรีต",
    "ฝาย คสล.": "ฝาย",
    "สะพาน คสล.": "สะพาน",
    "ราง คสล.": "รางระบายน้ำ",
    "คสล.": "คอนกรีตเสริมเหล็ก",
    "ผลิตภัณฑ์ OTOP": "ผลิตภัณฑ์ชุมชน",
    "ฝุ่น PM2.5": "ไฟป่า",
    "7 วันอันตราย": "อุบัติเหตุ",
}


@dataclass(frozen=True)
class Lexicon:
    canonical: dict[str, str]  # word (variant or canonical) -> canonical
    stopwords: frozenset[str]
    words: frozenset[str] = field(default_factory=frozenset)  # every lexicon word, for the segmenter


def parse_lexicon(text: str) -> Lexicon:
    canonical: dict[str, str] = {}
    stop: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("stop:"):
            stop.update(w.strip() for w in line[5:].split("|") if w.strip())
            continue
        words = [w.strip() for w in line.split("|") if w.strip()]
        head = words[0]
        for word in words:
            canonical.setdefault(word, head)
    words = frozenset(w for w in canonical if " " not in w)
    return Lexicon(canonical=canonical, stopwords=frozenset(stop), words=words)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return parse_lexicon(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Thai digits to Arabic, one space between words, the spaced abbreviations joined."""
    text = text or ""
    if THAI_DIGIT_RE.search(text):
        text = text.translate(THAI_DIGITS)
    text = text.replace("\u200b", "")
    text = SPACES_RE.sub(" ", text).strip()
    for phrase, replacement in PHRASES.items():
        if phrase in text:
            text = text.replace(phrase, replacement)
    return text


LONG_WORD = 5  # lexicon words this long or longer are found inside running text


@lru_cache(maxsize=1)
def _long_words_re():
    lexicon = default_lexicon()
    words = sorted((w for w in lexicon.canonical if len(w) >= LONG_WORD and " " not in w), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ["โครงการ", *words]))


def mark_lexicon_words(text: str) -> str:
    """Set the lexicon's long words (and "โครงการ") apart with spaces, leftmost-longest, so
    the segmenter cannot cut across them ("ติดไฟทางใน" keeps "ไฟทาง" whole)."""
    return _long_words_re().sub(lambda m: f" {m.group(0)} ", text)


@lru_cache(maxsize=1)
def _thai_stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


MERGE_SPAN = 5  # a lexicon word is found across at most this many newmm words


@lru_cache(maxsize=200_000)
def segment(text: str) -> tuple[str, ...]:
    """newmm words of a normalised text (pythainlp's own dictionary), then neighbouring
    words joined where together they make a lexicon word ("ผู้" "พิการ" -> "ผู้พิการ")."""
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, engine="newmm", keep_whitespace=False)
    known = default_lexicon().words
    out, i = [], 0
    while i < len(words):
        for span in range(min(MERGE_SPAN, len(words) - i), 1, -1):
            joined = "".join(words[i : i + span])
            if joined in known:
                out.append(joined)
                i += span
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


@lru_cache(maxsize=4096)
def _parts(word: str) -> tuple[str, ...]:
    """The plain words a lexicon word is made of ("ถนนคอนกรีต" -> ถนน, คอนกรีต)."""
    from pythainlp.tokenize import word_tokenize

    parts = tuple(word_tokenize(word, engine="newmm", keep_whitespace=False))
    return parts if len(parts) > 1 else ()


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token) and len(token) > 1


def plain_tokens(text: str) -> list[str]:
    """Plain newmm words (the baseline's analyser): no lexicon, no stopwords of the field."""
    from pythainlp.tokenize import word_tokenize

    return [
        t
        for t in word_tokenize(normalize(text), engine="newmm", keep_whitespace=False)
        if _is_word(t) and t not in _thai_stopwords()
    ]


def tokens(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """The words of a text for matching: the lexicon's canonical forms (a multi-word
    canonical form also gives its parts, so "ถนนคอนกรีต" still shares "ถนน" with
    "ถนนลูกรัง"), without stopwords, numbers and punctuation."""
    lexicon = lexicon or default_lexicon()
    stop = lexicon.stopwords | _thai_stopwords()
    out: list[str] = []
    for word in segment(mark_lexicon_words(normalize(text))):
        if not _is_word(word):
            continue
        head = lexicon.canonical.get(word, word)
        if head in lexicon.stopwords or (head == word and word in stop):
            continue
        out.append(head)
        for part in _parts(head):
            if _is_word(part) and part not in stop and part != head:
                out.append(part)
    return out


# Villages ------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _village_pairs(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(n), name) for n, name in VILLAGE_PAIR_RE.findall(normalize(text)))


def village_pairs(text: str) -> dict[int, str]:
    """{3: "หนองบัว"} for every "หมู่ที่ 3 บ้านหนองบัว" a text writes."""
    return dict(_village_pairs(text))


def villages_named(text: str, villages: dict[int, str]) -> frozenset[int]:
    """The village numbers a text names, by number ("หมู่ที่ 3", "ม.3") or by name
    ("บ้านหนองบัว", given the tambon's ``villages`` {number: name without "บ้าน"})."""
    text = normalize(text)
    found = {int(n) for n in VILLAGE_NUMBER_RE.findall(text)}
    for number, name in villages.items():
        if name and ("บ้าน" + name in text or (len(name) >= 4 and name in text)):
            found.add(number)
    return frozenset(found)


def strip_villages(text: str, villages: dict[int, str]) -> str:
    """The text without its village mentions, so a village's name ("หนองบัว") is not
    read as words of the project; the village is matched on its own."""
    text = VILLAGE_NUMBER_RE.sub(" ", normalize(text))
    for name in sorted((n for n in villages.values() if n), key=len, reverse=True):
        text = text.replace("บ้าน" + name, " ")
        if len(name) >= 4:
            text = text.replace(name, " ")
    return text
