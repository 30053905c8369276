package ui

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/data"
	"taizhang/data/export"
	"taizhang/model"
)

// testNow is the day every UI test lives on.
var testNow = time.Date(2026, 11, 22, 9, 30, 0, 0, time.Local)

var bg = context.Background()

// testLedger is a ledger with the leadership duty set for 2026 and a year
// of records with Chinese text, one of them carrying escape sequences.
func testLedger(t *testing.T) (*data.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "taizhang.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tpl, _ := model.FindTemplate("leadership")
	ds, ts := tpl.Build(2026, model.Chinese)
	if _, err := s.AddDuties(bg, ds, ts); err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(testNow)
	// The section chiefs the reminder talks are owed to: 孙科长 took up
	// the post in October, too late to be required this year.
	for _, p := range []struct{ name, from string }{{"赵科长", ""}, {"钱科长", ""}, {"孙科长", "2026-10-01"}} {
		from, _ := model.ParseDate(p.from)
		if _, err := s.AddPerson(bg, model.Person{Name: p.name}, []data.Joining{{Group: "分管科室负责人", From: from}}); err != nil {
			t.Fatal(err)
		}
	}
	id := func(title string) int64 {
		all, _ := s.Duties(bg)
		d, err := model.MatchDuty(all, title)
		if err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	add := func(title, date, topic, with, place string) {
		d, _ := model.ParseDate(date)
		if _, err := s.AddRecord(bg, model.Record{DutyID: id(title), Date: d, Topic: topic, With: with, Place: place}, today); err != nil {
			t.Fatal(err)
		}
	}
	for m := 1; m <= 11; m++ {
		if m == 8 {
			continue // August's law study was missed
		}
		add("会前学法", time.Date(2026, time.Month(m), 9, 0, 0, 0, 0, time.UTC).Format("2006-01-02"),
			"学习《行政复议法》", "张三、李四、王五", "局三楼会议室")
	}
	for i, d := range []string{"2026-01-15", "2026-03-20", "2026-05-12", "2026-06-30", "2026-09-18"} {
		add("中心组", d, []string{"学习党的二十届三中全会精神", "学习习近平法治思想", "学习《中国共产党纪律处分条例》", "第一议题：学习重要讲话精神", "学习《保守国家秘密法》"}[i], "党组成员", "局五楼会议室")
	}
	add("提醒谈话", "2026-04-08", "年度廉政提醒谈话", "赵科长", "局长办公室")
	add("民主生活会", "2026-01-22", "2025年度民主生活会", "党组成员", "局三楼会议室")
	add("调研", "2026-03-03", "城东基层所营商环境调研\x1b[2J\x1b]52;c;aGk=\x07", "刘所长、陈科长", "城东基层所\u202e")
	add("调研", "2026-06-10", "企业服务情况调研", "企业负责人", "开发区企业服务中心")
	return s, path
}

// newTestApp opens the interface on a ledger at a size, with its first
// load done.
func newTestApp(t *testing.T, l Ledger, lang model.Lang, w, h int) *App {
	t.Helper()
	o := Options{Ledger: l, Lang: lang, Now: func() time.Time { return testNow }, NoTimers: true, Dir: "/home/officer/Documents"}
	if s, ok := l.(*data.Store); ok {
		o.Export = func(ctx context.Context, eo export.Options) (string, []export.Warning, error) {
			return export.Write(ctx, s, eo)
		}
	}
	a := New(o)
	send(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	run(t, a, a.Init())
	return a
}

// send delivers messages to Update and runs the commands they return, the
// way the program would, synchronously.
func send(t *testing.T, a *App, msgs ...tea.Msg) {
	t.Helper()
	for _, m := range msgs {
		_, cmd := a.Update(m)
		run(t, a, cmd)
	}
}

func run(t *testing.T, a *App, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			run(t, a, c)
		}
	case tea.QuitMsg:
		// the program would end here
	default:
		// tea.Sequence's message is unexported: a slice of commands, run
		// in order.
		if v := reflect.ValueOf(m); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				run(t, a, v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		send(t, a, m)
	}
}

// keys turns a readable list into key presses: named keys ("enter",
// "space", "ctrl+s", …) and, for anything else, each character typed.
func keys(names ...string) []tea.Msg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "space": {Code: tea.KeySpace, Text: " "},
		"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"ctrl+s": {Code: 's', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
		"backspace": {Code: tea.KeyBackspace}, "pgdown": {Code: tea.KeyPgDown}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	var out []tea.Msg
	for _, n := range names {
		if k, ok := special[n]; ok {
			out = append(out, tea.KeyPressMsg(k))
			continue
		}
		for _, r := range n {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

func press(t *testing.T, a *App, names ...string) {
	t.Helper()
	send(t, a, keys(names...)...)
}

// screen is the view as a person reads it: styling stripped.
func screen(a *App) string { return ansi.Strip(a.render()) }

func mustContain(t *testing.T, a *App, wants ...string) {
	t.Helper()
	s := screen(a)
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Fatalf("the screen does not show %q:\n%s", w, s)
		}
	}
}

func mustNotContain(t *testing.T, a *App, nots ...string) {
	t.Helper()
	s := screen(a)
	for _, n := range nots {
		if strings.Contains(s, n) {
			t.Fatalf("the screen shows %q:\n%s", n, s)
		}
	}
}

// selectDuty moves the dashboard cursor to the duty whose title contains s.
func selectDuty(t *testing.T, a *App, s string) {
	t.Helper()
	press(t, a, "g")
	for i := 0; i < 60; i++ {
		if dy, ok := a.dash.selected(); ok && strings.Contains(dy.Duty.Title, s) {
			return
		}
		press(t, a, "j")
	}
	t.Fatalf("no duty %q on the dashboard", s)
}

func recordsOf(t *testing.T, s *data.Store, title string) []model.Record {
	t.Helper()
	all, _ := s.Duties(bg)
	d, err := model.MatchDuty(all, title)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := s.Records(bg, data.RecordFilter{DutyID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
