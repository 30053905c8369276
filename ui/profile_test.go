package ui

import (
	"context"
	"strings"
	"testing"

	"taizhang/data"

	"taizhang/model"
)

// p opens the profile: name, post, unit and the post start date, which
// can be applied to the year's targets; a date outside this year and the
// next, or apply without a date, is refused in one sentence.
func TestProfileForm(t *testing.T) {
	s, _ := testLedger(t)
	bg := context.Background()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "p")
	mustContain(t, a, "个人信息", "姓名", "职务", "单位", "任职日期", "用于已有")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	press(t, a, "张三", "tab", "副局长", "tab", "市司法局", "tab", "2024-03-01", "ctrl+s")
	mustContain(t, a, "任职日期 2024-03-01 不在今年（2026年）或明年之内")
	for range 10 {
		press(t, a, "backspace")
	}
	press(t, a, "tab", "space", "ctrl+s")
	mustContain(t, a, "“用于已有”需要填写任职日期。")
	if p, _ := s.Profile(bg); !p.IsZero() {
		t.Fatalf("a refused form saved %+v", p)
	}
	press(t, a, "2026-07-01", "ctrl+s")
	mustContain(t, a, "已保存个人信息，并把任职日期 2026-07-01 用于2026年的")
	p, err := s.Profile(bg)
	if err != nil || p.Name != "张三" || p.Post != "副局长" || p.Unit != "市司法局" || p.Start.String() != "2026-07-01" {
		t.Fatalf("profile = %+v, %v", p, err)
	}
	dy, has, err := s.DutyYear(bg, mustDuty(t, s, "述法"), 2026, model.Now(model.NewDate(2026, 11, 22)))
	if err != nil || !has || dy.Target.Start.String() != "2026-07-01" {
		t.Errorf("the start date was not applied: %+v %v %v", dy.Target, has, err)
	}
	// Opened again, it shows what is saved.
	press(t, a, "p")
	mustContain(t, a, "张三", "市司法局", "2026-07-01")
	press(t, a, "esc")

	en := newTestApp(t, s, model.English, 80, 24)
	press(t, en, "p")
	mustContain(t, en, "Profile", "Post start", "Apply")
	checkFits(t, strings.Join(en.compose(), "\n"), 80, 24)
}

func mustDuty(t *testing.T, s interface {
	Duties(context.Context) ([]model.Duty, error)
}, title string) int64 {
	t.Helper()
	ds, _ := s.Duties(context.Background())
	d, err := model.MatchDuty(ds, title)
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

// On the first run, after a duty set is chosen, the form asks for the
// post start date and applies it to the duties just added.
func TestFirstRunAsksThePostStartDate(t *testing.T) {
	for _, lang := range []model.Lang{model.Chinese, model.English} {
		s, err := data.Open(t.TempDir() + "/new.db")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		a := newTestApp(t, s, lang, 80, 24)
		press(t, a, "1")
		checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
		press(t, a, "2026-09-01", "ctrl+s")
		p, _ := s.Profile(context.Background())
		if p.Start.String() != "2026-09-01" {
			t.Fatalf("%s: start = %s", lang, p.Start)
		}
		ds, _ := s.Duties(context.Background())
		dy, _, err := s.DutyYear(context.Background(), ds[0].ID, 2026, model.Now(model.NewDate(2026, 11, 22)))
		if err != nil || dy.Target.Start.String() != "2026-09-01" {
			t.Errorf("%s: the date was not applied: %+v %v", lang, dy.Target, err)
		}
	}
}

// The officer types the date and saves the moment the first run's form
// shows, before the duty set is written and the profile read: nothing
// typed is lost, and the save waits for both, so the date still reaches
// the duties just added.
func TestFirstRunDateTypedBeforeTheProfileIsRead(t *testing.T) {
	s, err := data.Open(t.TempDir() + "/new.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	_, held := a.Update(keys("1")[0])
	press(t, a, "2026-09-01", "ctrl+s")
	mustContain(t, a, "2026-09-01")
	if p, _ := s.Profile(context.Background()); !p.Start.IsZero() {
		t.Fatalf("saved before the profile was read: %+v", p)
	}
	run(t, a, held)
	p, _ := s.Profile(context.Background())
	if p.Start.String() != "2026-09-01" {
		t.Fatalf("start = %q: the typed date was lost", p.Start)
	}
	mustContain(t, a, "用于2026年的")
	ds, _ := s.Duties(context.Background())
	dy, _, err := s.DutyYear(context.Background(), ds[0].ID, 2026, model.Now(model.NewDate(2026, 11, 22)))
	if err != nil || dy.Target.Start.String() != "2026-09-01" {
		t.Errorf("the date was not applied: %+v %v", dy.Target, err)
	}
}

// A profile form opened before another window changed the profile
// refuses to save over it, in one sentence, and changes nothing.
func TestProfileFormAcrossAnotherChange(t *testing.T) {
	s, _ := testLedger(t)
	bg := context.Background()
	if err := s.SetProfile(bg, model.Profile{Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "p")
	mustContain(t, a, "张三")
	p, _ := s.Profile(bg)
	p.Post = "科长"
	if err := s.SetProfile(bg, p); err != nil {
		t.Fatal(err)
	}
	press(t, a, "tab", "tab", "某市财政局", "ctrl+s")
	mustContain(t, a, "个人信息已在别处修改（或台账已从备份恢复）：你没动的各项已换成现在的内容")
	if got, _ := s.Profile(bg); got.Post != "科长" || got.Unit != "" {
		t.Fatalf("the stale form saved over the change: %+v", got)
	}
	// The field the officer did not touch now shows the other window's
	// 科长; the unit they typed is still there, and a second save keeps
	// both.
	mustContain(t, a, "科长", "某市财政局")
	press(t, a, "ctrl+s")
	if got, _ := s.Profile(bg); got.Name != "张三" || got.Post != "科长" || got.Unit != "某市财政局" {
		t.Fatalf("after the merge the save gave %+v", got)
	}
}

// A post start date mistyped on the first run is corrected in the
// profile form: with 用于已有 ticked the new date replaces the old on
// every target that took it.
func TestProfileCorrectsTheStartDate(t *testing.T) {
	s, err := data.Open(t.TempDir() + "/new.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "1", "2026-07-01", "ctrl+s", "esc")
	press(t, a, "p", "tab", "tab", "tab")
	for range 10 {
		press(t, a, "backspace")
	}
	// Changing the date ticks 用于已有: the correction reaches the targets
	// without the officer having to know to tick it.
	press(t, a, "2026-05-01", "ctrl+s")
	mustContain(t, a, "已保存个人信息，并把任职日期 2026-05-01 用于2026年的14项要求。")
	ds, _ := s.Duties(context.Background())
	for _, d := range ds {
		dy, _, err := s.DutyYear(context.Background(), d.ID, 2026, model.Now(model.NewDate(2026, 11, 22)))
		if err != nil || dy.Target.Start.String() != "2026-05-01" {
			t.Fatalf("%s starts %s, %v", d.Title, dy.Target.Start, err)
		}
	}
}
