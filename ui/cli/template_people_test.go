package cli

import (
	"os"
	"strings"
	"testing"
)

// template apply says, in one line, that the group of the set's per-person
// talks is empty and how to fill it; --people fills it in the same go,
// from the post start date, and a bad list is refused writing nothing.
func TestTemplateApplyFillsItsGroup(t *testing.T) {
	db := newLedger(t)
	out := ok(t, db, "template", "apply", "section-chief")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "taizhang people add --name 姓名 --group 科室干部") ||
		!strings.Contains(lines[1], "--people") {
		t.Errorf("template apply said:\n%s", out)
	}
	en := newLedger(t)
	out = ok(t, en, "--lang", "en", "template", "apply", "leadership")
	if !strings.Contains(out, "taizhang people add --name NAME --group 'Section chiefs in charge'") {
		t.Errorf("English template apply said:\n%s", out)
	}

	db = newLedger(t)
	ok(t, db, "profile", "--start", "2026-03-01")
	out = ok(t, db, "template", "apply", "section-chief", "--people", "张三,李四、张伟(财务科)、")
	if !strings.Contains(out, "已把3人加入“科室干部”：张三、李四、张伟（财务科）。") || strings.Contains(out, "people add") {
		t.Errorf("template apply --people said:\n%s", out)
	}
	list := ok(t, db, "people", "list")
	if strings.Count(list, "2026-03-01起") != 3 || !strings.Contains(list, "财务科") {
		t.Errorf("people list:\n%s", list)
	}
	if st := ok(t, db, "status"); !strings.Contains(st, "0/3人") {
		t.Errorf("status:\n%s", st)
	}
	// Again, with one new name: the duties are there, 张三 stays as he is.
	out = ok(t, db, "template", "apply", "section-chief", "--people", "张三、王五")
	if !strings.Contains(out, "14 项已存在") || !strings.Contains(out, "王五") {
		t.Errorf("second apply said:\n%s", out)
	}
	if st := ok(t, db, "status"); !strings.Contains(st, "0/4人") {
		t.Errorf("status after the second apply:\n%s", st)
	}

	for _, c := range []struct {
		people, zh, en string
	}{
		{"", "没有写姓名", "No names are given"},
		{"、，\n", "没有写姓名", "No names are given"},
		{"张三,李四,张三", "“张三”写了两次", `"张三" is given twice`},
		{"张三、" + strings.Repeat("长", 51), "姓名过长", "longer than"},
	} {
		for _, lang := range []string{"zh", "en"} {
			fresh := newLedger(t)
			r := run(t, fresh, "--lang", lang, "template", "apply", "section-chief", "--people", c.people)
			want := c.zh
			if lang == "en" {
				want = c.en
			}
			if r.code != 2 || !strings.Contains(r.stderr, want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("%s --people %q: exit %d, stderr %q", lang, c.people, r.code, r.stderr)
			}
			if _, err := os.Stat(fresh); !os.IsNotExist(err) {
				t.Errorf("%s --people %q wrote the ledger", lang, c.people)
			}
		}
	}
	// On an existing ledger a refused list leaves it as it was.
	r := run(t, db, "template", "apply", "leadership", "--people", "赵一、赵一")
	if r.code != 2 {
		t.Fatalf("a name twice: exit %d", r.code)
	}
	if d := ok(t, db, "duty", "list"); strings.Contains(d, "民主生活会") {
		t.Errorf("a refused apply added duties:\n%s", d)
	}
}

// Two people of one name written with a space before their notes, as
// many type them, are two people with their notes; a talk naming one of
// them that way is counted for that one.
func TestPeopleWithASpaceBeforeTheNote(t *testing.T) {
	db := newLedger(t)
	out := ok(t, db, "template", "apply", "section-chief", "--people", "张伟 (财务科)、张伟 (办公室)、王五")
	if !strings.Contains(out, "张伟（财务科）、张伟（办公室）、王五") {
		t.Fatalf("template apply said %q", out)
	}
	ok(t, db, "people", "edit", "王五", "--name", "王五（人事科）")
	r := run(t, db, "log", "谈心谈话", "--topic", "谈心", "--with", "张伟 (办公室)、王五")
	if r.code != 0 || strings.Contains(r.stderr, "不在") {
		t.Fatalf("log: %+v", r)
	}
	list := ok(t, db, "people", "list", "--json")
	if !strings.Contains(list, `"note": "人事科"`) || strings.Contains(list, `"name": "王五（人事科）"`) {
		t.Errorf("the note typed in the name was kept in the name: %s", list)
	}
	if st := ok(t, db, "status"); !strings.Contains(st, "2/3人") {
		t.Errorf("status: %s", st)
	}
}

// A list of names one of which holds a space (欧阳 娜娜) is refused in one
// sentence, rather than read as two people without a word; nothing is
// written.
func TestPeopleListWithASpaceInAName(t *testing.T) {
	db := newLedger(t)
	r := run(t, db, "template", "apply", "section-chief", "--people", "王芳、欧阳 娜娜")
	if r.code != 2 || !strings.Contains(r.stderr, "“欧阳 娜娜”中间有空格，会被读成两个人") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("%+v", r)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused list left a ledger behind")
	}
}
