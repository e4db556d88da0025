# bench/trace2sql.awk - turn a capture of bench/sqltrace.c + bench/sqlsteps.c
# (P, B and E lines) into a sqlite3 CLI script that runs every SELECT danvan
# executed, in the same order, as many times, with the values bound at that
# moment as CLI parameters (?1, ?2, ...: integers stay integers, texts stay
# texts, NULL stays NULL).  Statements SQLite runs on its own (the schema
# read of sqlite_master) and anything but SELECT / WITH are left out.
#
#   awk -v mode=run -f bench/trace2sql.awk trace.log >replay.sql
#   mode=params: the same parameter settings without the statements (the
#   cost of setting parameters, subtracted from the CLI time);
#   mode=list: one line per execution: the number of statements the run
#   script executes for it (DELETE of the parameters, their INSERT when
#   there are any, the SELECT: for matching .timer lines), a tab, the
#   statement text on one line.
function unesc(s,   r, i, c) {
	r = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" && i < length(s)) {
			i++
			c = substr(s, i, 1)
			r = r (c == "n" ? "\n" : c)
		} else
			r = r c
	}
	return r
}
function q(s) { gsub(/'/, "''", s); return "'" s "'" }
$1 == "P" {
	s = substr($0, length($1 " " $2 " ") + 1)
	sql[$2] = unesc(s)
	for (k in bv) { split(k, a, SUBSEP); if (a[1] == $2) delete bv[k] }
	nb[$2] = 0
	next
}
$1 == "B" {
	i = $3 + 0
	if ($4 == "I") v = $5
	else if ($4 == "N") v = "NULL"
	else { v = substr($0, length($1 " " $2 " " $3 " " $4 " ") + 1); v = q(unesc(v)) }
	bv[$2, i] = v
	if (i > nb[$2]) nb[$2] = i
	next
}
$1 == "E" {
	s = sql[$2]
	if (s == "" || s ~ /sqlite_master/ || toupper(s) !~ /^[ \t\n]*(SELECT|WITH)/)
		next
	if (mode == "list") { gsub(/\n/, " ", s); print (nb[$2] > 0 ? 3 : 2) "\t" s; next }
	printf "DELETE FROM temp.sqlite_parameters;\n"
	if (nb[$2] > 0) {
		printf "INSERT INTO temp.sqlite_parameters (key, value) VALUES "
		for (i = 1; i <= nb[$2]; i++)
			printf "%s('?%d', %s)", (i > 1 ? ", " : ""), i, ((($2, i) in bv) ? bv[$2, i] : "NULL")
		printf ";\n"
	}
	if (mode != "params") {
		sub(/[ \t\n;]*$/, "", s)
		print s ";"
	}
}
