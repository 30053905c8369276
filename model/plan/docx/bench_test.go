package docx_test

import (
	"os"
	"strings"
	"testing"

	"taizhang/model/plan/docx"
	"taizhang/model/plan/docx/docxtest"
)

// BenchmarkText reads a Word plan of about 1 MB of text: a real plan's
// numbered items and a table, over and over.
func BenchmarkText(b *testing.B) {
	raw, err := os.ReadFile("../testdata/plans/cppcc-task-table-2025.txt")
	if err != nil {
		b.Fatal(err)
	}
	one, err := os.ReadFile("../testdata/county-finance-plan-2024.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(one)+"\n"+string(raw)+"\n", (1<<20)/(len(one)+len(raw)))
	file := docxtest.FromText(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ReportMetric(float64(len(file)), "file-bytes")
	for b.Loop() {
		if _, err := docx.Text(file); err != nil {
			b.Fatal(err)
		}
	}
}
