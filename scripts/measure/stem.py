#!/usr/bin/python3
"""Conflation quality of stemmers against gold lemmas.

The items are the distinct (form, lemma) pairs of content words (UPOS NOUN,
VERB, ADJ, PROPN, ADV, NUM, X) of DATA/lemma/padt-dev.nodiac.tsv
(form<TAB>lemma<TAB>UPOS).  A stemmer conflates two items when it gives them
the same stem; they should be conflated exactly when they share a lemma.
Counting pairs of items: precision = conflated pairs sharing a lemma /
conflated pairs, recall = the same / pairs sharing a lemma, F1 their harmonic
mean.  A word a dictionary drops (a stopword) or does not know stays its own
stem.

usage: stem.py [DATA] [DICTIONARY ...]   default: snowball ar_stem ar_root
       (snowball is PostgreSQL's arabic_stem; any text search dictionary works)
"""
import sys

from conflation import CONTENT, conflation
from measure_common import data_dir, data_file, psql


def items_of(path):
    seen = set()
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[2] in CONTENT and f[0] and (f[0], f[1]) not in seen:
            seen.add((f[0], f[1]))
    return sorted(seen)


def stems_of(dictionary, words):
    rows = psql("""
CREATE TEMP TABLE m_words (i int, w text);
\\copy m_words FROM pstdin
\\copy (SELECT i, coalesce((ts_lexize(:'dict'::regdictionary, w))[1], w) FROM m_words ORDER BY i) TO pstdout
""".replace(":'dict'", "'" + dictionary.replace("'", "''") + "'"),
                [(i, w) for i, w in enumerate(words)])
    return {words[int(i)]: s for i, s in rows}


def main():
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    d = data_dir(args[0] if args else None)
    systems = args[1:] or ["snowball", "ar_stem", "ar_root"]
    items = items_of(data_file(d, "lemma/padt-dev.nodiac.tsv"))
    words = sorted({form for form, _ in items})
    print("items=%d distinct forms=%d lemmas=%d" %
          (len(items), len(words), len({lemma for _, lemma in items})))
    for system in systems:
        stem = stems_of("arabic_stem" if system == "snowball" else system, words)
        p, r, f = conflation(items, stem)
        print("%-12s P=%.3f R=%.3f F1=%.3f" % (system, p, r, f))


if __name__ == "__main__":
    main()
