package docx_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/model/plan/docx"
	"taizhang/model/plan/docx/docxtest"
)

// Every plan text made into a Word document with real list numbering reads
// back as the same lines: the numbers Word would draw are restored.
func TestFromTextRoundTrip(t *testing.T) {
	var files []string
	for _, g := range []string{"../../../../../shared/plans/*.txt", "../testdata/*.txt", "../testdata/plans/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d texts", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "gb18030") || strings.Contains(f, "traditional") && false {
			continue
		}
		text := strings.ReplaceAll(string(raw), "\r\n", "\n")
		got, err := docx.Text(docxtest.FromText(text))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := strings.Split(text, "\n")
		lines := strings.Split(got, "\n")
		if len(lines) != len(want) {
			t.Errorf("%s: %d lines, want %d", f, len(lines), len(want))
		}
		for i := range min(len(lines), len(want)) {
			if lines[i] != want[i] {
				t.Errorf("%s:%d:\n got %q\nwant %q", filepath.Base(f), i+1, lines[i], want[i])
			}
		}
	}
}
