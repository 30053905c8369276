package testbin

import (
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// Content is everything a ledger holds, as text, read without writing to
// it, to tell "unchanged" and "fully changed" apart from anything in
// between. It fails the test when the file is not whole (integrity_check,
// foreign_key_check).
func Content(tb testing.TB, path string) string {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		tb.Fatalf("integrity_check on %s: %q %v", path, check, err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		tb.Fatal(err)
	}
	if rows.Next() {
		tb.Fatalf("foreign_key_check on %s reports a violation", path)
	}
	rows.Close()
	var b strings.Builder
	for _, q := range []string{
		"SELECT id, title, category, description, basis, ifnull(archived_on,''), archive_reason, updated_at FROM duties ORDER BY id",
		"SELECT duty_id, year, cadence, min, ifnull(start_date,'') FROM targets ORDER BY duty_id, year",
		"SELECT id, duty_id, date, topic, participants, place, note, updated_at, ifnull(for_period,'') FROM records ORDER BY id",
		"SELECT name, post, unit, ifnull(start_date,'') FROM profile",
		"SELECT duty_id, period, reason FROM excuses ORDER BY duty_id, period",
		"SELECT id, evidence FROM duties ORDER BY id",
		"SELECT id, record_id, ifnull(sha256,''), name, size, media_type, paper, added_at FROM evidence ORDER BY id",
		"SELECT sha256, size FROM blobs ORDER BY sha256",
	} {
		rows, err := db.Query(q)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	return b.String()
}

// stampRE matches the UTC write stamps the store puts on every row.
var stampRE = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

// Unstamped is a ledger's Content with every write stamp masked: two runs
// of the same command at different moments leave the same Unstamped
// content.
func Unstamped(content string) string { return stampRE.ReplaceAllString(content, "<stamp>") }
