package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// complete answers a completion request for line (cursor at its end, in
// characters, as bash counts) in-process and returns the candidates.
func completeLine(t *testing.T, db, line string) []string {
	t.Helper()
	t.Setenv("COMP_LINE", line)
	t.Setenv("COMP_POINT", strconv.Itoa(len([]rune(line))))
	t.Setenv("TAIZHANG_DB", db)
	r := run(t, "", "ignored")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("completing %q: %+v", line, r)
	}
	return strings.Fields(r.stdout)
}

func TestCompletion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	if r := run(t, db, "template", "apply", "leadership"); r.code != 0 {
		t.Fatalf("template apply: %+v", r)
	}
	if r := run(t, db, "duty", "archive", "述法", "--date", "2026-11-01"); r.code != 0 {
		t.Fatalf("duty archive: %+v", r)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	if r := run(t, other, "template", "apply", "section-chief"); r.code != 0 {
		t.Fatalf("template apply: %+v", r)
	}
	tests := []struct {
		line  string
		want  []string // every one of these, and for exact, nothing else
		exact bool
	}{
		{"taizhang st", []string{"status"}, true},
		{"taizhang ", []string{"status", "log", "export", "template", "completion", "duty", "records"}, false},
		{"taizhang export --format ", []string{"md", "txt", "docx", "xlsx", "csv", "json", "zip"}, true},
		{"taizhang export -f x", []string{"xlsx"}, true},
		{"taizhang export --", []string{"--format", "--year", "--as-of", "--force", "--db", "--lang"}, false},
		{"taizhang template apply ", []string{"section-chief", "leadership"}, true},
		{"taizhang log 会前", []string{"会前学法"}, true},
		{"taizhang log 述", []string{"述责述廉"}, true}, // 述法 is archived
		{"taizhang records --duty 专题", []string{"专题研究分管领域意识形态工作", "专题学法（法治讲座）"}, true},
		{"taizhang duty add --cadence m", []string{"month"}, true},
		{"taizhang duty add --category 谈", []string{"谈话"}, true},
		{"taizhang completion ", []string{"bash", "zsh", "fish", "powershell"}, true},
		{"taizhang --lang ", []string{"zh", "en"}, true},
		{"taizhang --db " + other + " log 科室会", []string{"科室会前学法"}, true},
		{"taizhang --db /nowhere/x.db log ", nil, true},
	}
	for _, tt := range tests {
		got := completeLine(t, db, tt.line)
		for _, w := range tt.want {
			if !slices.ContainsFunc(got, func(g string) bool { return g == w || !tt.exact && strings.HasPrefix(g, w) }) {
				t.Errorf("completing %q gives %q, without %q", tt.line, got, w)
			}
		}
		if tt.exact && len(got) != len(tt.want) {
			t.Errorf("completing %q gives %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell", "PowerShell"} {
		r := run(t, "", "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "taizhang") || !strings.Contains(r.stdout, "'/") {
			t.Errorf("completion %s: %+v", shell, r)
		}
	}
	if r := run(t, "", "completion", "bash"); !strings.Contains(r.stdout, "complete -o default -C '") {
		t.Errorf("the bash script does not register the binary: %q", r.stdout)
	}
	// Found under its name on the PATH, the binary is named so: an upgrade
	// in place, or a move along the PATH, keeps completion working.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(self, filepath.Join(dir, "taizhang")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	if r := run(t, "", "completion", "bash"); !strings.Contains(r.stdout, "complete -o default -C 'taizhang' taizhang") {
		t.Errorf("with taizhang on the PATH, the bash script is %q", r.stdout)
	}
	r := run(t, "", "completion", "tcsh")
	if r.code != 2 || !strings.Contains(r.stderr, "bash、zsh、fish 或 powershell") || r.stdout != "" {
		t.Errorf("completion tcsh: %+v", r)
	}
	if got := shellQuote("/a b/it's"); got != `'/a b/it'\''s'` {
		t.Errorf("shellQuote = %s", got)
	}
}
