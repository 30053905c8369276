package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"taizhang/data"
	"taizhang/model"
)

// unfilledLedger is a section chief's ledger just made from the built-in
// set: the per-person talk is owed to 科室干部, whom nobody has entered yet.
func unfilledLedger(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "unfilled.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tpl, _ := model.FindTemplate("section-chief")
	ds, ts := tpl.Build(2026, model.Chinese)
	if _, err := s.AddDuties(bg, ds, ts); err != nil {
		t.Fatal(err)
	}
	return s
}

// Until its group is filled, a per-person duty reads 名单未填 / "no people"
// in the dashboard and its detail, never 0/0人, and the columns stay
// in line in both languages.
func TestGoldenUnfilledRoster(t *testing.T) {
	s := unfilledLedger(t)
	screens := []struct {
		name string
		lang model.Lang
		keys []string
	}{
		{"dashboard", model.Chinese, nil},
		{"dashboard_en", model.English, nil},
		{"detail", model.Chinese, []string{"j", "j", "enter"}},
		{"detail_en", model.English, []string{"j", "j", "enter"}},
	}
	for _, sc := range screens {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%d", sc.name, sz.w), func(t *testing.T) {
				a := newTestApp(t, s, sc.lang, sz.w, sz.h)
				press(t, a, sc.keys...)
				checkFits(t, strings.Join(a.compose(), "\n"), sz.w, sz.h)
				out := ansi.Strip(a.render())
				if strings.Contains(out, "0/0") {
					t.Errorf("an empty roster reads as 0/0:\n%s", out)
				}
				golden.RequireEqual(t, trimLines(out))
			})
		}
	}
}

// The first run's roster step, with two names typed, in both languages.
func TestGoldenRosterFill(t *testing.T) {
	for _, sc := range []struct {
		name string
		lang model.Lang
	}{{"roster_fill", model.Chinese}, {"roster_fill_en", model.English}} {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%d", sc.name, sz.w), func(t *testing.T) {
				s, err := data.Open(filepath.Join(t.TempDir(), "new.db"))
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				a := newTestApp(t, s, sc.lang, sz.w, sz.h)
				press(t, a, "1", "esc", "张三", "enter", "李四")
				checkFits(t, strings.Join(a.compose(), "\n"), sz.w, sz.h)
				golden.RequireEqual(t, trimLines(ansi.Strip(a.render())))
			})
		}
	}
}
