#!/usr/bin/python3
"""Make lemma/padt-dev.nodiac.tsv from UD_Arabic-PADT's ar_padt-ud-dev.conllu.

One line per syntactic word (multiword token ranges and empty nodes are
skipped): FORM<TAB>LEMMA<TAB>UPOS, harakat (U+064B..U+0652, U+0670) and
tatweel removed from form and lemma.

usage: padt_to_tsv.py ar_padt-ud-dev.conllu > DATA/lemma/padt-dev.nodiac.tsv
"""
import re
import sys

MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for line in open(sys.argv[1], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or line.startswith("#") or not f[0].isdigit():
            continue
        sys.stdout.write("%s\t%s\t%s\n" % (MARKS.sub("", f[1]), MARKS.sub("", f[2]), f[3]))


if __name__ == "__main__":
    main()
