package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"taizhang/data"
	"taizhang/model"
)

func exportJSON(t *testing.T, s *data.Store, year int, now time.Time) []byte {
	t.Helper()
	d, err := s.Dump(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, d, year, now); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var stampLine = regexp.MustCompile(`"exported_at": "[^"]*"`)

func withoutStamp(b []byte) string { return stampLine.ReplaceAllString(string(b), `"exported_at": ""`) }

func emptyLedger(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestJSONRoundTrip(t *testing.T) {
	src := fixedLedger(t)
	for _, year := range []int{2026, 0} {
		first := exportJSON(t, src, year, fixedNow)
		path := writeTemp(t, "export.json", first)
		dst := emptyLedger(t)
		loaded, err := Import(ctx, dst, path, fixedToday)
		if err != nil {
			t.Fatal(err)
		}
		again := exportJSON(t, dst, year, fixedNow.Add(time.Hour))
		if bytes.Equal(first, again) {
			t.Error("the timestamp did not change")
		}
		if withoutStamp(first) != withoutStamp(again) {
			t.Errorf("year %d: the export of the imported ledger differs:\n%s", year, diffLines(withoutStamp(first), withoutStamp(again)))
		}
		// Importing the same file again finds everything already there.
		second, err := Import(ctx, dst, path, fixedToday)
		if err != nil {
			t.Fatal(err)
		}
		if second.RecordsAdded != 0 || second.DutiesAdded != 0 || second.TargetsAdded != 0 || second.RecordsSkipped != loaded.RecordsAdded {
			t.Errorf("year %d: second import %+v after first %+v", year, second, loaded)
		}
		if withoutStamp(exportJSON(t, dst, year, fixedNow)) != withoutStamp(first) {
			t.Errorf("year %d: importing twice changed the ledger", year)
		}
	}
	var doc map[string]any
	first := exportJSON(t, src, 2026, fixedNow)
	if err := json.Unmarshal(first, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["format"] != FormatName || doc["version"] != 1.0 || doc["year"] != 2026.0 || doc["exported_at"] != "2027-01-15T09:30:00Z" {
		t.Errorf("head = %v %v %v %v", doc["format"], doc["version"], doc["year"], doc["exported_at"])
	}
	if n := strings.Count(string(first), `"date"`); n != 32 {
		t.Errorf("the 2026 export holds %d records, want 32 (the 2025 one is left out)", n)
	}
	if n := strings.Count(string(exportJSON(t, src, 0, fixedNow)), `"date"`); n != 33 {
		t.Errorf("the whole-ledger export holds %d records, want 33", n)
	}
}

func TestImportMerges(t *testing.T) {
	src := fixedLedger(t)
	path := writeTemp(t, "export.json", exportJSON(t, src, 2026, fixedNow))
	dst := emptyLedger(t)
	if err := dst.SetProfile(ctx, model.Profile{Name: "李四"}); err != nil {
		t.Fatal(err)
	}
	id, err := dst.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study, Basis: "本地依据"}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dst.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, 1, 8), Topic: "学习法律法规", With: "张三、李四", Place: "三楼会议室"}, fixedToday); err != nil {
		t.Fatal(err)
	}
	loaded, err := Import(ctx, dst, path, fixedToday)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.DutiesMatched != 1 || loaded.DutiesAdded != 6 || loaded.RecordsSkipped != 1 || loaded.RecordsAdded != 31 || !loaded.ProfileFilled {
		t.Errorf("loaded %+v", loaded)
	}
	p, _ := dst.Profile(ctx)
	if p.Rev == "" {
		t.Error("a stored profile has no version")
	}
	if p.Rev = ""; p != (model.Profile{Name: "李四", Post: "副局长", Unit: "某某市某某局"}) {
		t.Errorf("profile %+v: a set name must stay, empty fields be filled", p)
	}
	d, _ := dst.Duty(ctx, id)
	if d.Basis != "本地依据" {
		t.Errorf("the ledger's basis was replaced by the file's: %q", d.Basis)
	}
}

func TestImportRefuses(t *testing.T) {
	src := fixedLedger(t)
	good := string(exportJSON(t, src, 2026, fixedNow))
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the export has no %q to edit", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	conflict := emptyLedger(t)
	if _, err := conflict.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Quarter, Min: 1}); err != nil {
		t.Fatal(err)
	}
	otherCategory := emptyLedger(t)
	if _, err := otherCategory.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Meeting}, model.Target{Year: 2025, Cadence: model.Month, Min: 1}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, file, want string
		into             *data.Store
	}{
		{"not json", "not json at all", "ImportSyntax", nil},
		{"empty", "", "ImportSyntax", nil},
		{"cut short", good[:len(good)/2], "ImportSyntax", nil},
		{"another format", `{"format": "something-else", "version": 1}`, "ImportNotOurs", nil},
		{"no format", `[1, 2, 3]`, "", nil},
		{"newer version", edit(`"version": 1`, `"version": 2`), "ImportNewer", nil},
		{"fractional version", edit(`"version": 1`, `"version": 1.5`), "ImportVersion", nil},
		{"unknown field", edit(`"topic":`, `"colour": "red", "topic":`), "colour", nil},
		{"wrong type", edit(`"min": 1,`, `"min": "1",`), "ImportFieldType", nil},
		{"bad date", edit(`"date": "2026-01-08"`, `"date": "2026-02-30"`), "第1条记录ImportRecordDate: 2026-02-30", nil},
		{"future record", edit(`"date": "2026-01-08"`, `"date": "2027-06-01"`), "第1条记录：DateFuture: 2027-06-01", nil},
		{"bad category", edit(`"category": "study"`, `"category": "party"`), "ImportBadCategory: party", nil},
		{"bad cadence", edit(`"cadence": "month"`, `"cadence": "fortnight"`), "ImportCadence: 2026, fortnight", nil},
		{"zero minimum", edit(`"min": 1,`, `"min": 0,`), "2026年要求：Min", nil},
		{"empty title", edit(`"title": "会前学法"`, `"title": "  "`), "TitleEmpty", nil},
		{"duplicate duty", edit(`"title": "专题学法"`, `"title": "会前学法"`), "ImportTwoDuties", nil},
		{"bad timestamp", edit(`"created": "2026-01-08T10:00:00Z"`, `"created": "yesterday"`), "ImportRecordTime: created, yesterday", nil},
		{"trailing data", good + `{}`, "ImportSyntax", nil},
		{"conflicting target", good, "ImportTarget", conflict},
		{"conflicting category", good, "ImportCategory", otherCategory},
	} {
		t.Run(c.name, func(t *testing.T) {
			into := c.into
			if into == nil {
				into = fixedLedger(t)
			}
			before := withoutStamp(exportJSON(t, into, 0, fixedNow))
			_, err := Import(ctx, into, writeTemp(t, "bad.json", []byte(c.file)), fixedToday)
			ie, ok := model.AsInput(err)
			if !ok {
				t.Fatalf("error %v is not a refusal of bad input", err)
			}
			// A refusal of a kind is told by its kind (the front ends
			// phrase it), the others by their words.
			zh, en := ie.In(model.Chinese), ie.In(model.English)
			if !strings.Contains(zh, c.want) || strings.Count(zh, "\n") > 0 || !strings.HasPrefix(zh, "不能导入 ") {
				t.Errorf("message %q does not say %q in one line", zh, c.want)
			}
			if en == "" || strings.Contains(zh, "%!") || strings.Contains(en, "%!") {
				t.Errorf("bad message: %q / %q", zh, en)
			}
			if after := withoutStamp(exportJSON(t, into, 0, fixedNow)); after != before {
				t.Error("a refused import changed the ledger")
			}
		})
	}
	if _, err := Import(ctx, emptyLedger(t), filepath.Join(t.TempDir(), "missing.json"), fixedToday); !isKind(err, model.KindNoSuchFile) {
		t.Errorf("a missing file: %v", err)
	}
}

func TestImportCleansText(t *testing.T) {
	file := `{"format": "taizhang-ledger", "version": 1, "exported_at": "2026-01-01T00:00:00Z",
		"profile": {"name": "张三\u001b[2J", "post": "", "unit": ""},
		"duties": [{"title": "会前\u202e学法", "category": "study", "description": "", "basis": "",
			"targets": [{"year": 2026, "cadence": "month", "min": 1}],
			"records": [{"date": "2026-01-08", "topic": "学习\u0007法律\r\n法规", "participants": "", "place": "", "note": "a\u009bb"}]}]}`
	dst := emptyLedger(t)
	if _, err := Import(ctx, dst, writeTemp(t, "dirty.json", []byte(file)), fixedToday); err != nil {
		t.Fatal(err)
	}
	ds, _ := dst.Duties(ctx)
	recs, _ := dst.Records(ctx, data.RecordFilter{})
	p, _ := dst.Profile(ctx)
	if len(ds) != 1 || ds[0].Title != "会前学法" || len(recs) != 1 || recs[0].Topic != "学习法律 法规" || recs[0].Note != "ab" || p.Name != "张三" {
		t.Errorf("imported %+v %+v %+v", ds, recs, p)
	}
}

func TestCheck(t *testing.T) {
	s := fixedLedger(t)
	rep, err := s.YearReport(ctx, 2026, model.Now(fixedToday))
	if err != nil {
		t.Fatal(err)
	}
	ws := Check(rep)
	kinds := map[WarningKind][]string{}
	for _, w := range ws {
		kinds[w.Kind] = append(kinds[w.Kind], w.In(model.Chinese))
		if w.In(model.English) == "" {
			t.Errorf("no English for %q", w.Zh)
		}
	}
	want := map[WarningKind][]string{
		MissedPeriods: {"“会前学法”8月、10月未达标。", "“参加支部党员大会”四季度未达标。", "“向党组报告党风廉政建设工作”下半年未达标。", "“参加警示教育”全年未达标。"},
		NoRecords:     {"“参加警示教育”本年度还没有任何记录。"},
		// The 专题学法 record with nobody named is not a talk, so it is fine.
		NoParticipants: {"2026-09-09 “与分管科室负责人提醒谈话”的谈话记录没有填写谈话对象。"},
		LateEntry:      {"2026-09-09 “与分管科室负责人提醒谈话”的记录在45天后（2026-10-24）才登记，请核实。"},
	}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("warnings:\n%q\nwant\n%q", kinds, want)
	}
	// A duty owed to each person of a group nobody is in is named; a duty
	// archived with nothing left to require is not short of records.
	if err := s.EnsureGroups(ctx, []string{"科室干部"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDuty(ctx, model.Duty{Title: "谈心谈话", Category: model.Talk}, model.Target{Year: 2026, Cadence: model.Year, Min: 1, Each: "科室干部"}); err != nil {
		t.Fatal(err)
	}
	risk, err := s.AddDuty(ctx, model.Duty{Title: "廉政风险点排查", Category: model.Other}, model.Target{Year: 2026, Cadence: model.Year, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, mustDuty(t, s, risk), model.NewDate(2026, 3, 1), "职责划转"); err != nil {
		t.Fatal(err)
	}
	rep, _ = s.YearReport(ctx, 2026, model.Now(fixedToday))
	kinds = map[WarningKind][]string{}
	for _, w := range Check(rep) {
		kinds[w.Kind] = append(kinds[w.Kind], w.In(model.Chinese)+" / "+w.In(model.English))
	}
	if g := kinds[EmptyGroup]; len(g) != 1 || !strings.Contains(g[0], "WarnEmptyGroup: 谈心谈话, 科室干部") {
		t.Errorf("empty group: %q", g)
	}
	for _, w := range kinds[NoRecords] {
		if strings.Contains(w, "廉政风险点排查") {
			t.Errorf("an archived duty with nothing required is flagged: %q", w)
		}
	}
	// Mid-year: nothing missed yet, and the annual duty still has time.
	rep, _ = s.YearReport(ctx, 2026, model.CloseOf(model.NewDate(2026, 6, 30)))
	ws = Check(rep)
	for _, w := range ws {
		if w.Kind == MissedPeriods {
			t.Errorf("mid-year warns %q", w.Zh)
		}
	}
}

func TestWrite(t *testing.T) {
	s := fixedLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range Formats {
		path, ws, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: f, Now: fixedNow})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if path != filepath.Join(dir, "taizhang-2026."+string(f)) || len(ws) != 7 {
			t.Errorf("%s: wrote %s with %d warnings", f, path, len(ws))
		}
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() == 0 {
			t.Errorf("%s: %v %v", path, fi.Mode(), err)
		}
		// Never overwritten without Force.
		if _, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: f}); !isKind(err, model.KindExists) {
			t.Errorf("%s overwritten without force: %v", f, err)
		}
	}
	if _, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Markdown, Force: true}); err != nil {
		t.Errorf("force: %v", err)
	}
	// Strict: the warnings stop it and nothing is written.
	_, ws, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Word, Path: "strict.docx", Strict: true})
	if _, ok := model.AsInput(err); !ok || len(ws) != 7 {
		t.Errorf("strict: %v with %d warnings", err, len(ws))
	}
	if _, err := os.Stat(filepath.Join(dir, "strict.docx")); err == nil {
		t.Error("strict wrote the file")
	}
	path, _, err := Write(ctx, s, Options{Format: JSON, All: true, Now: fixedNow})
	if err != nil || filepath.Base(path) != "taizhang-all.json" {
		t.Errorf("all: %s %v", path, err)
	}
	for _, o := range []Options{{Year: 2026, Format: "pdf"}, {Year: 2026, Format: Excel, All: true}, {Year: 99, Format: Markdown},
		{Year: 2026, Format: Markdown, Path: dir}} {
		if _, _, err := Write(ctx, s, o); err == nil {
			t.Errorf("%+v was accepted", o)
		} else if _, ok := model.AsInput(err); !ok {
			t.Errorf("%+v: %v is not an input error", o, err)
		}
	}
	if f, ok := ParseFormat(".DOCX"); !ok || f != Word || Word.Describe(model.Chinese) == "" {
		t.Error("ParseFormat")
	}
}

func TestWriteEmptyLedger(t *testing.T) {
	s := emptyLedger(t)
	dir := t.TempDir()
	for _, f := range Formats {
		for _, lang := range []model.Lang{model.Chinese, model.English} {
			path := filepath.Join(dir, string(lang)+"."+string(f))
			if _, ws, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: f, Lang: lang, Path: path}); err != nil || len(ws) != 0 {
				t.Errorf("%s %s: %v, %d warnings", f, lang, err, len(ws))
			}
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "zh.md"))
	if !strings.Contains(string(b), "台账中没有列入年度要求的履职事项") || !strings.Contains(string(b), "## 三、未达标事项\n\n无。") {
		t.Errorf("empty summary:\n%s", b)
	}
}

// A duty is matched by its title whatever its archive state: an export
// taken before the duty was archived, imported after, finds it and its
// records, and nothing is doubled.
func TestImportMatchesAcrossArchiving(t *testing.T) {
	s := emptyLedger(t)
	id, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, 3, 1), Topic: "t"}, fixedToday); err != nil {
		t.Fatal(err)
	}
	active := writeTemp(t, "active.json", exportJSON(t, s, 0, fixedNow))
	if err := s.SetArchived(ctx, mustDuty(t, s, id), model.NewDate(2026, 11, 22), ""); err != nil {
		t.Fatal(err)
	}
	archived := writeTemp(t, "archived.json", exportJSON(t, s, 0, fixedNow))
	want := withoutStamp(exportJSON(t, s, 0, fixedNow))
	loaded, err := Import(ctx, s, active, fixedToday)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, data.Loaded{DutiesMatched: 1, RecordsSkipped: 1,
		ArchiveKept: []data.ArchiveDiff{{Title: "会前学法", Ledger: model.NewDate(2026, 11, 22)}}}) {
		t.Errorf("the active duty's export, imported after archiving: %+v", loaded)
	}
	if got := withoutStamp(exportJSON(t, s, 0, fixedNow)); got != want {
		t.Errorf("the ledger changed:\n%s", diffLines(want, got))
	}
	// The other way: an export taken after archiving, into a ledger where
	// the duty is still active.
	other := emptyLedger(t)
	if _, err := Import(ctx, other, active, fixedToday); err != nil {
		t.Fatal(err)
	}
	if loaded, err := Import(ctx, other, archived, fixedToday); err != nil || !reflect.DeepEqual(loaded, data.Loaded{DutiesMatched: 1, RecordsSkipped: 1,
		ArchiveKept: []data.ArchiveDiff{{Title: "会前学法", File: model.NewDate(2026, 11, 22)}}}) {
		t.Errorf("the archived duty's export, imported where it is active: %+v %v", loaded, err)
	}
	ds, _ := other.Duties(ctx)
	if len(ds) != 1 || !ds[0].Archived.IsZero() {
		t.Errorf("duties %+v: the ledger's duty, still active, and no other", ds)
	}
}

// An archived and an active duty of one title are each matched to the one
// whose archive state agrees, and both come back whole into an empty ledger.
func TestImportTwoDutiesOfOneTitle(t *testing.T) {
	s := emptyLedger(t)
	old, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2025, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: old, Date: model.NewDate(2025, 5, 1), Topic: "旧"}, fixedToday); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, mustDuty(t, s, old), model.NewDate(2025, 12, 31), ""); err != nil {
		t.Fatal(err)
	}
	cur, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Quarter, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: cur, Date: model.NewDate(2026, 5, 1), Topic: "新"}, fixedToday); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, s, 0, fixedNow)
	path := writeTemp(t, "both.json", first)
	if loaded, err := Import(ctx, s, path, fixedToday); err != nil || !reflect.DeepEqual(loaded, data.Loaded{DutiesMatched: 2, RecordsSkipped: 2}) {
		t.Errorf("into the same ledger: %+v %v", loaded, err)
	}
	dst := emptyLedger(t)
	if loaded, err := Import(ctx, dst, path, fixedToday); err != nil || !reflect.DeepEqual(loaded, data.Loaded{DutiesAdded: 2, TargetsAdded: 2, RecordsAdded: 2}) {
		t.Errorf("into an empty ledger: %+v %v", loaded, err)
	}
	if got := withoutStamp(exportJSON(t, dst, 0, fixedNow)); got != withoutStamp(first) {
		t.Errorf("round trip:\n%s", diffLines(withoutStamp(first), got))
	}
	if loaded, err := Import(ctx, dst, path, fixedToday); err != nil || !reflect.DeepEqual(loaded, data.Loaded{DutiesMatched: 2, RecordsSkipped: 2}) {
		t.Errorf("again: %+v %v", loaded, err)
	}
	// Two active duties of one title cannot both be the ledger's: Load
	// refuses them even from a caller that did not check.
	twice := data.Dump{Duties: []data.DumpDuty{{Duty: model.Duty{Title: "谈话", Category: model.Talk}}, {Duty: model.Duty{Title: "谈话", Category: model.Talk}}}}
	if _, err := dst.Load(ctx, twice, fixedToday); err == nil {
		t.Error("two active duties of one title were loaded")
	} else if _, ok := model.AsInput(err); !ok {
		t.Errorf("%v is not a refusal of bad input", err)
	}
}

// A file Write would refuse is refused before the year is read: Before,
// where the command line prints the check's findings, is never called.
func TestWriteRefusesTheFileFirst(t *testing.T) {
	s := fixedLedger(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "taizhang-2026.md")
	if err := os.WriteFile(existing, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		o    Options
		want string
	}{
		{"exists", Options{Year: 2026, Format: Markdown, Path: existing}, "Exists"},
		{"no directory", Options{Year: 2026, Format: Excel, Path: filepath.Join(dir, "missing", "a.xlsx")}, "NoDir"},
		{"no directory, all", Options{Format: JSON, All: true, Path: filepath.Join(dir, "missing", "a.json")}, "NoDir"},
		{"a file for a directory", Options{Year: 2026, Format: Markdown, Path: filepath.Join(existing, "a.md")}, "NoDir"},
		{"a directory", Options{Year: 2026, Format: Markdown, Path: dir}, "ExportIsDir"},
	} {
		called := false
		c.o.AsOf = fixedToday
		c.o.Before = func([]Warning) error { called = true; return nil }
		_, ws, err := Write(ctx, s, c.o)
		ie, ok := model.AsInput(err)
		if !ok || !strings.Contains(ie.In(model.Chinese), c.want) || called || len(ws) != 0 {
			t.Errorf("%s: %v, Before called %v, %d warnings", c.name, err, called, len(ws))
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine" {
		t.Errorf("the existing file was changed: %q", b)
	}
	// With Force the existing file is replaced, after the check.
	called := false
	if _, ws, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Markdown, Path: existing, Force: true,
		Before: func([]Warning) error { called = true; return nil }}); err != nil || !called || len(ws) != 7 {
		t.Errorf("force: %v, Before called %v, %d warnings", err, called, len(ws))
	}
}

// mustDuty is duty id as stored now, for a change that names its version.
func mustDuty(t *testing.T, s *data.Store, id int64) model.Duty {
	t.Helper()
	d, err := s.Duty(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The JSON export carries a record's 所属期间, excused periods and the post
// start date, and reads them back; a 所属期间 not before the record's date,
// or an excuse without a reason, is refused.
func TestJSONCarriesRulesV2(t *testing.T) {
	src := emptyLedger(t)
	id, err := src.AddDuty(ctx, model.Duty{Title: "向党组报告", Category: model.Report}, model.Target{Year: 2026, Cadence: model.Half, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := src.SetProfile(ctx, model.Profile{Name: "张三", Start: model.NewDate(2026, 2, 1)}); err != nil {
		t.Fatal(err)
	}
	h1, _ := model.ParsePeriodRef("2026-H1")
	h2, _ := model.ParsePeriodRef("2026-H2")
	if _, err := src.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2027, 1, 10), Topic: "年终报告", For: h2}, fixedToday); err != nil {
		t.Fatal(err)
	}
	if _, _, err := src.Excuse(ctx, id, h1, "上级统一组织", model.NewDate(2026, 6, 1)); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, src, 2026, fixedNow)
	for _, want := range []string{`"for": "2026-H2"`, `"period": "2026-H1"`, `"reason": "上级统一组织"`, `"start": "2026-02-01"`} {
		if !strings.Contains(string(first), want) {
			t.Errorf("the export has no %s:\n%s", want, first)
		}
	}
	dst := emptyLedger(t)
	if _, err := Import(ctx, dst, writeTemp(t, "x.json", first), fixedToday); err != nil {
		t.Fatal(err)
	}
	if again := exportJSON(t, dst, 2026, fixedNow); withoutStamp(again) != withoutStamp(first) {
		t.Errorf("round trip differs:\n%s", diffLines(withoutStamp(first), withoutStamp(again)))
	}
	for _, c := range []struct{ old, new, want string }{
		{`"for": "2026-H2"`, `"for": "2027-H1"`, "ImportRecordFor: 2027-H1"},
		{`"for": "2026-H2"`, `"for": "2026-X9"`, "ImportRecordFor: 2026-X9"},
		{`"reason": "上级统一组织"`, `"reason": " "`, "ImportExcuseNoReason"},
		{`"period": "2026-H1"`, `"period": "2026-H3"`, "ImportExcusePeriod: 1, 2026-H3"},
		{`"start": "2026-02-01"`, `"start": "2026-02-30"`, "ImportProfileStart"},
	} {
		bad := strings.Replace(string(first), c.old, c.new, 1)
		_, err := Import(ctx, emptyLedger(t), writeTemp(t, "bad.json", []byte(bad)), fixedToday)
		if ie, ok := model.AsInput(err); !ok || !strings.Contains(ie.In(model.Chinese), c.want) {
			t.Errorf("%s: %v, want %q", c.new, err, c.want)
		}
	}
}

// Records dated before the ledger was set up were caught up then and are
// not late; a duty's late records are one line, naming their dates.
func TestCheckLateRecords(t *testing.T) {
	s := emptyLedger(t)
	id, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	setUp := time.Date(2026, 6, 1, 9, 0, 0, 0, time.Local)
	if _, err := s.DB().Exec(`UPDATE duties SET created_at = ?`, setUp.UTC().Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	// Caught up on the set-up day: January to May.
	for m := 1; m <= 5; m++ {
		s.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, time.Month(m), 3), Created: setUp}, fixedToday)
	}
	// Entered late afterwards: July, August and September, in November.
	for m := 7; m <= 9; m++ {
		s.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, time.Month(m), 3), Created: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)}, fixedToday)
	}
	rep, err := s.YearReport(ctx, 2026, model.Now(fixedToday))
	if err != nil {
		t.Fatal(err)
	}
	var late []string
	for _, w := range Check(rep) {
		if w.Kind == LateEntry {
			late = append(late, w.Zh)
		}
	}
	want := "“会前学法”有3条记录在日期30天以后才登记（2026-07-03、2026-08-03、2026-09-03），请核实。"
	if len(late) != 1 || late[0] != want {
		t.Errorf("late: %q", late)
	}
}
