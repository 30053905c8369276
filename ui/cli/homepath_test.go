package cli

import (
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/data"
)

// Every file the command line names reads a leading ~ as HOME, whether
// the shell expanded it or, quoted, passed it on as typed: the ledger
// (--db), backup and restore, export -o, import, plan, log --attach,
// evidence add and evidence save -o.
func TestQuotedTildePathsAreTheHomeDirectory(t *testing.T) {
	home := filepath.Join(t.TempDir(), "我的 家")
	if err := os.MkdirAll(filepath.Join(home, "文档"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Chdir(t.TempDir())
	db := "~/台账.db"
	ok(t, db, "template", "apply", "leadership")
	exists := func(name string) {
		t.Helper()
		if _, err := os.Stat(filepath.Join(home, name)); err != nil {
			t.Errorf("%s is not in the home directory: %v", name, err)
		}
	}
	exists("台账.db")
	if out := ok(t, db, "backup", "~/bk.db"); !strings.Contains(out, filepath.Join(home, "bk.db")) {
		t.Errorf("backup said %q", out)
	}
	exists("bk.db")
	ok(t, db, "restore", "~/bk.db")
	ok(t, db, "export", "-o", "~/文档/年报.md")
	exists("文档/年报.md")
	ok(t, db, "export", "--format", "json", "-o", "~/台账.json")
	ok(t, filepath.Join(home, "另一本.db"), "import", "~/台账.json")
	if err := os.WriteFile(filepath.Join(home, "文档", "记录 表.txt"), []byte("谈话记录"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "log", "会前学法", "--date", "2026-03-09", "--attach", "~/文档/记录 表.txt")
	if err := os.WriteFile(filepath.Join(home, "签到表.txt"), []byte("签到"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "evidence", "add", "1", "~/签到表.txt")
	ok(t, db, "evidence", "save", "1", "-o", "~/取回.txt")
	exists("取回.txt")
	if err := os.WriteFile(filepath.Join(home, "计划.txt"), []byte("每月组织1次学法活动。"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "plan", "~/计划.txt", "--json")
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files made under the working directory: %v", entries)
	}
}

// With HOME unset, ~ is the user's home from the account database.
func TestTildeWithoutHOMEIsTheUsersHome(t *testing.T) {
	u, err := user.Current()
	if err != nil || u.HomeDir == "" {
		t.Skip("no account home here")
	}
	t.Setenv("HOME", "")
	os.Unsetenv("HOME")
	if got, want := data.ExpandPath("~/台账.db"), filepath.Join(u.HomeDir, "台账.db"); got != want {
		t.Errorf("~/台账.db = %q, want %q", got, want)
	}
}
