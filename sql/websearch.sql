--
-- websearch_to_tsquery with ar: phrases, OR, negation, clitics in queries.
--
SET client_min_messages = warning;

SELECT websearch_to_tsquery('ar', 'الابتزاز الإلكتروني');
SELECT websearch_to_tsquery('ar', '"شبكة الابتزاز" -القاصرين');
SELECT websearch_to_tsquery('ar', 'الفساد or الرشوة');
SELECT websearch_to_tsquery('ar', 'في على من');   -- only stopwords

CREATE TABLE w (id int, body text);
INSERT INTO w VALUES
	(1, 'فككت الشرطة شبكة الابتزاز التي استهدفت القاصرين'),
	(2, 'فككت الشرطة شبكةً للابتزاز في المدينة'),
	(3, 'الابتزاز عبر شبكة الإنترنت'),
	(4, 'قضايا الرشوة أمام القضاء');
SELECT q, array_agg(id ORDER BY id) AS ids
FROM (VALUES ('"شبكة الابتزاز"'), ('"شبكه ابتزاز"'), ('الابتزاز -القاصرين'),
			 ('الابتزاز or الرشوة'), ('"الشرطة شبكة"'), ('رشوة')) v(q)
	LEFT JOIN w ON to_tsvector('ar', body) @@ websearch_to_tsquery('ar', q)
GROUP BY q ORDER BY q;
DROP TABLE w;
