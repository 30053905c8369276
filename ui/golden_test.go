package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"taizhang/data"
	"taizhang/model"
)

// sizes are the terminal sizes every screen is drawn at.
var sizes = []struct{ w, h int }{{40, 24}, {80, 24}, {120, 40}, {200, 60}}

// screens reach each screen from a fresh dashboard.
var screens = []struct {
	name  string
	lang  model.Lang
	empty bool
	keys  []string
}{
	{"dashboard", model.Chinese, false, nil},
	{"dashboard_en", model.English, false, nil},
	{"detail", model.Chinese, false, []string{"j", "enter"}},
	{"detail_en", model.English, false, []string{"j", "enter"}},
	{"period", model.Chinese, false, []string{"tab"}},
	{"period_en", model.English, false, []string{"tab"}},
	{"yearmap", model.Chinese, false, []string{"tab", "tab"}},
	{"log", model.Chinese, false, []string{"tab", "tab", "tab"}},
	{"log_filtered", model.Chinese, false, []string{"tab", "tab", "tab", "/", "hqxf", "enter"}},
	{"record_view", model.Chinese, false, []string{"j", "enter", "enter"}},
	{"record_view_en", model.English, false, []string{"j", "enter", "enter"}},
	{"filter", model.Chinese, false, []string{"/", "学法"}},
	{"tick", model.Chinese, false, []string{"space", "学习民法典"}},
	{"record_form", model.Chinese, false, []string{"a", "节前提醒", "tab", "张"}},
	{"record_form_error", model.Chinese, false, []string{"a", "up", "+", "ctrl+s"}},
	{"duty_form", model.Chinese, false, []string{"e"}},
	{"confirm_delete", model.Chinese, false, []string{"j", "enter", "d"}},
	{"help", model.Chinese, false, []string{"?"}},
	{"help_en", model.English, false, []string{"?"}},
	{"help_detail", model.Chinese, false, []string{"j", "enter", "?"}},
	{"help_detail_en", model.English, false, []string{"j", "enter", "?"}},
	{"help_log_en", model.English, false, []string{"tab", "tab", "tab", "?"}},
	{"help_people", model.Chinese, false, []string{"tab", "tab", "tab", "tab", "?"}},
	{"export", model.Chinese, false, []string{"x", "right", "right"}},
	{"next_year", model.Chinese, false, []string{"]"}},
	{"plan_source", model.Chinese, false, []string{"i"}},
	{"people", model.Chinese, false, []string{"tab", "tab", "tab", "tab"}},
	{"people_en", model.English, false, []string{"tab", "tab", "tab", "tab"}},
	{"person_form", model.Chinese, false, []string{"tab", "tab", "tab", "tab", "a"}},
	{"per_person_detail", model.Chinese, false, []string{"j", "j", "j", "enter"}},
	{"per_person_detail_en", model.English, false, []string{"j", "j", "j", "enter"}},
	{"first_run", model.Chinese, true, nil},
	{"first_run_en", model.English, true, nil},
}

func TestGolden(t *testing.T) {
	full, _ := testLedger(t)
	emptyStore, err := data.Open(t.TempDir() + "/empty.db")
	if err != nil {
		t.Fatal(err)
	}
	defer emptyStore.Close()
	for _, sc := range screens {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%d", sc.name, sz.w), func(t *testing.T) {
				var l Ledger = full
				if sc.empty {
					l = emptyStore
				}
				a := newTestApp(t, l, sc.lang, sz.w, sz.h)
				press(t, a, sc.keys...)
				checkFits(t, strings.Join(a.compose(), "\n"), sz.w, sz.h)
				out := a.render()
				golden.RequireEqual(t, trimLines(stamps.ReplaceAllString(ansi.Strip(out), "YYYY-MM-DD hh:mm")))
			})
		}
	}
}

// checkFits fails when a line is wider than the terminal or there are
// more lines than rows. It is given the screen as composed, before the
// last-resort cut, so a layout that overflows is caught.
func checkFits(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("%d lines for a %d-row terminal", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide in a %d-column terminal: %q", i+1, n, w, ansi.Strip(l))
		}
	}
}

// stamps are the times a record was entered or changed: the clock's,
// different on every run.
var stamps = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d`)

// trimLines drops trailing spaces, which say nothing and make golden
// files hard to read.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// Every screen at every width from 20 to 220 columns fits.
func TestNoLineWiderThanTheTerminal(t *testing.T) {
	s, _ := testLedger(t)
	for _, sc := range screens {
		if sc.empty {
			continue
		}
		for w := 20; w <= 220; w += 7 {
			a := newTestApp(t, s, sc.lang, w, 24)
			press(t, a, sc.keys...)
			checkFits(t, strings.Join(a.compose(), "\n"), w, 24)
		}
	}
}
