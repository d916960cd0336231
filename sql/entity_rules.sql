--
-- ar_entities span rules that hold whatever the tagger says (the model is on
-- here), normalized values as grouping keys, gazetteer names with
-- punctuation, long names and duplicate rows, dates and amounts.
--
-- a first letter و ف ب ك ل stays when the rest is not a word
SELECT entity, type, normalized FROM ar_entities(
  'التقى الزعيم الكوري كيم جونغ أون وقالت وداد بوشماوي إن باتريك إيبا زار سيدي بوزيد') ORDER BY start_pos;
SELECT entity, type FROM ar_entities('قدم موقع بوليتيكا تقريرا عن بلقاسم') ORDER BY start_pos;
-- ... and goes when it is a clitic
SELECT entity, type, normalized FROM ar_entities('زار الوفد وتونس ولوكالة تونس إفريقيا للأنباء') ORDER BY start_pos;
-- an organization head with its genitive chain, ل-genitive and و inside is one span
SELECT entity, type FROM ar_entities('وأعلنت المديرية العامة للأمن الوطني أن') WHERE type = 'organization';
SELECT entity, type FROM ar_entities('ونشرت منظمة الأمن العالمية لمكافحة الفساد تقريرها') WHERE type = 'organization';
SELECT entity, type FROM ar_entities('وأصدر مكتب الأمم المتحدة المعني بالمخدرات والجريمة تقريرا') WHERE type = 'organization';
SELECT entity, type FROM ar_entities('سجلت محطات الرصد التابعة للمعهد الوطني للرصد الجوي رجة') WHERE type = 'organization';
-- the chain stops at punctuation, a preposition
SELECT entity, type FROM ar_entities('وأعلن الاتحاد العام التونسي للشغل، في بيان، أن') WHERE type = 'organization';
SELECT entity, type FROM ar_entities('وقال المعهد الوطني للإحصاء في تقرير نشره أمس إن') WHERE type = 'organization';
-- a known name after و is its own entity
SELECT entity, type FROM ar_entities('تعاونت المديرية العامة للأمن الوطني وبالإنتربول') ORDER BY start_pos;
-- an acronym or alias after a head: the canonical of the name inside
SELECT entity, normalized FROM ar_entities('وصرح المسؤول في منظمة OMSAC بأن') WHERE type = 'organization';
-- never an entity: a bare head, a lone adjective or noun, a verb, lowercase Latin words
SELECT count(*) AS none FROM ar_entities('قالت حركة إن الحزب المركزي يضمن الفساد') WHERE type IN ('person', 'organization', 'location');
SELECT count(*) AS none FROM ar_entities('نشر موقع of page actualités الخبر') WHERE type IN ('person', 'organization', 'location');
SELECT entity, type FROM ar_entities('أعلنت UNESCO أن') WHERE type = 'organization';
-- a gazetteer name that is also a common word needs context; towns are places
SELECT count(*) AS none FROM ar_entities('قدمت الدولة دعم مالي كبير') WHERE type = 'location';
SELECT entity, type FROM ar_entities('وصل الجنود إلى مالي') WHERE type = 'location';
SELECT entity, type, normalized FROM ar_entities('من بن قردان إلى بن عروس ثم سيدي بوزيد') ORDER BY start_pos;
SELECT entity, type, normalized FROM ar_entities('فاز إتحاد بن قردان على أولمبيك سيدي بوزيد') ORDER BY start_pos;

-- normalized: the canonical whatever decided the span, else search-folded
SELECT entity, type, normalized FROM ar_entities('زار أمريكا وفرنسا') ORDER BY start_pos;
SELECT entity, normalized FROM ar_entities('قرار للأمم المتحدة') WHERE type = 'organization';
SELECT count(DISTINCT normalized) AS one_value FROM ar_entities(
  'زار افريقيا ثم أفريقيا ثم إفريقيا') WHERE type = 'location';
SELECT count(DISTINCT normalized) AS one_value, min(normalized) FROM ar_entities(
  'قال مُحمد بنعلي إن ... وقال محمد بنعلي إن') WHERE type = 'person';
-- the BI label: the most frequent surface form of each value
SELECT e.normalized, mode() WITHIN GROUP (ORDER BY e.entity) AS label, count(*)
FROM (VALUES ('زار افريقيا'), ('في أفريقيا'), ('من أفريقيا'), ('إلى أفريقيا')) t(body),
     ar_entities(t.body) e
WHERE e.type = 'location' GROUP BY 1;

-- gazetteer names with punctuation, long names, two rows for one name
SELECT entity, normalized FROM ar_entities('في الكونغو - برازافيل وتيمور - ليشتي') ORDER BY start_pos;
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
  ('AT&T', 'organization', NULL),
  ('Procter & Gamble', 'organization', NULL),
  ('بن-علي', 'person', 'زين العابدين بن علي'),
  ('جمعية واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة إحدى اثنتا عشرة', 'organization', NULL);
SELECT entity, type, normalized FROM ar_entities(
  'اشترت AT&T حصة من Procter & Gamble وقال بن-علي إن جمعية واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة إحدى اثنتا عشرة تأسست') ORDER BY start_pos;
SELECT count(*) AS no_match FROM ar_entities('اشترت AT T حصة') WHERE normalized = 'AT&T';
-- two user rows with one name: the same type whatever the rows' order
INSERT INTO ar_gazetteer (name, type) VALUES ('زيتونة الشمال', 'location'), ('زيتونة الشمال', 'organization');
SELECT entity, type FROM ar_entities('زار زيتونة الشمال');
DELETE FROM ar_gazetteer WHERE name = 'زيتونة الشمال';
INSERT INTO ar_gazetteer (name, type) VALUES ('زيتونة الشمال', 'organization'), ('زيتونة الشمال', 'location');
SELECT entity, type FROM ar_entities('زار زيتونة الشمال');
DELETE FROM ar_gazetteer WHERE NOT shipped;

-- dates and amounts
SELECT entity, type, normalized FROM ar_entities(
  'في كانون الثاني 2024 ثم 15 كانون الثاني 2024 ويوم 24 ديسمبر') ORDER BY start_pos;
SELECT count(*) AS not_dates FROM ar_entities('في 31 فبراير 2023 و 29 فبراير 2023 و 31/04/2023')
  WHERE type = 'date' AND normalized ~ '^\d{4}-\d\d-\d\d$';
SELECT entity, normalized, normalized::date = date '2024-02-29' AS casts FROM ar_entities('في 29 فبراير 2024') WHERE type = 'date';
SELECT entity, type, normalized FROM ar_entities(
  'بلغ 0.5 مليون دولار و 300 دينار جزائري و 5 دنانير تونسية و 3 الدينار التونسي و 200 ريال سعودي و 50 درهما إماراتيا و 10 جنيهات مصرية') ORDER BY start_pos;

-- a name too long to match is reported, not silently skipped
INSERT INTO ar_gazetteer (name, type) VALUES
  (repeat('كلمة ', 33) || 'أخيرة', 'organization');
SELECT count(*) FROM ar_entities('كلمة');
DELETE FROM ar_gazetteer WHERE NOT shipped;
