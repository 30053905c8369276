package cli

import (
	"strings"
	"testing"
)

// A date typed with stray spaces, or written 2026年4月1日, is the date it
// says; a date that does not exist is still refused in one sentence.
func TestLogTakesADateWithSpacesOrInChinese(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "leadership")
	for _, in := range []string{" 2026-04-01 ", "2026年4月1日", "2026 年 4 月 1 日"} {
		if out := ok(t, db, "log", "会前学法", "--date", in); !strings.Contains(out, "2026-04-01") {
			t.Errorf("log --date %q said %q", in, out)
		}
	}
	if out := ok(t, db, "records", "--duty", "会前学法"); strings.Count(out, "2026-04-01") != 3 {
		t.Errorf("records after three logs on 2026-04-01:\n%s", out)
	}
	for _, c := range []struct{ lang, in, want string }{
		{"zh", "2026年4月31日", "--date 的值“2026年4月31日”不是有效日期；请写成 YYYY-MM-DD，如 2026-03-15。"},
		{"en", " 2026-13-01 ", `--date "2026-13-01" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-15.`},
	} {
		r := run(t, db, "--lang", c.lang, "log", "会前学法", "--date", c.in)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("log --date %q: exit %d, %q", c.in, r.code, r.stderr)
		}
	}
}
