"""Shared by the measuring scripts (scripts/measure/*.py): where the data is,
and one psql session per measurement (no Python driver needed).

The server is the one of the libpq environment (PGHOST, PGPORT, PGUSER,
PGDATABASE), with pg_arabic installed in that database."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "eval", "data")

HOW_TO_GET = """\
The data sets (see README.md, "Measuring"):
  lemma/padt-dev.nodiac.tsv  UD_Arabic-PADT dev: form, lemma, UPOS (diacritics removed)
  ir/docs.tsv, ir/queries.tsv, ir/qrels.tsv  ARCD paragraphs, questions, judgements
  ner/anercorp-train.tsv     ANERcorp, CAMeL Lab split: token, IOB2 tag"""


def data_dir(arg):
    """The data directory: the argument, else ../shared/eval/data when present."""
    d = arg or (DEFAULT_DATA if os.path.isdir(DEFAULT_DATA) else None)
    if d is None or not os.path.isdir(d):
        sys.exit("no data directory%s\n%s" % (" " + arg if arg else
                                               " given and no " + DEFAULT_DATA, HOW_TO_GET))
    return d


def data_file(d, rel):
    path = os.path.join(d, rel)
    if not os.path.isfile(path):
        sys.exit("missing %s\n%s" % (path, HOW_TO_GET))
    return path


def copy_escape(field):
    """A value for COPY's text format."""
    return (field.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def psql(script, stdin_rows=()):
    """Run an SQL script in one session; \\copy ... FROM pstdin reads
    stdin_rows (lists of fields), and the rows the script prints (unaligned,
    tab-separated, e.g. from \\copy (...) TO pstdout) are returned as lists."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", encoding="utf-8", delete=False) as f:
        f.write("SET client_min_messages = warning;\n" + script)
        path = f.name
    data = "".join("\t".join(copy_escape(str(x)) for x in row) + "\n" for row in stdin_rows)
    env = dict(os.environ, PGCLIENTENCODING="UTF8")
    try:
        r = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                            "-f", path], input=data, capture_output=True, text=True,
                           encoding="utf-8", env=env)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        sys.exit("psql failed:\n" + r.stderr)
    return [line.split("\t") for line in r.stdout.split("\n") if line != ""]
