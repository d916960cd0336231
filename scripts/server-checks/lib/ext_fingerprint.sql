-- scripts/server-checks/lib/ext_fingerprint.sql: every catalog fact about an
-- extension's member objects, one sorted line each, so that two databases can
-- be compared with diff.  Generic: it walks pg_depend (deptype 'e'), never a
-- list of names, so objects added to the extension later are covered too.
-- Nothing here depends on OIDs: objects are named by pg_describe_object /
-- pg_identify_object, types by format_type, functions by regprocedure.
-- Usage: psql -v ext=pg_arabic -f ext_fingerprint.sql
\set QUIET on
\pset tuples_only on
\pset format unaligned
WITH ext AS (
	SELECT * FROM pg_extension WHERE extname = :'ext'
),
member AS (
	SELECT d.classid, d.objid, d.objsubid,
		   pg_describe_object(d.classid, d.objid, d.objsubid) AS what
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid
	  AND d.deptype = 'e'
),
-- member relations, with their own sub-objects (columns, indexes...) below
rel AS (
	SELECT m.what, c.* FROM member m JOIN pg_class c ON c.oid = m.objid
	WHERE m.classid = 'pg_class'::regclass
),
fact(what, fact) AS (
	-- the extension itself
	SELECT 'extension ' || extname, 'version ' || extversion || ', relocatable ' || extrelocatable
		   || ', schema ' || extnamespace::regnamespace FROM ext
	UNION ALL
	SELECT 'extension ' || extname, 'config table ' || c::regclass || ' dump condition '
		   || quote_literal(coalesce(extcondition[i], ''))
	FROM ext, unnest(extconfig) WITH ORDINALITY u(c, i)
	UNION ALL
	-- membership and identity
	SELECT what, 'member: ' || (SELECT type || ' ' || identity
								FROM pg_identify_object(classid, objid, objsubid))
	FROM member
	UNION ALL
	-- comments on members and on their sub-objects (columns)
	SELECT pg_describe_object(m.classid, m.objid, ds.objsubid), 'comment ' || quote_literal(ds.description)
	FROM member m JOIN pg_description ds ON ds.classoid = m.classid AND ds.objoid = m.objid
	UNION ALL
	-- initial privileges recorded for members (what GRANTs in the scripts left)
	SELECT pg_describe_object(m.classid, m.objid, ip.objsubid),
		   format('initial privileges %s %s', ip.privtype, ip.initprivs)
	FROM member m JOIN pg_init_privs ip ON ip.classoid = m.classid AND ip.objoid = m.objid
	UNION ALL
	-- what members depend on (a trigger on the right function, a dictionary
	-- on the right template...), toast tables aside (their names carry OIDs)
	SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid),
		   format('depends (%s) on %s', d.deptype,
				  pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid))
	FROM member m JOIN pg_depend d ON d.classid = m.classid AND d.objid = m.objid
	WHERE d.deptype <> 'e'
	  AND pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid) NOT LIKE '%pg_toast%'
	UNION ALL
	-- functions: signature, result, volatility, parallel safety, strictness...
	SELECT m.what, format('%s(%s) returns %s; kind %s, volatility %s, parallel %s, strict %s, '
						  'security definer %s, leakproof %s, cost %s, rows %s, language %s, '
						  'config %s, acl %s, symbol %s, library %s',
						  p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
						  p.prokind, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
						  p.proleakproof, p.procost, p.prorows, l.lanname, p.proconfig,
						  p.proacl, CASE WHEN l.lanname = 'c' THEN p.prosrc END, p.probin)
	FROM member m JOIN pg_proc p ON p.oid = m.objid JOIN pg_language l ON l.oid = p.prolang
	WHERE m.classid = 'pg_proc'::regclass
	UNION ALL
	-- the bodies of SQL and PL functions
	SELECT m.what, 'body ' || md5(p.prosrc)
	FROM member m JOIN pg_proc p ON p.oid = m.objid JOIN pg_language l ON l.oid = p.prolang
	WHERE m.classid = 'pg_proc'::regclass AND l.lanname <> 'c'
	UNION ALL
	SELECT m.what, format('aggregate transition %s, final %s, state %s, initial %s, combine %s',
						  a.aggtransfn, a.aggfinalfn, format_type(a.aggtranstype, NULL),
						  a.agginitval, a.aggcombinefn)
	FROM member m JOIN pg_aggregate a ON a.aggfnoid = m.objid
	WHERE m.classid = 'pg_proc'::regclass
	UNION ALL
	-- relations: kind, persistence, options, access rights, row security
	SELECT r.what, format('relkind %s, persistence %s, options %s, acl %s, row security %s/%s, am %s',
						  r.relkind, r.relpersistence, r.reloptions, r.relacl,
						  r.relrowsecurity, r.relforcerowsecurity,
						  (SELECT amname FROM pg_am WHERE oid = r.relam))
	FROM rel r
	UNION ALL
	-- columns, by position among the live ones (SELECT * and COPY see the order)
	SELECT r.what, format('column %s %s %s%s%s%s%s%s%s', row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum),
						  a.attname, format_type(a.atttypid, a.atttypmod),
						  CASE WHEN a.attnotnull THEN ' not null' END,
						  CASE WHEN a.attgenerated <> '' THEN ' generated ' || a.attgenerated::text END,
						  CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text END,
						  ' default ' || pg_get_expr(ad.adbin, ad.adrelid),
						  CASE WHEN a.attcollation <> 0 THEN ' collate ' || a.attcollation::regcollation END,
						  ' acl ' || a.attacl::text)
	FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_attrdef ad ON ad.adrelid = r.oid AND ad.adnum = a.attnum
	UNION ALL
	SELECT r.what, 'constraint ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
	FROM rel r JOIN pg_constraint co ON co.conrelid = r.oid
	UNION ALL
	SELECT r.what, 'index ' || pg_get_indexdef(i.indexrelid)
	FROM rel r JOIN pg_index i ON i.indrelid = r.oid
	UNION ALL
	SELECT r.what, format('trigger %s enabled %s', pg_get_triggerdef(t.oid), t.tgenabled)
	FROM rel r JOIN pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal
	UNION ALL
	SELECT r.what, format('policy %s %s %s to %s using %s check %s', po.polname, po.polcmd,
						  po.polpermissive, po.polroles::regrole[], pg_get_expr(po.polqual, po.polrelid),
						  pg_get_expr(po.polwithcheck, po.polrelid))
	FROM rel r JOIN pg_policy po ON po.polrelid = r.oid
	UNION ALL
	SELECT r.what, 'view ' || pg_get_viewdef(r.oid)
	FROM rel r WHERE r.relkind IN ('v', 'm')
	UNION ALL
	SELECT r.what, format('sequence %s start %s increment %s min %s max %s cache %s cycle %s',
						  format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
						  s.seqmax, s.seqcache, s.seqcycle)
	FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
	UNION ALL
	-- types: enums, domains, composites (their columns are covered above via pg_class)
	SELECT m.what, format('type %s kind %s, category %s, input %s, output %s, base %s, default %s, notnull %s',
						  format_type(t.oid, NULL), t.typtype, t.typcategory, t.typinput, t.typoutput,
						  format_type(t.typbasetype, t.typtypmod), t.typdefault, t.typnotnull)
	FROM member m JOIN pg_type t ON t.oid = m.objid
	WHERE m.classid = 'pg_type'::regclass
	UNION ALL
	SELECT m.what, 'enum label ' || e.enumsortorder || ' ' || e.enumlabel
	FROM member m JOIN pg_enum e ON e.enumtypid = m.objid
	WHERE m.classid = 'pg_type'::regclass
	UNION ALL
	SELECT m.what, 'domain constraint ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
	FROM member m JOIN pg_constraint co ON co.contypid = m.objid
	WHERE m.classid = 'pg_type'::regclass
	UNION ALL
	SELECT m.what, format('operator %s(%s, %s) returns %s, function %s, commutator %s, negator %s, '
						  'restrict %s, join %s, hashes %s, merges %s',
						  o.oprname, format_type(o.oprleft, NULL), format_type(o.oprright, NULL),
						  format_type(o.oprresult, NULL), o.oprcode, o.oprcom::regoperator,
						  o.oprnegate::regoperator, o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge)
	FROM member m JOIN pg_operator o ON o.oid = m.objid
	WHERE m.classid = 'pg_operator'::regclass
	UNION ALL
	SELECT m.what, format('cast context %s, method %s, function %s', c.castcontext, c.castmethod,
						  c.castfunc::regprocedure)
	FROM member m JOIN pg_cast c ON c.oid = m.objid
	WHERE m.classid = 'pg_cast'::regclass
	UNION ALL
	-- operator families: their operators and support functions (not members themselves)
	SELECT m.what, format('operator %s strategy %s %s (%s, %s)', ao.amopopr::regoperator, ao.amopstrategy,
						  ao.amoppurpose, format_type(ao.amoplefttype, NULL), format_type(ao.amoprighttype, NULL))
	FROM member m JOIN pg_amop ao ON ao.amopfamily = m.objid
	WHERE m.classid = 'pg_opfamily'::regclass
	UNION ALL
	SELECT m.what, format('support %s %s (%s, %s)', ap.amprocnum, ap.amproc::regprocedure,
						  format_type(ap.amproclefttype, NULL), format_type(ap.amprocrighttype, NULL))
	FROM member m JOIN pg_amproc ap ON ap.amprocfamily = m.objid
	WHERE m.classid = 'pg_opfamily'::regclass
	UNION ALL
	SELECT m.what, format('opclass for %s, type %s, default %s, storage %s', oc.opcfamily,
						  format_type(oc.opcintype, NULL), oc.opcdefault, format_type(oc.opckeytype, NULL))
	FROM member m JOIN pg_opclass oc ON oc.oid = m.objid
	WHERE m.classid = 'pg_opclass'::regclass
	UNION ALL
	-- text search: parsers, templates, dictionaries and configuration mappings
	SELECT m.what, format('parser start %s, token %s, end %s, lextypes %s, headline %s', p.prsstart,
						  p.prstoken, p.prsend, p.prslextype, p.prsheadline)
	FROM member m JOIN pg_ts_parser p ON p.oid = m.objid
	WHERE m.classid = 'pg_ts_parser'::regclass
	UNION ALL
	SELECT m.what, format('template init %s, lexize %s', t.tmplinit, t.tmpllexize)
	FROM member m JOIN pg_ts_template t ON t.oid = m.objid
	WHERE m.classid = 'pg_ts_template'::regclass
	UNION ALL
	SELECT m.what, format('dictionary %s, options %s',
						  pg_describe_object('pg_ts_template'::regclass, d.dicttemplate, 0), d.dictinitoption)
	FROM member m JOIN pg_ts_dict d ON d.oid = m.objid
	WHERE m.classid = 'pg_ts_dict'::regclass
	UNION ALL
	SELECT m.what, format('mapping %s %s %s', tt.alias, cm.mapseqno, cm.mapdict::regdictionary)
	FROM member m JOIN pg_ts_config c ON c.oid = m.objid
	JOIN pg_ts_config_map cm ON cm.mapcfg = c.oid
	JOIN LATERAL ts_token_type(c.cfgparser) tt ON tt.tokid = cm.maptokentype
	WHERE m.classid = 'pg_ts_config'::regclass
	UNION ALL
	SELECT m.what, format('event trigger on %s, function %s, tags %s, enabled %s', e.evtevent,
						  e.evtfoid::regprocedure, e.evttags, e.evtenabled)
	FROM member m JOIN pg_event_trigger e ON e.oid = m.objid
	WHERE m.classid = 'pg_event_trigger'::regclass
)
SELECT what || ' | ' || fact FROM fact ORDER BY 1;
