--
-- ts_headline with ar: highlights the original text, diacritics and tatweel intact.
--
SET client_min_messages = warning;

SELECT ts_headline('ar', 'قال الرئيسُ إنّ الابتـزازَ الإلكترونيَّ يتزايد، وإنّ مكافحةَ والابتزاز واجبة.',
	plainto_tsquery('ar', 'ابتزاز'));
SELECT ts_headline('ar', 'أعلنت الشرطة «اعتقال» المشتبه بهم في بيروت؛ ثم أفرجت عنهم.',
	plainto_tsquery('ar', 'اعتقال بيروت'), 'StartSel=[, StopSel=]');
SELECT ts_headline('ar', 'تقرير UNICEF عن الأطفال في ٢٠٢٣ https://example.org/r',
	plainto_tsquery('ar', 'unicef 2023'));
-- a long text gives a fragment around the match, never a broken character
SELECT ts_headline('ar', repeat('كلام عادي لا علاقة له بالموضوع. ', 50) || 'وضبطت الشرطةُ شبكةَ الابتزاز.' || repeat(' نص آخر طويل.', 50),
	plainto_tsquery('ar', 'الابتزاز'), 'MaxWords=8, MinWords=4');
SELECT ts_headline('ar', 'الفساد والرشوة', plainto_tsquery('ar', 'الفساد'), 'MaxFragments=2, MaxWords=5, MinWords=1');
