package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The file named with -o must be what its extension says: a name the
// formats do not know, or one that --format contradicts, is refused in one
// sentence and nothing is written.
func TestExportRefusesAnExtensionThatIsNotTheFormat(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range []struct {
		args []string
		file string
		want string
	}{
		{[]string{"-o", "report.pdf"}, "report.pdf", ".pdf"},
		{[]string{"-o", "r.md", "--format", "xlsx"}, "r.md", "--format"},
		{[]string{"-o", "r.json", "-f", "csv"}, "r.json", "--format"},
	} {
		for _, lang := range []string{"zh", "en"} {
			args := append([]string{"--lang", lang, "export"}, c.args...)
			r := run(t, db, args...)
			if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
				t.Errorf("%q: %+v", args, r)
			}
			if _, err := os.Stat(filepath.Join(dir, c.file)); err == nil {
				t.Errorf("%q wrote %s", args, c.file)
			}
		}
	}
	// What agrees is written: the extension in any case, a name with no
	// extension (Markdown, or the format given), an extension --format names.
	for _, c := range []struct {
		args   []string
		file   string
		prefix string
	}{
		{[]string{"-o", "R.DOCX"}, "R.DOCX", "PK"},
		{[]string{"-o", "report"}, "report", "# 2026"},
		{[]string{"-o", "ledger", "--format", "csv"}, "ledger", "\ufeff"},
		{[]string{"-o", "r.txt", "--format", "text"}, "r.txt", "2026"},
		{[]string{"-o", "r.markdown"}, "r.markdown", "# 2026"},
	} {
		ok(t, db, append([]string{"export"}, c.args...)...)
		if b, err := os.ReadFile(filepath.Join(dir, c.file)); err != nil || !strings.HasPrefix(string(b), c.prefix) {
			t.Errorf("%q wrote %.20q, %v", c.args, b, err)
		}
	}
}
