package export

import (
	"fmt"
	"strings"

	"taizhang/data"
	"taizhang/model"
)

// WarningKind is what a completeness check found.
type WarningKind string

// The checks, in the order their warnings are listed.
const (
	MissedPeriods  WarningKind = "missed"          // a duty missed one or more periods
	NoRecords      WarningKind = "no_records"      // a duty under way has no record this year
	NoParticipants WarningKind = "no_participants" // a talk record names nobody
	LateEntry      WarningKind = "late_entry"      // records of a duty entered long after their dates, one warning a duty
	Placeholders   WarningKind = "placeholders"    // the report has 【请填写：…】 left for the officer
	NoEvidence     WarningKind = "no_evidence"     // a record of a duty that expects evidence has none
	EmptyGroup     WarningKind = "empty_group"     // a duty owed to each person of a group nobody is in
)

// LateDays is how long after its date a record may be entered before the
// check asks about it: inspectors look twice at records written up a
// month after the fact.
const LateDays = 30

// Warning is one finding of Check, in both languages; or, when it says how
// to put it right (naming a command or a key), as a model.Kind and its
// arguments (Say, Args) for each front end to phrase.
type Warning struct {
	Kind   WarningKind
	DutyID int64
	Duty   string
	Date   model.Date // the record's date, for record warnings
	Zh, En string
	Say    model.Kind
	Args   []any
}

// In returns the warning's sentence in lang; one of a kind is described,
// for a log.
func (w Warning) In(lang model.Lang) string {
	if w.Say != "" {
		return model.Describe(w.Say, w.Args)
	}
	if lang == model.English {
		return w.En
	}
	return w.Zh
}

// Check is the completeness check run before an export: missed periods,
// duties under way with no record, talk records with no participants, and
// records entered more than LateDays after their date, one line a duty.
// Records dated before the ledger was set up (rep.Since) were caught up
// then and are not late.
func Check(rep data.YearReport) []Warning {
	ys := rep.Status
	var out, records []Warning
	byID := make(map[int64]model.DutyYear, len(ys.Duties))
	for _, dy := range ys.Duties {
		byID[dy.Duty.ID] = dy
	}
	var noRecords []Warning
	for _, dy := range ys.Duties {
		title := model.CleanLine(dy.Duty.Title)
		if missed := model.MissedPeriods(dy, model.Chinese); missed != "" {
			out = append(out, Warning{Kind: MissedPeriods, DutyID: dy.Duty.ID, Duty: title,
				Zh: fmt.Sprintf("“%s”%s未达标。", title, missed),
				En: fmt.Sprintf("%q missed %s.", title, model.MissedPeriods(dy, model.English))})
		}
		if c := dy.Coverage; c != nil && c.Unfilled {
			group := model.CleanLine(dy.Target.Each)
			out = append(out, Warning{Kind: EmptyGroup, DutyID: dy.Duty.ID, Duty: title,
				Say: model.KindWarnEmptyGroup, Args: []any{title, group}})
		}
		// An archived duty with nothing left to require is not missing
		// records.
		if dy.Done == 0 && dy.Status != model.NotStarted && dy.Status != model.Archived {
			noRecords = append(noRecords, Warning{Kind: NoRecords, DutyID: dy.Duty.ID, Duty: title,
				Zh: fmt.Sprintf("“%s”本年度还没有任何记录。", title),
				En: fmt.Sprintf("%q has no record this year.", title)})
		}
	}
	out = append(out, noRecords...)
	var bare []Warning
	type lateRecord struct {
		date, entered model.Date
	}
	lateBy := map[int64][]lateRecord{}
	var lateOrder []int64
	for _, r := range rep.Records {
		dy, ok := byID[r.DutyID]
		if !ok || r.Date > ys.AsOf {
			continue
		}
		title := model.CleanLine(dy.Duty.Title)
		if dy.Duty.Category == model.Talk && model.CleanLine(r.With) == "" {
			records = append(records, Warning{Kind: NoParticipants, DutyID: r.DutyID, Duty: title, Date: r.Date,
				Zh: fmt.Sprintf("%s “%s”的谈话记录没有填写谈话对象。", r.Date, title),
				En: fmt.Sprintf("The %s talk record of %q names nobody talked to.", r.Date, title)})
		}
		if want := model.CleanLine(dy.Duty.Evidence); want != "" && len(rep.Evidence[r.ID]) == 0 {
			bare = append(bare, Warning{Kind: NoEvidence, DutyID: r.DutyID, Duty: title, Date: r.Date,
				Say: model.KindWarnNoEvidence, Args: []any{r.Date, title, want, r.ID}})
		}
		if r.Created.IsZero() || (!rep.Since.IsZero() && r.Date < rep.Since) {
			continue
		}
		if entered := model.DateOf(r.Created.Local()); int(entered-r.Date) > LateDays {
			if len(lateBy[r.DutyID]) == 0 {
				lateOrder = append(lateOrder, r.DutyID)
			}
			lateBy[r.DutyID] = append(lateBy[r.DutyID], lateRecord{r.Date, entered})
		}
	}
	out = append(out, records...)
	out = append(out, bare...)
	for _, id := range lateOrder {
		rs := lateBy[id]
		title := model.CleanLine(byID[id].Duty.Title)
		if len(rs) == 1 {
			r := rs[0]
			days := int(r.entered - r.date)
			out = append(out, Warning{Kind: LateEntry, DutyID: id, Duty: title, Date: r.date,
				Zh: fmt.Sprintf("%s “%s”的记录在%d天后（%s）才登记，请核实。", r.date, title, days, r.entered),
				En: fmt.Sprintf("The %s record of %q was entered %d days later (%s); check it.", r.date, title, days, r.entered)})
			continue
		}
		var ds []string
		for i, r := range rs {
			if i == maxLateDates {
				break
			}
			ds = append(ds, r.date.String())
		}
		more := ""
		if len(rs) > maxLateDates {
			more = "…"
		}
		out = append(out, Warning{Kind: LateEntry, DutyID: id, Duty: title, Date: rs[0].date,
			Zh: fmt.Sprintf("“%s”有%d条记录在日期%d天以后才登记（%s%s），请核实。", title, len(rs), LateDays, strings.Join(ds, "、"), more),
			En: fmt.Sprintf("%d records of %q were entered more than %d days after their dates (%s%s); check them.", len(rs), title, LateDays, strings.Join(ds, ", "), more)})
	}
	return out
}

// maxLateDates is how many dates a duty's late-entry line names.
const maxLateDates = 6

// CheckDocument counts what the officer still has to write in the
// document: the report's 【请填写：…】 placeholders.
func CheckDocument(d model.Document) []Warning {
	n := d.Placeholders()
	if n == 0 {
		return nil
	}
	return []Warning{{Kind: Placeholders,
		Zh: fmt.Sprintf("报告中有%d处“【请填写：…】”须由本人填写，请在Word中补全后再提交。", n),
		En: fmt.Sprintf("The report has %d places marked 【Fill in: …】 for you to write; complete them in Word before handing it in.", n)}}
}
