"""Pair-counting conflation score of a stemmer against gold lemmas, shared by
scripts/measure/stem.py (stems from a server) and test/eval_stem_offline.py
(stems from test/stem_cli), so both count the same way.

Items are distinct (form, lemma) pairs of content words (UPOS in CONTENT);
two items should share a stem exactly when they share a lemma."""
import collections

CONTENT = {"NOUN", "VERB", "ADJ", "PROPN", "ADV", "NUM", "X"}


def pairs(n):
    return n * (n - 1) // 2


def conflation(items, stem):
    """(precision, recall, F1) of the stem map (form -> stem) over items."""
    by_lemma = collections.Counter(lemma for _, lemma in items)
    by_stem = collections.Counter(stem[form] for form, _ in items)
    by_both = collections.Counter((stem[form], lemma) for form, lemma in items)
    right = sum(pairs(n) for n in by_both.values())
    made = sum(pairs(n) for n in by_stem.values())
    wanted = sum(pairs(n) for n in by_lemma.values())
    p = right / made if made else 0.0
    r = right / wanted if wanted else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
