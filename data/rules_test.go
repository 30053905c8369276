package data

import (
	"errors"
	"path/filepath"
	"testing"

	"taizhang/model"
)

func ref(s string) model.PeriodRef {
	r, err := model.ParsePeriodRef(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Rules version 2 reaches ledgers of every older schema: the schema-1 and
// schema-3 ledgers in testdata keep every duty, target and record, and
// then store a record's 所属期间, excuses and the post start date.
func TestOlderLedgersTakeRulesV2(t *testing.T) {
	for _, c := range []struct {
		file            string
		duties, records int
		targets         int
		year            int
		monthly         int64 // a monthly duty with a target in year
		unit            string
	}{
		{v1Ledger, 3, 5, 4, 2025, 1, ""},
		{v3Ledger, 3, 4, 3, 2026, 1, "某市市场监督管理局"},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "taizhang.db")
			copyFile(t, c.file, path)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			var v, targets int
			s.DB().QueryRow("PRAGMA user_version").Scan(&v)
			s.DB().QueryRow("SELECT count(*) FROM targets").Scan(&targets)
			ds, _ := s.Duties(ctx)
			rs, _ := s.Records(ctx, RecordFilter{})
			if v != SchemaVersion() || len(ds) != c.duties || len(rs) != c.records || targets != c.targets {
				t.Fatalf("schema %d, %d duties, %d records, %d targets", v, len(ds), len(rs), targets)
			}
			for _, r := range rs {
				if !r.For.IsZero() {
					t.Errorf("record %d counts for %s after the upgrade", r.ID, r.For)
				}
			}
			p, _ := s.Profile(ctx)
			if p.Unit != c.unit || !p.Start.IsZero() {
				t.Errorf("profile %+v", p)
			}
			// The new columns and table take writes.
			p.Start = model.NewDate(c.year, 3, 1)
			if err := s.SetProfile(ctx, p); err != nil {
				t.Fatal(err)
			}
			today := model.NewDate(c.year, 12, 20)
			if _, _, err := s.Excuse(ctx, c.monthly, model.PeriodRef{Year: c.year, Cadence: model.Month, Index: 7}, "病休", today); err != nil {
				t.Fatal(err)
			}
			r, err := s.AddRecord(ctx, model.Record{DutyID: c.monthly, Date: model.NewDate(c.year, 10, 3),
				For: model.PeriodRef{Year: c.year, Cadence: model.Month, Index: 8}}, today)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if s, err = Open(path); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			back, _ := s.Record(ctx, r.ID)
			es, _ := s.Excuses(ctx, c.year)
			p2, _ := s.Profile(ctx)
			sept := model.PeriodRef{Year: c.year, Cadence: model.Month, Index: 8}
			if back.For != sept || len(es) != 1 || es[0].Reason != "病休" || p2.Start != p.Start {
				t.Errorf("after reopening: record for %q, excuses %+v, profile %+v", back.For, es, p2)
			}
		})
	}
}

// A record given for an earlier period counts there, in that period's
// year only; refusals write nothing; edits and undo keep the period.
func TestRecordForAnEarlierPeriod(t *testing.T) {
	s := openTemp(t)
	report := mustAddDuty(t, s, "向党组报告党风廉政建设工作", model.Report, model.Half, 1, 2026)
	monthly := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	today := day("2027-01-15")

	// The year-end report given on 10 January, with no 2027 target yet.
	r, err := s.AddRecord(ctx, model.Record{DutyID: report, Date: day("2027-01-10"), Topic: "年终报告", For: ref("2026-H2")}, today)
	if err != nil {
		t.Fatal(err)
	}
	if r.For != ref("2026-H2") {
		t.Errorf("stored for %q", r.For)
	}
	mid, err := s.AddRecord(ctx, model.Record{DutyID: report, Date: day("2026-07-08"), Topic: "年中报告", For: ref("2026年上半年")}, today)
	if err != nil {
		t.Fatal(err)
	}
	ys, _ := s.YearStatusAt(ctx, 2026, model.CloseOf(day("2026-12-31")))
	dy := ys.Duties[len(ys.Duties)-1]
	if dy.Duty.ID != report {
		dy = ys.Duties[0]
	}
	if dy.Status != model.Done || dy.Periods[0].Count != 1 || dy.Periods[1].Count != 1 {
		t.Errorf("2026 report: %s %+v", dy.Status, dy.Periods)
	}
	// In 2027 the January record counts nowhere.
	if _, err := s.AddDuties(ctx, []model.Duty{{Title: "向党组报告党风廉政建设工作", Category: model.Report}},
		[]model.Target{{Year: 2027, Cadence: model.Half, Min: 1}}); err != nil {
		t.Fatal(err)
	}
	ys, _ = s.YearStatus(ctx, 2027, today)
	for _, d := range ys.Duties {
		if d.Duty.ID == report && (d.Periods[0].Count != 0 || d.Done != 0) {
			t.Errorf("2027 counts the record for 2026-H2: %+v", d.Periods)
		}
	}

	before, _ := s.Records(ctx, RecordFilter{})
	for _, c := range []struct {
		name string
		rec  model.Record
		err  error
	}{
		{"a later period", model.Record{DutyID: report, Date: day("2026-06-20"), For: ref("2026-H2")}, model.ErrForNotEnded},
		{"another cadence", model.Record{DutyID: report, Date: day("2026-07-08"), For: ref("2026-Q2")}, model.ErrForCadence},
		{"more than 60 days", model.Record{DutyID: monthly, Date: day("2026-05-10"), For: ref("2026-02")}, model.ErrForTooOld},
		{"a year without a target", model.Record{DutyID: monthly, Date: day("2026-01-10"), For: ref("2025-12")}, model.ErrNoTarget},
	} {
		if _, err := s.AddRecord(ctx, c.rec, today); !errors.Is(err, c.err) {
			t.Errorf("%s: %v, want %v", c.name, err, c.err)
		}
	}
	if after, _ := s.Records(ctx, RecordFilter{}); len(after) != len(before) {
		t.Errorf("a refused record was written")
	}
	// Naming the period of its own date stores nothing.
	own, err := s.AddRecord(ctx, model.Record{DutyID: monthly, Date: day("2026-03-05"), For: ref("2026-03")}, today)
	if err != nil || !own.For.IsZero() {
		t.Errorf("own period: %+v %v", own.For, err)
	}

	// Edit drops the period; undo brings it back; delete and undo keep it.
	edited := mid
	edited.For = model.PeriodRef{}
	b, a, err := s.UpdateRecord(ctx, edited, today)
	if err != nil || !a.For.IsZero() {
		t.Fatalf("edit: %+v %v", a, err)
	}
	if err := s.UndoEdit(ctx, b, a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Record(ctx, mid.ID)
	if got.For != ref("2026-H1") {
		t.Errorf("after undo, for %q", got.For)
	}
	gone, err := s.DeleteRecord(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoDelete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Record(ctx, mid.ID); got.For != ref("2026-H1") {
		t.Errorf("after undoing the delete, for %q", got.For)
	}
	// A cadence changed since: the record counts where it is dated.
	d, _ := s.Duty(ctx, report)
	nt := model.Target{Year: 2026, Cadence: model.Quarter, Min: 1}
	if err := s.EditDuty(ctx, DutyChange{Duty: d, Target: &nt}); err != nil {
		t.Fatal(err)
	}
	ys, _ = s.YearStatusAt(ctx, 2026, model.CloseOf(day("2026-12-31")))
	for _, dy := range ys.Duties {
		if dy.Duty.ID == report && (dy.Periods[2].Count != 1 || dy.Periods[3].Count != 0) {
			t.Errorf("after the cadence changed: %+v", dy.Periods)
		}
	}
}

func TestExcuses(t *testing.T) {
	s := openTemp(t)
	id := mustAddDuty(t, s, "主题党日", model.Meeting, model.Month, 1, 2026)
	today := day("2026-08-20")
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-07-03")}, today); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		period string
		reason string
		err    error
	}{
		{"a met period", "2026-07", "病休", model.ErrExcuseMet},
		{"no reason", "2026-08", " ", model.ErrExcuseReason},
		{"another cadence", "2026-Q3", "病休", model.ErrNoSuchPeriod},
		{"a year without a target", "2025-08", "病休", model.ErrNoTarget},
	} {
		if _, _, err := s.Excuse(ctx, id, ref(c.period), c.reason, today); !errors.Is(err, c.err) {
			t.Errorf("%s: %v, want %v", c.name, err, c.err)
		}
	}
	if es, _ := s.Excuses(ctx, 0); len(es) != 0 {
		t.Fatalf("a refused excuse was written: %+v", es)
	}
	added, replaced, err := s.Excuse(ctx, id, ref("2026-06"), "病休", today)
	if err != nil || replaced.Reason != "" || added.Reason != "病休" {
		t.Fatalf("excuse: %+v %+v %v", added, replaced, err)
	}
	ys, _ := s.YearStatus(ctx, 2026, today)
	if p := ys.Duties[0].Periods[5]; p.State != model.Excused || p.Reason != "病休" || ys.Duties[0].Required != 11 {
		t.Errorf("June: %+v, required %d", p, ys.Duties[0].Required)
	}
	// A new reason replaces the old; undo puts the old one back.
	again, replaced, err := s.Excuse(ctx, id, ref("2026-06"), "上级统一组织", today)
	if err != nil || replaced.Reason != "病休" {
		t.Fatalf("re-excuse: %+v %v", replaced, err)
	}
	if err := s.UndoExcuse(ctx, again, replaced); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.Excuses(ctx, 2026); len(es) != 1 || es[0].Reason != "病休" {
		t.Errorf("after undo: %+v", es)
	}
	// Withdraw, undo the withdrawal, withdraw again, undo the first excuse.
	removed, err := s.RemoveExcuse(ctx, id, ref("2026-06"))
	if err != nil || removed.Reason != "病休" {
		t.Fatalf("remove: %+v %v", removed, err)
	}
	if _, err := s.RemoveExcuse(ctx, id, ref("2026-06")); !errors.Is(err, model.ErrExcuseMissing) {
		t.Errorf("removing twice: %v", err)
	}
	if err := s.UndoRemoveExcuse(ctx, removed); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoRemoveExcuse(ctx, removed); !errors.Is(err, model.ErrChanged) {
		t.Errorf("undoing twice: %v", err)
	}
	if err := s.UndoExcuse(ctx, added, model.Excuse{}); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.Excuses(ctx, 0); len(es) != 0 {
		t.Errorf("after undoing the excuse: %+v", es)
	}
}

// The post start date is given to the year's targets created after it is
// set: a new duty, a template or plan's duties, a carried year.
func TestProfileStartDate(t *testing.T) {
	s := openTemp(t)
	old := mustAddDuty(t, s, "早已有的事项", model.Study, model.Month, 1, 2025)
	if err := s.SetProfile(ctx, model.Profile{Name: "张三", Start: day("2026-11-30")}); err != nil {
		t.Fatal(err)
	}
	mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	mustAddDuty(t, s, "明年的事项", model.Study, model.Month, 1, 2027)
	withOwn, _ := s.AddDuty(ctx, model.Duty{Title: "自定起始", Category: model.Other}, model.Target{Year: 2026, Cadence: model.Year, Min: 1, Start: day("2026-12-01")})
	if _, err := s.AddDuties(ctx, []model.Duty{{Title: "调研", Category: model.Research}}, []model.Target{{Year: 2026, Cadence: model.Year, Min: 12}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Carry(ctx, 2025, 2026); err != nil {
		t.Fatal(err)
	}
	dts, _ := s.YearDuties(ctx, 2026)
	for _, dt := range dts {
		want := day("2026-11-30")
		if dt.ID == withOwn {
			want = day("2026-12-01")
		}
		if dt.Target.Start != want {
			t.Errorf("%s: start %s, want %s", dt.Title, dt.Target.Start, want)
		}
	}
	if len(dts) != 4 {
		t.Errorf("%d duties in 2026", len(dts))
	}
	dts, _ = s.YearDuties(ctx, 2027)
	if len(dts) != 1 || !dts[0].Target.Start.IsZero() {
		t.Errorf("2027: %+v", dts)
	}
	if t0, _, _ := s.Target(ctx, old, 2025); !t0.Start.IsZero() {
		t.Errorf("an existing target was changed: %+v", t0)
	}
	// Eight monthly duties set up on the start day are not missed.
	ys, _ := s.YearStatus(ctx, 2026, day("2026-11-30"))
	if ys.Figures.Missed != 0 {
		t.Errorf("missed on the first day: %+v", ys.Figures)
	}
}

// A year's JSON dump carries excuses, a record's 所属期间 (the record given
// in January for last year's 下半年 is in last year's dump) and the post
// start date, and loading it rebuilds them.
func TestDumpCarriesRulesV2(t *testing.T) {
	s := openTemp(t)
	id := mustAddDuty(t, s, "报告", model.Report, model.Half, 1, 2026)
	today := day("2027-01-15")
	if err := s.SetProfile(ctx, model.Profile{Name: "张三", Start: day("2026-02-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2027-01-10"), For: ref("2026-H2")}, today); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Excuse(ctx, id, ref("2026-H1"), "病休", today); err != nil {
		t.Fatal(err)
	}
	d, err := s.Dump(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Duties) != 1 || len(d.Duties[0].Records) != 1 || d.Duties[0].Records[0].For != ref("2026-H2") ||
		len(d.Duties[0].Excuses) != 1 || d.Profile.Start != day("2026-02-01") {
		t.Fatalf("dump %+v", d)
	}
	other := openTemp(t)
	loaded, err := other.Load(ctx, d, today)
	if err != nil || loaded.ExcusesAdded != 1 || loaded.RecordsAdded != 1 {
		t.Fatalf("load %+v %v", loaded, err)
	}
	again, _ := other.Dump(ctx, 2026)
	if again.Duties[0].Records[0].For != ref("2026-H2") || again.Duties[0].Excuses[0].Reason != "病休" || again.Profile.Start != day("2026-02-01") {
		t.Errorf("reloaded %+v", again)
	}
	if loaded, _ := other.Load(ctx, d, today); loaded.ExcusesAdded != 0 || loaded.RecordsAdded != 0 {
		t.Errorf("loading twice added %+v", loaded)
	}
	var n int
	other.DB().QueryRow(`SELECT count(*) FROM excuses`).Scan(&n)
	if n != 1 {
		t.Errorf("%d excuses", n)
	}
}
