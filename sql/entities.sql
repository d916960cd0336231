--
-- ar_entities: every type, offsets, clitics, overlaps, edge inputs, and a
-- gazetteer that users extend, seen by another session without reconnecting.
--
SET client_min_messages = warning;

CREATE TEMP TABLE texts (id int, t text);
INSERT INTO texts VALUES
	(1, 'أعلن الأمين العام للأمم المتحدة أنطونيو غوتيريش يوم الأربعاء 20 سبتمبر 2023 في جنيف أن 193 دولة وقعت الاتفاقية.'),
	(2, 'تعاونت المديرية العامة للأمن الوطني وبالإنتربول مع السلطات المغربية والجزائرية والتونسية.'),
	(3, 'بلغت الخسائر 2.5 مليون دولار، أي 15% من الميزانية، و٣٠٠ ألف درهم، ونحو ٢٠ بالمئة في عام ٢٠٢١.'),
	(4, 'راسلوا press@example.org أو زوروا https://example.org/report، وتابعوا #مكافحة_الفساد و@interpol_hq.'),
	(5, 'في 15 أيلول 2023 و3 جانفي 2022 وفي شتنبر 2021 وسنة 2019 و2024-04-15 و12/03/2024 و15 رمضان 1444 هـ.'),
	(6, 'قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن منظمة OMSAC ستعقد مؤتمرها في الرباط.'),
	(7, 'الـمـديـريـة العامة للأمن الوطني أعلنَت توقيفَ المشتبه بهم في الدار البيضاء.');

-- the rows
SELECT id, e.entity, e.type, e.start_pos, e.length, e.normalized
FROM texts, ar_entities(t) e ORDER BY id, e.start_pos;

-- offsets: substr(input, start_pos, length) = entity on every row, rows ordered, never overlapping
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE substr(t, start_pos, length) <> entity) AS bad_offsets
FROM texts, ar_entities(t);
SELECT count(*) AS overlaps FROM (
	SELECT id, start_pos, length,
		   lag(start_pos + length) OVER (PARTITION BY id ORDER BY start_pos) AS prev_end
	FROM texts, ar_entities(t)) x
WHERE start_pos < prev_end;
SELECT bool_and(o = ordinality) AS in_order FROM (
	SELECT id, ordinality, row_number() OVER (PARTITION BY id ORDER BY start_pos) AS o
	FROM texts, ar_entities(t) WITH ORDINALITY) x;

-- pg_arabic.entity_model = off: the rules and the gazetteer alone (the
-- tagger follows ANERcorp's conventions, which tag institutions narrowly)
SET pg_arabic.entity_model = off;
SELECT id, e.entity, e.type, e.normalized FROM texts, ar_entities(t) e
WHERE id IN (2, 7) AND e.type = 'organization' ORDER BY id, e.start_pos;
RESET pg_arabic.entity_model;
SHOW pg_arabic.entity_model;

-- clitics stay outside the span; aliases share the canonical
SELECT entity, type, normalized FROM ar_entities('وبالإنتربول ولبنان وللمغرب وOMSAC');

-- every type appears at least once in the texts above
SELECT array_agg(DISTINCT type ORDER BY type) FROM texts, ar_entities(t);

-- NULL, empty, blank, diacritics only, a 1 MB input
SELECT count(*) FROM ar_entities(NULL);
SELECT count(*) FROM ar_entities('');
SELECT count(*) FROM ar_entities(E'  \n\t ');
SELECT count(*) FROM ar_entities('َُِّ');
-- (1 MB with sparse entities: substr() on a long text costs its offset, so
-- checking tens of thousands of rows would time the test, not the function)
SELECT octet_length(big) > 1000000 AS one_mb, count(*) AS rows,
	   count(*) FILTER (WHERE substr(big, start_pos, length) <> entity) AS bad_offsets
FROM (SELECT repeat(repeat('تحدث الناس عن الطقس والزراعة في القرى، ', 1500) ||
					'زار الرئيس إيمانويل ماكرون الرباط يوم 3 مارس 2023. ', 20) AS big) b,
	 ar_entities(big)
GROUP BY big;
SELECT count(*) AS rows FROM ar_entities(repeat('زار الرئيس إيمانويل ماكرون الرباط يوم 3 مارس 2023. ', 12000));

-- the function is STABLE (it reads the gazetteer), strict, parallel safe
SELECT provolatile, proisstrict, proparallel FROM pg_proc WHERE proname = 'ar_entities';

-- the gazetteer: user rows are added, seen, aliased and deleted
SELECT (SELECT count(*) FROM ar_gazetteer_shipped()) > 3000 AS shipped_rows, count(*) FILTER (WHERE NOT shipped) AS user_rows FROM ar_gazetteer;
SELECT count(*) FROM ar_entities('اجتمع فريق نجمة الصحراء للتحقيقات في المدينة');
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('فريق نجمة الصحراء للتحقيقات', 'organization', 'فريق نجمة الصحراء للتحقيقات'),
	('FNST', 'organization', 'فريق نجمة الصحراء للتحقيقات');
SELECT entity, type, normalized FROM ar_entities('اجتمع فريق نجمة الصحراء للتحقيقات (FNST) في المدينة');

-- a second session, connected before the change, sees committed changes at its next call
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', format('dbname=%s host=%s port=%s user=%s', current_database(),
	split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'), current_user));
SELECT * FROM dblink('other', $$SELECT count(*) FROM ar_entities('زار وفد مرصد الشفافية الرقمية المدينة')$$) AS r(n bigint);
INSERT INTO ar_gazetteer (name, type) VALUES ('مرصد الشفافية الرقمية', 'organization');
SELECT * FROM dblink('other', $$SELECT entity, type FROM ar_entities('زار وفد مرصد الشفافية الرقمية المدينة')$$) AS r(entity text, type text);
-- a change rolled back is never seen
BEGIN;
DELETE FROM ar_gazetteer WHERE name = 'مرصد الشفافية الرقمية';
SELECT * FROM dblink('other', $$SELECT count(*) FROM ar_entities('زار وفد مرصد الشفافية الرقمية المدينة')$$) AS r(n bigint);
ROLLBACK;
SELECT * FROM dblink('other', $$SELECT count(*) FROM ar_entities('زار وفد مرصد الشفافية الرقمية المدينة')$$) AS r(n bigint);
DELETE FROM ar_gazetteer WHERE NOT shipped;
SELECT * FROM dblink('other', $$SELECT count(*) FROM ar_entities('زار وفد مرصد الشفافية الرقمية المدينة')$$) AS r(n bigint);
-- deleted: neither the name nor its alias is known any more
SELECT entity, normalized FROM ar_entities('اجتمع فريق نجمة الصحراء للتحقيقات (FNST) في المدينة');
SELECT dblink_disconnect('other');
DROP EXTENSION dblink;

-- invalid rows are refused
INSERT INTO ar_gazetteer (name, type) VALUES ('شيء', 'thing');
INSERT INTO ar_gazetteer (name, type) VALUES ('  ', 'person');
