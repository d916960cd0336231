"""The news dev set: reading, writing and checking its standoff annotations.

DOCNO.txt is the article text (title, newline, body); DOCNO.ann has one span a
line: start<TAB>end<TAB>TYPE<TAB>surface, 0-based code point offsets, end
exclusive, so text[start:end] == surface.  The functions take the set's
articles directory (art=, default the dev set's), so the news training set
(test/news_train/) shares them.
"""
import glob
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
TYPES = ("PER", "LOC", "ORG")
CLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك", "فك")


def unescape(s):
    """PostgreSQL COPY text format field → text."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def is_letter(c):
    return c.isalnum() or unicodedata.category(c).startswith("M")


def word_start_ok(text, s):
    """s is a word start, or follows an attached clitic at a word start."""
    if s == 0 or not is_letter(text[s - 1]):
        return True
    for p in CLITICS:
        b = s - len(p)
        if b >= 0 and text[b:s] == p and (b == 0 or not is_letter(text[b - 1])):
            return True
    return False


def word_end_ok(text, e):
    return e == len(text) or not is_letter(text[e])


def find_occurrences(text, name):
    """Where the written name occurs as whole words (clitics outside)."""
    forms = [name]
    if name.startswith("ال"):
        # ل + ال written لل: the span starts at the article's ل
        forms.append("ل" + name[2:])
    out = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            e = i + len(form)
            if word_end_ok(text, e):
                if form is name and word_start_ok(text, i):
                    out.append((i, e))
                elif form is not name and i > 0 and text[i - 1] == "ل" and \
                        word_start_ok(text, i - 1):
                    out.append((i, e))
            i = text.find(form, i + 1)
    return sorted(set(out))


def ids(art=ART):
    """The annotated articles of a set (default: the dev set's articles/)."""
    return sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(art, "*.ann")))


def load(docno, art=ART):
    text = open(os.path.join(art, docno + ".txt"), encoding="utf-8").read()
    spans = []
    with open(os.path.join(art, docno + ".ann"), encoding="utf-8") as f:
        for line in f:
            s, e, t, surface = line.rstrip("\n").split("\t")
            spans.append((int(s), int(e), t))
    return text, spans


def write_ann(docno, text, spans, art=ART):
    with open(os.path.join(art, docno + ".ann"), "w", encoding="utf-8") as f:
        for s, e, t in sorted(spans):
            f.write(f"{s}\t{e}\t{t}\t{text[s:e]}\n")


def check(docno, art=ART):
    """Every span's offsets give its surface, spans are whole words and disjoint."""
    text = open(os.path.join(art, docno + ".txt"), encoding="utf-8").read()
    problems, prev_end = [], -1
    with open(os.path.join(art, docno + ".ann"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s, e, t, surface = line.rstrip("\n").split("\t")
            s, e = int(s), int(e)
            where = f"{docno}.ann:{n}"
            if text[s:e] != surface:
                problems.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, not {surface!r}")
            if t not in TYPES:
                problems.append(f"{where}: type {t!r}")
            if s < prev_end:
                problems.append(f"{where}: overlaps the previous span")
            if not (word_start_ok(text, s) and word_end_ok(text, e)):
                problems.append(f"{where}: {surface!r} does not start/end at a word boundary")
            if surface != surface.strip() or not surface:
                problems.append(f"{where}: blank at an end of {surface!r}")
            prev_end = e
    return problems


def render(text, spans):
    out, pos = [], 0
    for s, e, t in sorted(spans):
        out.append(text[pos:s])
        out.append(f"[{text[s:e]}]{t}")
        pos = e
    out.append(text[pos:])
    return "".join(out)
