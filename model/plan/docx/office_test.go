package docx_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang/model"
	"taizhang/model/plan/docx"
	"taizhang/model/plan/docx/docxtest"
)

// LibreOffice, converting the same documents to text, draws the same
// numbers and reads the same words: compared line by line with spaces
// left out, and with each table cell on a line of its own as LibreOffice
// writes them.
func TestAgainstLibreOffice(t *testing.T) {
	if raceOn {
		t.Skip("the comparison with LibreOffice runs without the race detector")
	}
	office := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		t.Skip("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui to compare the reader with it")
	}
	dir := t.TempDir()
	docs := map[string][]byte{"formats": formatsDoc().Bytes(), "restarts": restartsDoc().Bytes()}
	for name, f := range map[string]string{
		"integrity":   "../../../../../shared/plans/integrity-plan-2022.txt",
		"rule-of-law": "../../../../../shared/plans/rule-of-law-plan-2022.txt",
		"table":       "../testdata/plans/cppcc-task-table-2025.txt",
		"traditional": "../testdata/county-finance-plan-2024-traditional.txt",
	} {
		raw, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue // the shared samples are beside the repository, not in it
		}
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = docxtest.FromText(string(raw))
	}
	var srcs []string
	for name, b := range docs {
		src := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(src, b, 0o600); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	c, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir}, srcs...)
	cmd := exec.CommandContext(c, office, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, out)
	}
	squeeze := func(s string) []string {
		s = strings.ReplaceAll(strings.TrimPrefix(s, "\uFEFF"), "\r\n", "\n")
		var out []string
		for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
			out = append(out, strings.Join(strings.Fields(l), ""))
		}
		return out
	}
	for name, b := range docs {
		mine, err := docx.Text(b)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote no text: %v", name, err)
		}
		a, o := squeeze(strings.ReplaceAll(mine, "\t", "\n")), squeeze(string(theirs))
		if len(a) != len(o) {
			t.Errorf("%s: %d lines, LibreOffice %d", name, len(a), len(o))
		}
		for i := range min(len(a), len(o)) {
			if a[i] != o[i] {
				t.Errorf("%s:%d:\n mine        %q\n LibreOffice %q", name, i+1, a[i], o[i])
			}
		}
		t.Logf("%s: %d lines compared", name, len(a))
	}

	// The integrity plan saved again by LibreOffice, as .docx with its own
	// numbering definitions and as the old .doc.
	if _, ok := docs["integrity"]; !ok {
		return
	}
	out := filepath.Join(dir, "again")
	for _, to := range []string{"docx:MS Word 2007 XML", "doc:MS Word 97"} {
		cmd := exec.CommandContext(c, office, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", to, "--outdir", out, filepath.Join(dir, "integrity.docx"))
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice failed: %v\n%s", err, b)
		}
	}
	want, _ := docx.Text(docs["integrity"])
	again, err := os.ReadFile(filepath.Join(out, "integrity.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := docx.Text(again); err != nil || got != want {
		t.Errorf("the plan saved by LibreOffice reads differently (%v):\n%s", err, got)
	}
	old, err := os.ReadFile(filepath.Join(out, "integrity.doc"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := docx.Text(old); !errors.Is(err, docx.ErrNotDocx) || err.(*model.InputError).Kind != model.KindDocxOldDoc {
		t.Errorf("a .doc saved by LibreOffice: %v", err)
	}
}

// formatsDoc numbers a few paragraphs in each format a Chinese plan uses.
func formatsDoc() *docxtest.Doc {
	d := &docxtest.Doc{}
	formats := []struct{ f, text string }{
		{"decimal", "%1."}, {"decimal", "（%1）"}, {"decimalFullWidth", "%1．"}, {"decimalEnclosedCircle", "%1"},
		{"chineseCounting", "%1、"}, {"chineseCounting", "（%1）"}, {"chineseCountingThousand", "第%1条"},
		{"ideographTraditional", "%1、"}, {"upperLetter", "%1."}, {"lowerRoman", "%1)"}, {"decimalZero", "%1."},
	}
	for i, f := range formats {
		d.Abstract(i, docxtest.Level{Format: f.f, Text: f.text, Restart: -1, Suffix: "nothing"})
		d.Num(i+1, i, nil)
		for k := 0; k < 12; k++ {
			d.Body.WriteString(docxtest.NumP(i+1, 0, "事项"))
		}
	}
	return d
}

// restartsDoc is an outline with levels restarting, instances continuing
// one another and start overrides. Two things Word does that LibreOffice
// does not are left out here and tested in TestNumberingLevels: a level
// that never restarts (w:lvlRestart 0) and legal numbering (w:isLgl).
func restartsDoc() *docxtest.Doc {
	d := &docxtest.Doc{}
	d.Abstract(0,
		docxtest.Level{Format: "chineseCounting", Text: "%1、", Restart: -1, Suffix: "nothing"},
		docxtest.Level{Format: "chineseCounting", Text: "（%2）", Restart: -1, Suffix: "nothing"},
		docxtest.Level{Format: "decimal", Text: "%3.", Restart: -1, Suffix: "nothing"},
		docxtest.Level{Format: "decimal", Text: "%3.%4", Restart: -1, Suffix: "space"})
	d.Abstract(1,
		docxtest.Level{Format: "chineseCounting", Text: "%1、", Restart: -1, Suffix: "nothing"},
		docxtest.Level{Format: "decimal", Text: "%2.", Restart: -1, Suffix: "nothing"})
	d.Num(1, 0, nil)
	d.Num(2, 0, nil)
	d.Num(3, 0, map[int]int{0: 1})
	d.Num(4, 0, map[int]int{2: 7})
	d.Num(5, 1, nil)
	for _, p := range [][2]int{{1, 0}, {1, 1}, {1, 2}, {1, 2}, {1, 1}, {1, 2}, {1, 3}, {1, 3}, {2, 0}, {2, 2}, {3, 0}, {3, 1}, {4, 2}, {4, 2},
		{5, 0}, {5, 1}, {5, 1}, {5, 0}, {5, 1}} {
		d.Body.WriteString(docxtest.NumP(p[0], p[1], "项"))
	}
	return d
}
