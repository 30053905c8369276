package cli

import (
	"fmt"
	"strings"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// LogCmd adds a record.
type LogCmd struct {
	Duty  string `arg:"" predictor:"duty" help:"事项编号或名称的一部分 / duty id or part of its title"`
	Date  string `help:"日期（默认今天） / date (default: today)" placeholder:"YYYY-MM-DD"`
	Topic string `help:"主题或内容 / topic"`
	With  string `help:"对象或参加人员，用、分隔 / participants, separated by 、" placeholder:"NAMES"`
	Place string `help:"地点 / place"`
	Note  string `help:"备注 / note"`
	// Attach names files to store with the record, in the same transaction.
	Attach []string `help:"附上佐证材料文件（可重复） / attach a file as evidence (repeatable)" placeholder:"FILE"`
	Paper  []string `help:"纸质佐证材料的存放位置（可重复） / where paper evidence is kept (repeatable)" placeholder:"TEXT"`
	For    string   `name:"for" help:"计入期间：为已结束60天内的期间补报，如年中报告7月8日报送计入 2026-H1，年终报告次年1月报送计入 2026-H2 / the earlier period it was for, ended at most 60 days before, e.g. 2026-H2" placeholder:"PERIOD"`
}

// Run logs the record and says where the duty stands.
func (c *LogCmd) Run(a *App) error {
	today := a.Today()
	date, err := a.date("--date", c.Date, today)
	if err != nil {
		return err
	}
	// The files are read before the ledger is opened: a bad one stops
	// the command with nothing written.
	items, err := attachments(c.Attach, c.Paper)
	if err != nil {
		return err
	}
	var forPeriod model.PeriodRef
	if c.For != "" {
		if forPeriod, err = a.period("--for", c.For); err != nil {
			return err
		}
	}
	s, d, err := a.existingDuty(c.Duty)
	if err != nil {
		return err
	}
	// Where the record will count, as it stood before: an excused period
	// that the record meets is no longer excused (records win).
	before, bi, hadBefore := a.countsIn(s, d, model.Record{DutyID: d.ID, Date: date, For: forPeriod})
	r, err := s.AddRecordWith(ctxb, model.Record{DutyID: d.ID, Date: date, Topic: c.Topic, With: c.With, Place: c.Place, Note: c.Note, For: forPeriod}, today, items)
	if err != nil {
		return err
	}
	a.Printf("%s\n", a.logged(s, d, r))
	warnOutside(a, s, d, r)
	if twice := repeated(r.With); len(twice) > 0 {
		a.Note(a.txt().WrittenTwice, strings.Join(twice, a.txt().ListSep))
	}
	if after, i, ok := a.countsIn(s, d, r); ok && hadBefore && i == bi && before.Target.Year == after.Target.Year &&
		before.Periods[i].State == model.Excused && after.Periods[i].State == model.Met {
		p := before.Periods[i]
		a.Note(a.txt().ExcuseOvertaken, model.CleanLine(d.Title), model.RefOf(after.Target.Cadence, after.Target.Year, p.Period).Label(a.Lang), model.CleanLine(p.Reason))
	}
	if len(items) > 0 {
		evs, err := s.Evidence(ctxb, r.ID)
		if err != nil {
			return err
		}
		a.printEvidence(r.ID, evs)
	}
	return nil
}

// repeated are the names written more than once in a participants
// field, as the rules read them (a record counts once for each person).
func repeated(with string) []string {
	seen := map[string]int{}
	var out []string
	for _, n := range model.People(model.CleanLine(with)) {
		if seen[n]++; seen[n] == 2 {
			out = append(out, n)
		}
	}
	return out
}

// countsIn is the duty's year that r counts in, as of today (or r's date
// when later), and the index of the period it counts in there: the period
// it names (所属期间), or the one holding its date.
func (a *App) countsIn(s *data.Store, d model.Duty, r model.Record) (model.DutyYear, int, bool) {
	var year, i int
	if !r.For.IsZero() {
		year, i = r.For.Year, r.For.Index
	} else {
		t, has, _ := s.TargetFor(ctxb, d.ID, r.Date)
		if !has {
			return model.DutyYear{}, -1, false
		}
		year, i = t.Year, model.PeriodIndex(t.Cadence, t.Year, r.Date)
	}
	dy, has, err := s.DutyYear(ctxb, d.ID, year, model.Now(max(a.Today(), r.Date)))
	if err != nil || !has || i < 0 || i >= len(dy.Periods) {
		return model.DutyYear{}, -1, false
	}
	return dy, i, true
}

// logged says what was logged, where it counts when that is not the
// period of its date, and where the duty now stands in that period and its
// year (credited/required, as status shows it).
func (a *App) logged(s *data.Store, d model.Duty, r model.Record) string {
	title := model.CleanLine(d.Title)
	head := fmt.Sprintf(a.txt().Logged, title, r.Date)
	if !r.For.IsZero() {
		head += fmt.Sprintf(a.txt().CountedFor, r.For.Label(a.Lang))
	}
	dy, i, ok := a.countsIn(s, d, r)
	if !ok {
		return head
	}
	if dy.Coverage != nil {
		return head + a.coverageNote(*dy.Coverage)
	}
	t := dy.Target
	p := dy.Periods[i]
	label := t.Cadence.Label(p.Period, a.Lang)
	switch {
	case dy.Required == 0 && dy.Verdict == model.VerdictArchived:
		return head + fmt.Sprintf(a.txt().LoggedArchived, dy.Done)
	case t.Cadence == model.Year || !p.Required():
		return head + fmt.Sprintf(a.txt().LoggedYear, dy.Credited, dy.Required)
	}
	return head + fmt.Sprintf(a.txt().LoggedPeriod, label, p.Count, t.Min, dy.Credited, dy.Required)
}

// RecordsCmd lists records.
type RecordsCmd struct {
	Year int    `help:"年度（默认今年；与 --duty 同用时按该事项的周期，每周事项按ISO周） / year (default: this year; with --duty, that duty's periods, ISO weeks for a weekly duty)"`
	Duty string `predictor:"duty" help:"只列出某个事项的记录 / only this duty's records"`
	JSON bool   `name:"json" help:"输出 JSON / print JSON"`
}

type recordOut struct {
	ID      int64  `json:"id"`
	DutyID  int64  `json:"duty_id"`
	Duty    string `json:"duty"`
	Date    string `json:"date"`
	Topic   string `json:"topic"`
	With    string `json:"with"`
	Place   string `json:"place"`
	Note    string `json:"note"`
	For     string `json:"for,omitempty"` // the earlier period it counts for (所属期间)
	Created string `json:"created_at"`
	Updated string `json:"updated_at"`
}

// Run lists the records.
func (c *RecordsCmd) Run(a *App) error {
	year, s, err := a.yearLedger(c.Year)
	if err != nil {
		return err
	}
	all, err := s.Duties(ctxb)
	if err != nil {
		return err
	}
	f := data.RecordFilter{Year: year}
	if c.Duty != "" {
		d, err := model.MatchDuty(all, c.Duty)
		if err != nil {
			return err
		}
		f.DutyID = d.ID
		// One duty's records are those its periods count, as its detail
		// shows them: a weekly duty's year runs by ISO weeks.
		t, has, err := s.Target(ctxb, d.ID, year)
		if err != nil {
			return err
		}
		if has {
			f.Year = 0
			f.From, f.To = model.Span(t.Cadence, year)
		}
	}
	recs, err := s.Records(ctxb, f)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, d := range all {
		titles[d.ID] = d.Title
	}
	if c.JSON {
		out := []recordOut{}
		for _, r := range recs {
			line := model.CleanLine
			out = append(out, recordOut{r.ID, r.DutyID, line(titles[r.DutyID]), r.Date.String(), line(r.Topic), line(r.With), line(r.Place), model.Clean(r.Note),
				r.For.String(), r.Created.UTC().Format("2006-01-02T15:04:05Z07:00"), r.Updated.UTC().Format("2006-01-02T15:04:05Z07:00")})
		}
		return a.writeJSON(out)
	}
	if len(recs) == 0 {
		a.Printf(a.txt().NoRecords, year)
		return nil
	}
	rows := [][]string{{a.txt().ColID, a.txt().ColDate, a.txt().ColDuty, a.txt().ColTopic, a.txt().ColWith, a.txt().ColPlace}}
	limits := []int{0, 0, 24, 30, 20, 16}
	counted := false // a column for the period a record counts for, when one names it
	for _, r := range recs {
		counted = counted || !r.For.IsZero()
	}
	if counted {
		rows[0] = append(rows[0], a.txt().ColCountsFor)
		limits = append(limits, 0)
	}
	for _, r := range recs {
		row := []string{fmt.Sprint(r.ID), r.Date.String(), titles[r.DutyID], r.Topic, r.With, r.Place}
		if counted {
			row = append(row, r.For.Label(a.Lang))
		}
		rows = append(rows, row)
	}
	a.Printf("%s", cells.FitTable(rows, limits, a.width(), []int{3, 4, 2, 5}, 0))
	a.Printf(a.txt().RecordCount, len(recs))
	return nil
}
