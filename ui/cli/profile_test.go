package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestProfile(t *testing.T) {
	db := newLedger(t)
	if r := run(t, db, "profile"); r.code != 2 {
		t.Errorf("reading the profile of no ledger: %+v", r)
	}
	ok(t, db, "template", "apply", "section-chief")
	if out := ok(t, db, "profile"); !strings.Contains(out, "尚未设置") {
		t.Errorf("empty profile said %q", out)
	}
	ok(t, db, "profile", "--name", "张三\x1b[31m", "--post", "副局长", "--unit", "某某市某某局")
	ok(t, db, "profile", "--post", "局长")
	out := ok(t, db, "profile")
	if out != "姓名：张三\n职务：局长\n单位：某某市某某局\n任职日期：（未设置）\n" {
		t.Errorf("profile = %q", out)
	}
	ok(t, db, "profile", "--unit", "")
	if out := ok(t, db, "--lang", "en", "profile"); out != "Name: 张三\nPost: 局长\nUnit: (not set)\nPost start date: (not set)\n" {
		t.Errorf("profile en = %q", out)
	}
	if r := run(t, db, "profile", "--name", strings.Repeat("长", 101)); r.code != 2 || !strings.Contains(r.stderr, "过长") {
		t.Errorf("long name: %+v", r)
	}
	// The profile travels with a backup.
	backup := filepath.Join(t.TempDir(), "b.db")
	ok(t, db, "backup", backup)
	ok(t, db, "profile", "--name", "李四")
	ok(t, db, "restore", backup)
	if out := ok(t, db, "profile"); !strings.HasPrefix(out, "姓名：张三\n") {
		t.Errorf("after restore: %q", out)
	}
}
