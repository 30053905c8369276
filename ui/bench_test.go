package ui

import (
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

// benchApp opens the interface on the benchmark ledger (TAIZHANG_BENCH=big
// for 10 years × 300 duties × 100 000 records) at 200×60.
func benchApp(b *testing.B) (*App, *data.Store) {
	b.Helper()
	o := data.BenchSize()
	path, err := data.DemoFile(os.TempDir(), o)
	if err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	now := o.Today.Time().Add(10 * time.Hour)
	a := New(Options{Ledger: s, Lang: model.Chinese, Now: func() time.Time { return now }, NoTimers: true})
	a.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	msg := load(s, now.Year(), o.Today)()
	a.Update(msg)
	return a, s
}

// BenchmarkFirstFrame is the work between opening the ledger and the first
// full frame: load the year, then draw it.
func BenchmarkFirstFrame(b *testing.B) {
	_, s := benchApp(b)
	o := data.BenchSize()
	now := o.Today.Time().Add(10 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		a := New(Options{Ledger: s, Lang: model.Chinese, Now: func() time.Time { return now }, NoTimers: true})
		a.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		a.Update(load(s, now.Year(), o.Today)())
		_ = a.View()
	}
}

// BenchmarkDashboardView draws the dashboard at 200×60.
func BenchmarkDashboardView(b *testing.B) {
	a, _ := benchApp(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = a.View()
	}
}

// BenchmarkKeyPress is one key press: Update, then View of the dashboard.
func BenchmarkKeyPress(b *testing.B) {
	a, _ := benchApp(b)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	up := tea.KeyPressMsg{Code: 'k', Text: "k"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if i/40%2 == 1 {
			k = up
		}
		i++
		a.Update(k)
		_ = a.View()
	}
}
