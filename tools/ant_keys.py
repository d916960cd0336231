"""Word counts of the ANT news corpus by search key, for the table generators
gen_stem_freq.py and gen_wordfreq.py (beside this module).

key_counts(path) reads ARTICLES.tsv (header line, then title and text in
columns 4 and 5, with \\n for a line break), counts its Arabic word forms and
merges them by their search-normalized key (test/stem_cli --none, which must
be built), so the tables agree with the keys the engine computes.
"""
import collections, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile("[\u0621-\u065F\u0670-\u06D3\u0640\u200C]+")


def articles_path():
    """ARTICLES.tsv from the command line, else the shared ANT corpus."""
    return sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "corpora", "ant", "articles.tsv")


def key_counts(path):
    raw = collections.Counter()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            text = (cols[3] + " " + cols[4]).replace("\\n", " ")
            raw.update(WORD.findall(text))
    forms = sorted(raw)
    out = subprocess.run([os.path.join(ROOT, "test", "stem_cli"), "--none"],
                         input="\n".join(forms) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    count = collections.Counter()
    for form, key in zip(forms, out):
        if key:
            count[key] += raw[form]
    return count
