-- demo/tour.sql: a guided tour of what pg_arabic does on the sample corpus.
\pset footer off
\echo
\echo '== The corpus =='
SELECT count(*) AS articles, sum(length(body)) AS characters FROM articles;

\echo
\echo '== Normalization: ar_normalize(text) folds what readers consider the same =='
SELECT w AS written, ar_normalize(w) AS normalized
FROM (VALUES ('الفَسَادُ'), ('الـفـسـاد'), ('أعلن'), ('اعلن'), ('مستشفى'), ('٢٠٢٣'), ('ﻻ')) v(w);

\echo
\echo '== ... and the display profile only cleans, losing nothing a reader sees =='
SELECT w AS written, ar_normalize(w, 'display') AS display
FROM (VALUES ('الـفَسَادُ'), ('ﺍﻟﺴﻼﻡ')) v(w);

\echo
\echo '== Articles that mention corruption, whatever the spelling =='
SELECT id, left(title, 60) AS title
FROM articles
WHERE ar_normalize(body) LIKE '%' || ar_normalize('الفساد') || '%'
ORDER BY id;
