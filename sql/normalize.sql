--
-- ar_normalize: every rule alone and combined, both profiles, edge cases,
-- every error.
--
SET client_min_messages = warning;

-- each rule alone
SELECT ar_normalize('مُحَمَّدٌ الْقُرْآنٰ', 'diacritics');
SELECT ar_normalize('ذٰلِكَ ﷺ', 'diacritics');
SELECT ar_normalize('جـريـمـة الـفـسـاد', 'tatweel');
SELECT ar_normalize('أحمد إبراهيم آمنة ٱلله', 'alef');
SELECT ar_normalize('مستشفى على', 'yeh');
SELECT ar_normalize('مدينة الشرطة', 'teh_marbuta');
SELECT ar_normalize('مؤتمر رئيس', 'hamza');
SELECT ar_normalize('٢٠٢٣ و ۱۴۰۲', 'digits');
SELECT ar_normalize('ﻻ ﺍﻟﺴﻼﻡ ﷲ', 'presentation');
SELECT ar_normalize(E'مك\u200cافحة\u200f \u202bنص\u202c\ufeff', 'invisible') = 'مكافحة نص' AS invisible_removed;
SELECT ar_normalize('کتاب یک ۀ', 'persian');
SELECT ar_normalize('نعم، لا؛ لماذا؟ ٪٥', 'punctuation');

-- a rule leaves what it does not cover alone
SELECT ar_normalize('أَحْمَدُ', 'tatweel');
SELECT ar_normalize('أَحْمَدُ', 'alef');

-- combined rules (order does not matter, case and spaces ignored)
SELECT ar_normalize('أَحْمَدُ ـ إلى', 'alef,diacritics');
SELECT ar_normalize('أَحْمَدُ ـ إلى', ' Diacritics , ALEF ,yeh ');
SELECT ar_normalize('أَحْمَدُ', 'alef,diacritics') = ar_normalize('أَحْمَدُ', 'diacritics,alef') AS order_free;

-- canonical composition comes first: alef + U+0654 is alef with hamza
SELECT ar_normalize(E'\u0627\u0654', 'display') = 'أ' AS composed;
SELECT ar_normalize(E'\u0627\u0654\u062d\u0645\u062f') = ar_normalize('أحمد') AS nfd_matches_nfc;
SELECT ar_normalize(E'\u064a\u0654', 'hamza');

-- profiles
SELECT ar_normalize('الـفَسَادُ ﻻ ٢٠٢٣ أحمد، مستشفى');
SELECT ar_normalize('الـفَسَادُ ﻻ ٢٠٢٣ أحمد، مستشفى', 'search');
SELECT ar_normalize('الـفَسَادُ ﻻ ٢٠٢٣ أحمد، مستشفى', 'display');
SELECT ar_normalize('أحمد', 'search,display') = ar_normalize('أحمد') AS union_of_profiles;

-- NULL, empty, diacritics only, mixed scripts
SELECT ar_normalize(NULL) IS NULL AS null_in_null_out;
SELECT ar_normalize(NULL, 'alef') IS NULL AS null_text;
SELECT ar_normalize('أ', NULL) IS NULL AS null_rules;
SELECT ar_normalize('') = '' AS empty;
SELECT length(ar_normalize('َُِّْ')) AS diacritics_only;
SELECT ar_normalize('Interpol (الإنتربول) و OMSAC 2023');

-- volatility and parallel safety, for use in indexes
SELECT p.oid::regprocedure, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p WHERE p.proname = 'ar_normalize' ORDER BY 1::text;
CREATE TABLE norm_t (body text);
INSERT INTO norm_t VALUES ('الأَخْبَار'), ('الاخبار'), ('الإخبار');
CREATE INDEX ON norm_t (ar_normalize(body));
SELECT count(*) FROM norm_t WHERE ar_normalize(body) = ar_normalize('الأخبار');
DROP TABLE norm_t;

-- a 1 MB input: output length is the input minus what was removed
SELECT length(ar_normalize(repeat('مُحَمَّد ', 110000))) = 5 * 110000 AS one_mb,
       octet_length(repeat('مُحَمَّد ', 110000)) > 1000000 AS input_is_1mb;

-- errors
SELECT ar_normalize('نص', 'nonsense');
SELECT ar_normalize('نص', 'alef, bogus');
SELECT ar_normalize('نص', '');
SELECT ar_normalize('نص', 'alef,,yeh');
