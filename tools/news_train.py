#!/usr/bin/python3
"""news_train.py: the news training set (test/news_train/) as BIO-tagged
sentences, in the shape tools/anercorp.py's read_conll gives ANERcorp: a list
of sentences, each a list of (token, tag), tags B-PER/I-PER/B-LOC/I-LOC/
B-ORG/I-ORG/O (anercorp.GOLD maps PER, LOC and ORG to themselves).

Tokens are the engine's: the word tokens of `test/ner_cli GAZ --features`
(byte offsets into each article, given as one line, paragraph breaks as
spaces, the way test/eval_news_dev.py gives it), and between them the other
non-blank characters, split at blanks, as tokens tagged O (punctuation, as in
ANERcorp).  So " ".join(tokens), which tools/train_ner.py gives the engine,
yields the same word tokens, and train_ner.align() finds each one's tag.

A word token holding a span's start is B- (also when an attached clitic comes
first: وتونس is B-LOC, the engine's token is the whole word and the engine
itself leaves the clitic out of the entity); the next tokens of the span are
I-.  A span that starts after a non-clitic prefix, or ends inside a token, is
an error (reported; the set's spans are whole words, newsdev.check).

Sentences end after a . ! ? or ؟ that is followed by a blank (or the article's
end) and after each paragraph break, never inside a span.

This set is disjoint from the news dev set (test/news_train/select.py
--check); the dev set is for measurement only and must never be read here.

usage: tools/news_train.py [--conll OUT.tsv] [--stats]   (default: --stats)
  --conll OUT   write token<TAB>tag lines, a blank line between sentences
  --stats       articles, sentences, tokens and B- tags per class
in Python:  from news_train import read_news; sents = read_news()
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET_DIR = os.path.join(ROOT, "test", "news_train")
sys.path.insert(0, os.path.join(ROOT, "test", "news_dev"))
import newsdev  # noqa: E402  (the sets' shared annotation reader)

ENDS = ".!?؟"


def engine_words(cli, gaz, texts):
    """Per text: the (char start, char end) of the engine's word tokens."""
    lines = [t.replace("\n", " ").replace("\r", " ") for t in texts]
    out = subprocess.run([cli, gaz, "--features"], input=("\n".join(lines) + "\n").encode(),
                         capture_output=True, check=True).stdout
    words = [[] for _ in texts]
    for line in out.split(b"\n"):
        if not line:
            continue
        f = line.split(b"\t")
        words[int(f[0]) - 1].append((int(f[1]), int(f[2])))
    res = []
    for text, ws in zip(lines, words):
        b = text.encode("utf-8")
        res.append([(len(b[:s].decode("utf-8")), len(b[:s + n].decode("utf-8")))
                    for s, n in ws])
    return res


def tokens_of(text, words):
    """Engine word tokens plus the blank-separated rest, in text order."""
    toks, pos = [], 0
    for s, e in words + [(len(text), len(text))]:
        k = pos
        while k < s:
            if text[k].isspace():
                k += 1
                continue
            j = k
            while j < s and not text[j].isspace():
                j += 1
            toks.append((k, j, False))
            k = j
        if e > s:
            toks.append((s, e, True))
        pos = e
    return toks


def tag_article(docno, text, spans, words, problems):
    """Sentences of one article: lists of (token, tag)."""
    toks = tokens_of(text, words)
    tags = ["O"] * len(toks)
    for s, e, t in spans:
        inside = [i for i, (ts, te, _) in enumerate(toks) if ts < e and te > s]
        if not inside or toks[inside[0]][0] > s or toks[inside[-1]][1] != e:
            problems.append(f"{docno}: span {text[s:e]!r} does not fit the engine's tokens")
            continue
        first = toks[inside[0]]
        if first[0] < s and text[first[0]:s] not in newsdev.CLITICS:
            problems.append(f"{docno}: span {text[s:e]!r} starts after {text[first[0]:s]!r}")
        tags[inside[0]] = "B-" + t
        for i in inside[1:]:
            tags[i] = "I-" + t
    sents, cur = [], []
    for i, (ts, te, is_word) in enumerate(toks):
        cur.append((text[ts:te], tags[i]))
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        in_span = nxt is not None and tags[i + 1].startswith("I-")
        brk = nxt is None or "\n" in text[te:nxt[0]]
        if not is_word and text[te - 1] in ENDS and (te == len(text) or text[te].isspace()):
            brk = True
        if brk and not in_span:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def read_news(set_dir=SET_DIR, cli=None, gaz=None, strict=True):
    """The training set's sentences, each a list of (token, BIO tag)."""
    cli = cli or os.path.join(ROOT, "test", "ner_cli")
    gaz = gaz or os.path.join(ROOT, "data", "gazetteer.tsv")
    art = os.path.join(set_dir, "articles")
    docs = [(d,) + newsdev.load(d, art) for d in newsdev.ids(art)]
    words = engine_words(cli, gaz, [text for _, text, _ in docs])
    problems, sents = [], []
    for (docno, text, spans), ws in zip(docs, words):
        problems += newsdev.check(docno, art)
        sents += tag_article(docno, text.replace("\r", " "), spans, ws, problems)
    if problems and strict:
        raise ValueError("news training set: " + "; ".join(problems[:10]))
    return sents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=SET_DIR)
    ap.add_argument("--cli")
    ap.add_argument("--gaz")
    ap.add_argument("--conll")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    sents = read_news(a.set, a.cli, a.gaz)
    if a.conll:
        with open(a.conll, "w", encoding="utf-8") as f:
            for s in sents:
                f.write("".join(f"{w}\t{t}\n" for w, t in s) + "\n")
    if a.stats or not a.conll:
        art = os.path.join(a.set, "articles")
        b = {}
        for s in sents:
            for _, t in s:
                if t.startswith("B-"):
                    b[t[2:]] = b.get(t[2:], 0) + 1
        print(f"{len(newsdev.ids(art))} articles, {len(sents)} sentences, "
              f"{sum(map(len, sents))} tokens; spans: "
              + ", ".join(f"{k} {b.get(k, 0)}" for k in newsdev.TYPES))


if __name__ == "__main__":
    main()
