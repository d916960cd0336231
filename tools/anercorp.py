"""anercorp.py: reading ANERcorp-style CoNLL files (token TAB tag, blank line
between sentences), shared by tools/train_ner.py and test/eval_ner_offline.py
so that training and measurement see the same sentences and classes."""

# ANERcorp's tags (B-PERS ...) to the classes we extract and measure
GOLD = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def read_conll(path):
    """The sentences of path, each a list of (token, tag)."""
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
        elif len(parts) >= 2:
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def main():
    """Print sentences [0, --to) as plain text, one a line (the unlabelled
    text tools/ner_clusters.c learns from besides the ANT corpus)."""
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--to", type=int, default=3500)
    a = ap.parse_args()
    if a.to > 3500:
        ap.error("sentences from 3500 on are the dev split")
    for s in read_conll(a.gold)[:a.to]:
        print(" ".join(w.replace("\n", " ") for w, _ in s))


if __name__ == "__main__":
    main()
