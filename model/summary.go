package model

import (
	"fmt"
	"sort"
	"time"
)

// Summary is the year-end personal duty summary (年度个人履职情况) as
// content: the sentences, table rows and ledger rows that every export
// format renders, so that Markdown, plain text, Word, Excel and CSV say
// the same thing. Every piece of user text in it has passed CleanLine
// (one-line cells) or Clean (the ledger's basis and note).
type Summary struct {
	Lang    Lang
	Year    int
	AsOf    Date
	Partial bool // AsOf is before the year's last day: a report so far, such as the mid-year one
	// Evidence is each record's evidence, by record id: the ledger and the
	// attachment name it. BuildSummary leaves it empty; the caller sets it.
	Evidence map[int64][]Evidence

	Title       string // 2026年度个人履职情况
	ProfileLine string // 姓名：张三　职务：副局长　单位：某某局; empty without a profile
	Period      string // 统计期间：2026年1月1日至12月31日, or 统计截至2026年6月30日
	Intro       string // 现将本人2026年度履职情况报告如下。

	Headings [3]string // 一、总体情况, 二、分项完成情况, 三、未达标事项
	Overview string    // the year figures in one sentence

	Columns []string // the table's header: 序号, 事项, 类别, 要求, 完成情况, 状态
	Duties  []SummaryDuty

	Missed       []SummaryMissed
	NoneMissed   string // 无。, when Missed is empty
	ReasonPrompt string // 原因及整改措施：, the room left under each missed item
	// Lagging are the duties behind pace in a report so far (进度滞后事项):
	// 调研：截至6月30日开展4次，按全年不少于12次的要求应达5次。
	Lagging []SummaryMissed

	// Notes are 说明事项: what the reader should know that the counts do
	// not say (excused periods with their reasons, archived duties). Each
	// is one paragraph; the section is left out when there are none.
	Notes []string

	Signer string // the profile's name, for the 署名
	Post   string
	Unit   string
}

// SummaryDuty is one duty's part of the summary.
type SummaryDuty struct {
	Heading string   // （一）会前学法
	Row     []string // the table row, matching Summary.Columns
	DutyYear
	Requirement string // 每月1次
	Action      string // the title with a verb that fits it: 参加会前学法, 报告个人有关事项
	Paragraph   string // the count sentence: 全年参加会前学法10次，12个月中有10个月达到每月1次的要求，8月、10月未开展。
	// Shortfall is the fact behind a missed duty as the report's 存在的问题
	// states it: 开展调研9次，未达到全年不少于12次的要求; empty when nothing
	// was missed.
	Shortfall string
	Items     []string // one line per record counted toward the target, by date
	// Records are every record in the year's periods up to AsOf, by date:
	// the rows of the ledger sheet. Records before a target's start date
	// are here but not in Items, which list what counts.
	Records []Record
}

// SummaryMissed is one duty's missed periods, for 三、未达标事项.
type SummaryMissed struct {
	Duty string
	Text string // 会前学法：8月、10月未开展。
}

// LedgerRow is one row of the ledger (台账): one record with its duty.
type LedgerRow struct {
	No       int
	Date     Date
	Category string
	Kind     Category
	Duty     string
	Basis    string
	Topic    string
	With     string // participants, the person talked to, or whom a report went to
	Place    string
	Note     string
	Counts   string // the period it counts for: 3月, 二季度, 第5周（1月26日至2月1日）
	RecordID int64
	Evidence string // the record's evidence: 会议记录.pdf；签到表.jpg；纸质：记录本第12页
}

// LedgerColumns are the ledger's column names (DESIGN §6): each record
// with the period it counts for. (Where a duty comes from, 依据, is said
// once per duty in the summary sheet, not on every record.)
func LedgerColumns(lang Lang) []string {
	if lang == English {
		return []string{"No.", "Date", "Counts for", "Category", "Duty", "Topic", "With / reported to", "Place", "Note", "Evidence"}
	}
	return []string{"序号", "日期", "计入期间", "类别", "事项", "主题/内容", "对象/参加人员", "地点", "备注", "佐证材料"}
}

// BuildSummary writes the summary of ys in lang. records may come in any
// order and may include records of other duties or dates: those outside a
// duty's periods in the year, or after ys.AsOf, are left out, as
// Evaluate leaves them out of the counts.
func BuildSummary(ys YearStatus, records []Record, p Profile, lang Lang) Summary {
	if lang != English {
		lang = Chinese
	}
	w := words(lang)
	s := Summary{Lang: lang, Year: ys.Year, AsOf: ys.AsOf, Partial: ys.AsOf < NewDate(ys.Year, time.December, 31)}
	p.Name, p.Post, p.Unit = CleanLine(p.Name), CleanLine(p.Post), CleanLine(p.Unit)
	s.Signer, s.Post, s.Unit = p.Name, p.Post, p.Unit
	s.Title = fmt.Sprintf(w.title, ys.Year)
	if s.Partial && ys.AsOf < NewDate(ys.Year, time.July, 1) {
		s.Title = fmt.Sprintf(w.titleHalf, ys.Year)
	}
	s.ProfileLine = profileLine(p, lang)
	if s.Partial {
		s.Period = fmt.Sprintf(w.periodTo, longDate(ys.AsOf, lang))
		s.Intro = fmt.Sprintf(w.introTo, ys.Year, shortDate(ys.AsOf, ys.Year, lang))
	} else {
		s.Period = fmt.Sprintf(w.periodYear, ys.Year)
		s.Intro = fmt.Sprintf(w.intro, ys.Year)
	}
	s.Headings = w.headings
	if s.Partial {
		s.Headings[2] = w.lagHeading
	}
	s.Columns = w.columns
	s.NoneMissed = w.none
	s.ReasonPrompt = w.reasons

	byDuty := make(map[int64][]Record, len(ys.Duties))
	for _, r := range records {
		byDuty[r.DutyID] = append(byDuty[r.DutyID], r)
	}
	for i, dy := range ys.Duties {
		sd := SummaryDuty{DutyYear: dy}
		sd.Duty.Title = CleanLine(dy.Duty.Title)
		sd.Duty.Basis = Clean(dy.Duty.Basis)
		sd.Duty.Description = Clean(dy.Duty.Description)
		sd.Requirement = dy.Target.Requirement(lang)
		sd.Action = Action(sd.Duty, lang)
		sd.Heading = fmt.Sprintf(w.subheading, Numeral(i+1, lang), sd.Duty.Title)
		sd.Row = []string{fmt.Sprint(i + 1), sd.Duty.Title, dy.Duty.Category.Name(lang), sd.Requirement,
			dy.Progress(lang), dy.Badge(lang)}
		for _, r := range byDuty[dy.Duty.ID] {
			k := recordPeriod(dy, ys.Year, r)
			// A record dated after the report's day is in it only when
			// given for a period over by then (the half-year report given
			// on 7月8日 for 上半年), as the figures count it; not one for a
			// period that had not ended (September's, in a report as of
			// 30 June).
			if k < 0 || (r.Date > ys.AsOf && (r.For.IsZero() || !r.For.Valid() || r.For.Period().End > ys.AsOf)) {
				continue
			}
			r.Topic, r.With, r.Place, r.Note = CleanLine(r.Topic), CleanLine(r.With), CleanLine(r.Place), Clean(r.Note)
			sd.Records = append(sd.Records, r)
		}
		sort.SliceStable(sd.Records, func(a, b int) bool {
			ra, rb := sd.Records[a], sd.Records[b]
			if ra.Date != rb.Date {
				return ra.Date < rb.Date
			}
			return ra.ID < rb.ID
		})
		for _, r := range sd.Records {
			if dy.Periods[recordPeriod(dy, ys.Year, r)].Required() {
				sd.Items = append(sd.Items, recordLine(r, dy.Duty.Category, ys.Year, lang))
			}
		}
		sd.Paragraph = dutyParagraph(s, sd, lang)
		if m := missedPhrase(dy, ys.Year, lang); m != "" {
			s.Missed = append(s.Missed, SummaryMissed{Duty: sd.Duty.Title, Text: sd.Duty.Title + w.colon + m + w.stop})
			sd.Shortfall = shortfall(sd, m, lang)
		}
		s.Notes = append(s.Notes, notes(sd, ys.Year, lang)...)
		if s.Partial && dy.Now == NowBehind {
			s.Lagging = append(s.Lagging, SummaryMissed{Duty: sd.Duty.Title, Text: lagging(s, sd, lang)})
		}
		s.Duties = append(s.Duties, sd)
	}
	s.Overview = overview(ys, s.Partial, lang)
	return s
}

// recordPeriod is the index in dy.Periods of the period r counts for: the
// period it names (所属期间) when that is one of this year's, else the one
// holding its date; -1 when it counts in no period of the year (it names a
// period of another year).
func recordPeriod(dy DutyYear, year int, r Record) int {
	c := dy.Target.Cadence
	if !r.For.IsZero() {
		if r.For.Cadence != c || r.For.Year != year || r.For.Index >= len(dy.Periods) {
			return -1
		}
		return r.For.Index
	}
	return PeriodIndex(c, year, r.Date)
}

// notes are 说明事项 for one duty: each excused period with its reason,
// and the day an archived duty was archived.
func notes(sd SummaryDuty, year int, lang Lang) []string {
	var out []string
	for _, p := range sd.Periods {
		if p.State != Excused {
			continue
		}
		name := periodName(sd.Target.Cadence, p.Period, year, lang, true)
		reason := CleanLine(p.Reason)
		if lang == English {
			out = append(out, fmt.Sprintf("%s: %s was excused (%s).", sd.Duty.Title, name, reason))
		} else {
			out = append(out, fmt.Sprintf("%s：%s经说明免于要求，原因：%s。", sd.Duty.Title, name, reason))
		}
	}
	if !sd.Target.End.IsZero() {
		why := sd.Duty.ArchiveReason
		switch {
		case lang == English && why != "":
			out = append(out, fmt.Sprintf("%s was archived on %s (%s); nothing is required of it after that day.", sd.Duty.Title, shortDate(sd.Target.End, year, lang), why))
		case lang == English:
			out = append(out, fmt.Sprintf("%s was archived on %s; nothing is required of it after that day.", sd.Duty.Title, shortDate(sd.Target.End, year, lang)))
		case why != "":
			out = append(out, fmt.Sprintf("%s已于%s归档，原因：%s，此后不再要求。", sd.Duty.Title, shortDate(sd.Target.End, year, lang), why))
		default:
			out = append(out, fmt.Sprintf("%s已于%s归档，此后不再要求。", sd.Duty.Title, shortDate(sd.Target.End, year, lang)))
		}
	}
	return out
}

// Ledger returns the ledger rows: every record of the summary, by date,
// then in the summary's duty order.
func (s Summary) Ledger() []LedgerRow {
	type ref struct{ duty, rec int }
	var refs []ref
	for i, d := range s.Duties {
		for j := range d.Records {
			refs = append(refs, ref{i, j})
		}
	}
	sort.SliceStable(refs, func(a, b int) bool {
		return s.Duties[refs[a].duty].Records[refs[a].rec].Date < s.Duties[refs[b].duty].Records[refs[b].rec].Date
	})
	rows := make([]LedgerRow, len(refs))
	for i, x := range refs {
		d := s.Duties[x.duty]
		r := d.Records[x.rec]
		c := d.Target.Cadence
		counts := ""
		switch k := recordPeriod(d.DutyYear, s.Year, r); {
		case !r.For.IsZero():
			counts = r.For.Label(s.Lang) // given later for an earlier period: say which, with its year
		case k >= 0:
			counts = c.Label(d.Periods[k].Period, s.Lang)
		}
		rows[i] = LedgerRow{No: i + 1, Date: r.Date, Category: d.Duty.Category.Name(s.Lang), Kind: d.Duty.Category,
			Duty: d.Duty.Title, Basis: d.Duty.Basis, Topic: r.Topic, With: r.With, Place: r.Place, Note: r.Note, Counts: counts,
			RecordID: r.ID, Evidence: EvidenceLabels(s.Evidence[r.ID], s.Lang)}
	}
	return rows
}
