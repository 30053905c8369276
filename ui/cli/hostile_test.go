package cli

import (
	"archive/zip"

	"database/sql"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// hostile are the pieces of text an attacker (or an accident) puts in a
// title, a topic or a plan: clipboard writes, screen clears, title sets,
// carriage returns, backspaces, the one-byte CSI, bidi overrides, invalid
// UTF-8, and a formula.
var hostile = []string{"\x1b]52;c;aGk=\x07", "\x1b[2J", "\x1b]0;title\x07", "\r", "\b", "\u009b31m", "\u202e", "\xff\xfe", "=HYPERLINK(\"x\")"}

// dangerous reports the first thing in s that a terminal would act on
// rather than show.
func dangerous(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case unicode.IsControl(r):
			return "control " + string(r)
		case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
			return "bidi control"
		}
	}
	return ""
}

// Hostile text typed in, imported, or already sitting in the ledger's file
// is stored safely and reaches every output inert.
func TestHostileTextIsInertEverywhere(t *testing.T) {
	db := newLedger(t)
	mix := strings.Join(hostile, "x")
	ok(t, db, "duty", "add", "--title", "会前学法"+mix, "--category", "study", "--cadence", "month", "--min", "1", "--basis", mix)
	ok(t, db, "log", "会前学法", "--date", "2026-03-01", "--topic", "主题"+mix, "--with", "张三"+mix, "--place", "会议室"+mix, "--note", "备注"+mix)
	ok(t, db, "profile", "--name", "张明"+mix, "--post", mix, "--unit", mix)
	// Text written into the file behind taizhang's back, not cleaned on the way in.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO records (duty_id, date, topic, participants, place, note, created_at, updated_at)
		VALUES (1, '2026-04-01', ?, ?, ?, ?, '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z')`, "生"+mix, "人"+mix, "地"+mix, "注"+mix); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE duties SET description = ? WHERE id = 1`, "说明"+mix); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	outputs := map[string]string{}
	for _, args := range [][]string{
		{"status"}, {"status", "--json"}, {"status", "--short"}, {"records"}, {"records", "--json"},
		{"duty", "list"}, {"duty", "list", "--json", "--all"}, {"profile"}, {"--lang", "en", "status"},
	} {
		outputs[strings.Join(args, " ")] = ok(t, db, args...)
	}
	dir := t.TempDir()
	for _, f := range []string{"md", "txt", "csv", "json"} {
		out := filepath.Join(dir, "x."+f)
		ok(t, db, "export", "--year", "2026", "--format", f, "-o", out)
		b, _ := os.ReadFile(out)
		outputs["export "+f] = string(b)
	}
	for name, out := range outputs {
		if name == "export csv" {
			out = strings.ReplaceAll(out, "\r\n", "\n") // CSV rows end in CRLF, as Excel wants
		}
		if d := dangerous(out); d != "" {
			t.Errorf("%s carries %s:\n%q", name, d, out)
		}
		if !strings.Contains(out, "会前学法") && !strings.HasPrefix(name, "profile") && !strings.Contains(name, "short") && !strings.Contains(name, "csv") {
			t.Errorf("%s lost the title:\n%s", name, out)
		}
	}
	// The CSV: a cell that would start a formula is neutralised.
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(outputs["export csv"], "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("csv cell %q would start a formula", cell)
			}
		}
	}
	// docx: every part parses as text with nothing a terminal or Word would act on.
	docx := filepath.Join(dir, "x.docx")
	ok(t, db, "export", "--year", "2026", "--format", "docx", "-o", docx)
	z, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if d := dangerous(string(b)); d != "" {
			t.Errorf("docx part %s carries %s", f.Name, d)
		}
	}
	z.Close()
	// xlsx: no cell is a formula, none carries a control character.
	xlsx := filepath.Join(dir, "x.xlsx")
	ok(t, db, "export", "--year", "2026", "--format", "xlsx", "-o", xlsx)
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, sheet := range wb.GetSheetList() {
		rows, _ := wb.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				cellName, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if f, _ := wb.GetCellFormula(sheet, cellName); f != "" {
					t.Errorf("%s!%s is a formula: %q", sheet, cellName, f)
				}
				if d := dangerous(v); d != "" {
					t.Errorf("%s!%s carries %s: %q", sheet, cellName, d, v)
				}
			}
		}
	}
}

// An imported JSON file carrying hostile text is stored cleaned.
func TestHostileJSONImportIsStoredClean(t *testing.T) {
	src := newLedger(t)
	ok(t, src, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, src, "log", "会前学法", "--date", "2026-03-01", "--topic", "主题")
	file := filepath.Join(t.TempDir(), "ledger.json")
	ok(t, src, "export", "--format", "json", "--year", "2026", "-o", file)
	b, _ := os.ReadFile(file)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	mix := strings.Join(hostile[:len(hostile)-1], "x") // all but invalid UTF-8, which JSON cannot carry
	duty := doc["duties"].([]any)[0].(map[string]any)
	duty["title"] = "会前学法" + mix
	duty["basis"] = mix
	rec := duty["records"].([]any)[0].(map[string]any)
	rec["topic"], rec["participants"], rec["place"], rec["note"] = "题"+mix, "人"+mix, "地"+mix, "注"+mix
	doc["profile"].(map[string]any)["name"] = "名" + mix
	b, _ = json.Marshal(doc)
	os.WriteFile(file, b, 0o600)

	dst := newLedger(t)
	ok(t, dst, "import", file)
	db, err := sql.Open("sqlite", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"SELECT title || basis || description FROM duties",
		"SELECT topic || participants || place || note FROM records",
		"SELECT name || post || unit FROM profile",
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			rows.Scan(&v)
			if d := dangerous(v); d != "" {
				t.Errorf("%s: stored %s: %q", q, d, v)
			}
		}
		rows.Close()
	}
}
