--
-- ar_parser: token types, boundaries, every byte in some token, and the
-- same answer in every locale (this file runs in a C and a UTF-8 database).
--
SET client_min_messages = warning;

SELECT tokid, alias, description FROM ts_token_type('ar_parser') ORDER BY tokid;

-- Arabic punctuation never sticks to words; diacritics, tatweel and ZWNJ stay inside
SELECT alias, token FROM ts_debug('ar', 'قال الرئيسُ، «لا»؛ هل نجح؟ الـفـسـاد');
SELECT alias, token FROM ts_debug('ar', E'می\u200cخواهم كلمة\u200c');

-- Latin words, acronyms, mixed letters and digits, scripts never glued
SELECT alias, token FROM ts_debug('ar', 'منظمة OMSAC ولـUNICEF وG20 و5G covid19');

-- numbers: ASCII and Arabic-Indic digits, decimal and thousands separators
SELECT alias, token FROM ts_debug('ar', '2.5 مليون 1,000 ٣٫٥ ١٬٢٠٠ ٢٠٢٣م 15%');

-- URLs, emails, hashtags, mentions; trailing punctuation is not part of a URL
SELECT alias, token FROM ts_debug('ar', 'انظر https://example.org/a?b=1، وراسلوا press@example.org. #مكافحة_الفساد @interpol_hq');

-- every input byte belongs to exactly one token
SELECT string_agg(token, '' ORDER BY ordinality) = t AS covers_input
FROM (VALUES (E'\u200fنص\u200e مختلط Latin ١٢٣!؟ https://x.org/ #وسم')) v(t),
	 LATERAL ts_parse('ar_parser', t) WITH ORDINALITY AS p(tokid, token)
GROUP BY t;

-- degenerate inputs
SELECT count(*) FROM ts_parse('ar_parser', '');
SELECT alias, token FROM ts_debug('ar', E'\u064e\u064f \u200f');
SELECT alias, token FROM ts_debug('ar', '# @ #_');

-- no token over 16,384 bytes: a longer word is its first piece, then blanks;
-- the input is still covered, and to_tsvector is what it was for the whole
-- word (too long to be indexed: only the next word)
SELECT alias, octet_length(token) FROM ts_debug('ar', repeat('ب', 9000) || ' كتب');
SELECT string_agg(token, '' ORDER BY ordinality) = t AS covers_input
FROM (VALUES (repeat('بَ', 10000) || ' نص')) v(t),
	 LATERAL ts_parse('ar_parser', t) WITH ORDINALITY AS p(tokid, token)
GROUP BY t;
SELECT to_tsvector('ar', repeat('ب', 9000) || ' كتب');
