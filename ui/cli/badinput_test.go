package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"taizhang/ui/internal/testbin"
)

// dump is the ledger's whole content as text, to compare before and after.
func dump(t *testing.T, db string) string { return testbin.Content(t, db) }

// Every bad input exits 2 with one sentence on standard error, prints
// nothing on standard output, and changes nothing in the ledger.
func TestBadInput(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, db, "duty", "add", "--title", "专题学法", "--category", "study", "--cadence", "year", "--min", "2")
	ok(t, db, "duty", "add", "--title", "旧事项", "--category", "other", "--cadence", "year", "--min", "1", "--year", "2025")
	ok(t, db, "log", "会前学法", "--date", "2026-03-01")
	text := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(text, []byte("这不是台账文件，只是一段文字。这不是台账文件，只是一段文字。这不是台账文件，只是一段文字。"), 0o600)
	existing := filepath.Join(t.TempDir(), "exists.db")
	os.WriteFile(existing, []byte("x"), 0o600)

	tests := []struct {
		name string
		args []string
		says string // a part of the English message
	}{
		{"unknown command", []string{"frobnicate"}, "there is no command frobnicate"},
		{"unknown flag", []string{"status", "--colour"}, "unknown flag"},
		{"misspelt flag", []string{"status", "--yaer", "2026"}, "did you mean"},
		{"escape in an unknown argument", []string{"status", "\x1b]0;title\x07"}, "unexpected argument"},
		{"value that looks like a flag", []string{"log", "会前", "--with", "-张三"}, "--with"},
		{"bad lang", []string{"--lang", "fr", "status"}, "--lang must be zh or en"},
		{"status bad year", []string{"status", "--year", "26"}, "outside 1900-2999"},
		{"status year not a number", []string{"status", "--year", "next"}, "--year"},
		{"status bad as-of", []string{"status", "--as-of", "2026-02-30"}, "not a valid date"},
		{"status future as-of", []string{"status", "--as-of", "2026-12-01"}, "after today"},
		{"status json and short", []string{"status", "--json", "--short"}, "can't be used together"},
		{"duty add no title", []string{"duty", "add", "--category", "study", "--cadence", "month", "--min", "1"}, "missing flags"},
		{"duty add nothing", []string{"duty", "add"}, "missing flags: --cadence=STRING, --category=STRING, --min=INT, --title=STRING"},
		{"duty add empty title", []string{"duty", "add", "--title", " ", "--category", "study", "--cadence", "month", "--min", "1"}, "title is empty"},
		{"duty add escape-only title", []string{"duty", "add", "--title", "\x1b[2J", "--category", "study", "--cadence", "month", "--min", "1"}, "title is empty"},
		{"duty add bad category", []string{"duty", "add", "--title", "x", "--category", "party", "--cadence", "month", "--min", "1"}, "category"},
		{"duty add bad cadence", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "daily", "--min", "1"}, "cadence"},
		{"duty add zero min", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "0"}, "--min 0"},
		{"duty add huge min", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "5000"}, "--min 5000"},
		{"duty add min not a number", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "two"}, "--min"},
		{"duty add bad start", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "1", "--start", "07-01"}, "not a valid date"},
		{"duty add start in another year", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "1", "--start", "2025-07-01"}, "start date"},
		{"duty add duplicate title", []string{"duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1"}, "already exists"},
		{"duty add bad year", []string{"duty", "add", "--title", "x", "--category", "study", "--cadence", "month", "--min", "1", "--year", "30000"}, "outside"},
		{"duty add long title", []string{"duty", "add", "--title", strings.Repeat("学", 101), "--category", "study", "--cadence", "month", "--min", "1"}, "longer than 100"},
		{"duty list bad year", []string{"duty", "list", "--year", "0002"}, "outside"},
		{"duty edit unknown", []string{"duty", "edit", "无此事项", "--min", "2"}, "No duty"},
		{"duty edit ambiguous", []string{"duty", "edit", "学法", "--min", "2"}, "matches several"},
		{"duty edit no duty", []string{"duty", "edit"}, "expected"},
		{"duty edit bad min", []string{"duty", "edit", "会前", "--min", "-1"}, "--min"},
		{"duty edit bad category", []string{"duty", "edit", "会前", "--category", "x"}, "category"},
		{"duty edit empty title", []string{"duty", "edit", "会前", "--title", ""}, "title is empty"},
		{"duty edit title taken", []string{"duty", "edit", "会前", "--title", "专题学法"}, "already exists"},
		{"duty edit new year without cadence", []string{"duty", "edit", "会前", "--year", "2027", "--min", "2"}, "give both"},
		{"duty edit bad start", []string{"duty", "edit", "会前", "--start", "2026-13-01"}, "not a valid date"},
		{"duty archive unknown", []string{"duty", "archive", "99"}, "no duty with id 99"},
		{"duty archive bad date", []string{"duty", "archive", "会前", "--date", "yesterday"}, "not a valid date"},
		{"duty archive future date", []string{"duty", "archive", "会前", "--date", "2027-01-01"}, "after today"},
		{"duty archive restore active", []string{"duty", "archive", "会前", "--restore"}, "is not archived"},
		{"duty archive reason on restore", []string{"duty", "archive", "会前", "--restore", "--reason", "岗位调整"}, "takes none"},
		{"duty archive long reason", []string{"duty", "archive", "会前", "--reason", strings.Repeat("调", 201)}, "reason is longer than 200"},
		{"log no duty", []string{"log"}, "expected"},
		{"log unknown duty", []string{"log", "党课"}, "No duty"},
		{"log ambiguous", []string{"log", "学法"}, "matches several"},
		{"log future date", []string{"log", "会前", "--date", "2026-11-23"}, "in the future"},
		{"log impossible date", []string{"log", "会前", "--date", "2026-02-30"}, "not a valid date"},
		{"log no target that year", []string{"log", "会前", "--date", "2025-05-01"}, "no target in 2025"},
		{"log archived-year duty", []string{"log", "旧事项"}, "no target in 2026"},
		{"log long topic", []string{"log", "会前", "--topic", strings.Repeat("题", 2001)}, "longer than 2000"},
		{"log for a later period", []string{"log", "会前", "--date", "2026-05-01", "--for", "2026-06"}, "later than the record's date"},
		{"log for another cadence", []string{"log", "会前", "--date", "2026-05-01", "--for", "2026-Q1"}, "not one of the duty's periods"},
		{"log for a period ended too long ago", []string{"log", "会前", "--date", "2026-06-10", "--for", "2026-03"}, "more than 60 days"},
		{"log for a period not understood", []string{"log", "会前", "--for", "2026-X1"}, "not understood"},
		{"log for a period that does not exist", []string{"log", "会前", "--for", "2026年13月"}, "--for: the period"},
		{"excuse without a reason", []string{"excuse", "会前", "2026-08"}, "Give the reason"},
		{"excuse a met period", []string{"excuse", "会前", "2026-03", "--reason", "病休"}, "already met"},
		{"excuse a period that does not exist", []string{"excuse", "会前", "2026-13", "--reason", "病休"}, "taizhang: The period \"2026-13\" does not exist"},
		{"excuse a period of another cadence", []string{"excuse", "会前", "2026-Q3", "--reason", "病休"}, "has no period"},
		{"excuse a year without a target", []string{"excuse", "会前", "2025-08", "--reason", "病休"}, "no target in 2025"},
		{"excuse remove what is not excused", []string{"excuse", "--remove", "会前", "2026-08"}, "not excused"},
		{"excuse remove with a reason", []string{"excuse", "--remove", "会前", "2026-08", "--reason", "x"}, "takes no --reason"},
		{"profile start outside the year", []string{"profile", "--start", "2024-03-01"}, "not in this year"},
		{"profile start not a date", []string{"profile", "--start", "2026-02-30"}, "not a valid date"},
		{"profile apply without start", []string{"profile", "--apply"}, "--apply needs a --start date"},
		{"due negative days", []string{"due", "--within=-1"}, "number of days"},
		{"records bad year", []string{"records", "--year", "999"}, "outside"},
		{"records unknown duty", []string{"records", "--duty", "党课"}, "No duty"},
		{"template apply unknown", []string{"template", "apply", "mayor"}, "no template"},
		{"template apply bad year", []string{"template", "apply", "leadership", "--year", "1"}, "outside"},
		{"carry same year", []string{"carry", "--from", "2026", "--to", "2026"}, "same year"},
		{"carry missing to", []string{"carry", "--from", "2026"}, "missing flags"},
		{"carry bad year", []string{"carry", "--from", "2026", "--to", "20277"}, "not valid"},
		{"carry empty year", []string{"carry", "--from", "2020", "--to", "2027"}, "no targets in 2020"},
		{"backup existing file", []string{"backup", existing}, "already exists"},
		{"backup no file", []string{"backup"}, "expected"},
		{"restore missing file", []string{"restore", filepath.Join(t.TempDir(), "none.db")}, "no file"},
		{"restore text file", []string{"restore", text}, "not a taizhang ledger"},
		{"restore directory", []string{"restore", t.TempDir()}, "directory"},
		{"demo on data", []string{"demo"}, "already holds data"},
		{"demo bad years", []string{"demo", "--years", "0"}, "--years 0"},
		{"demo bad duties", []string{"demo", "--duties", "-3"}, "--duties"},
		{"demo bad records", []string{"demo", "--records", "99999999"}, "--records 99999999"},
	}
	before := dump(t, db)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, db, append([]string{"--lang", "en"}, tt.args...)...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.says) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.says)
			}
			if strings.ContainsAny(r.stderr, "\x1b\x07") {
				t.Errorf("stderr carries control characters: %q", r.stderr)
			}
			if strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q", r.stdout)
			}
			zh := run(t, db, tt.args...)
			if zh.code != 2 || strings.Count(zh.stderr, "\n") != 1 || zh.stdout != "" {
				t.Errorf("in Chinese: exit %d, stderr %q", zh.code, zh.stderr)
			}
			// In Chinese the sentence is Chinese, parser's refusals included.
			// (a flag it names has its Chinese placeholder: --title=标题、--min=次数)
			if strings.Contains(zh.stderr, "expected") || strings.Contains(zh.stderr, "unknown flag") || strings.Contains(zh.stderr, "missing flags") ||
				englishPlaceholder.MatchString(zh.stderr) || strings.Contains(zh.stderr, ", --") || !strings.HasPrefix(zh.stderr, "taizhang: ") {
				t.Errorf("in Chinese: %q", zh.stderr)
			}
			if after := dump(t, db); after != before {
				t.Fatalf("the ledger changed:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}

// englishPlaceholder is a value's English placeholder, as the parser names
// a flag or an argument (--min=INT, <duty>).
var englishPlaceholder = regexp.MustCompile(`=[A-Z]{3,}|<[a-z]+>|\bPERIOD\b`)
