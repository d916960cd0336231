# gaz_to_sql.awk: turn data/gazetteer.tsv (name TAB type TAB canonical) into
# the INSERT of the shipped gazetteer rows, spliced into the install script
# by the Makefile.  Lines starting with # are comments.
BEGIN {
	FS = "\t"
	n = 0
	print "INSERT INTO @extschema@.ar_gazetteer (name, type, canonical, shipped) VALUES"
}
/^#/ || NF < 2 || seen[$0]++ { next }	# comments, blanks, duplicates
{
	for (i = 1; i <= 3; i++)
		gsub(/'/, "''", $i)
	canon = ($3 == "") ? "NULL" : "'" $3 "'"
	printf "%s\t('%s', '%s', %s, true)", (n++ ? ",\n" : ""), $1, $2, canon
}
END { print ";" }
