package model

import (
	"fmt"
	"sort"
	"strings"
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
}

// SummaryDuty is one duty's part of the summary.
type SummaryDuty struct {
	Heading string   // （一）会前学法
	Row     []string // the table row, matching Summary.Columns
	DutyYear
	Requirement string   // 每月1次
	Paragraph   string   // the count sentence: 全年会前学法11次，未完成每月1次的要求，其中8月未开展。
	Items       []string // one line per record counted toward the target, by date
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
	Duty     string
	Basis    string
	Topic    string
	With     string
	Place    string
	Note     string
}

// LedgerColumns are the ledger's column names (DOMAIN.md §3b).
func LedgerColumns(lang Lang) []string {
	if lang == English {
		return []string{"No.", "Date", "Category", "Duty", "Basis", "Topic", "Participants", "Place", "Note"}
	}
	return []string{"序号", "日期", "类别", "事项", "依据", "主题/内容", "对象/参加人员", "地点", "备注"}
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
	s.Title = fmt.Sprintf(w.title, ys.Year)
	s.ProfileLine = profileLine(p, lang)
	if s.Partial {
		s.Period = fmt.Sprintf(w.periodTo, longDate(ys.AsOf, lang))
		s.Intro = fmt.Sprintf(w.introTo, ys.Year, shortDate(ys.AsOf, ys.Year, lang))
	} else {
		s.Period = fmt.Sprintf(w.periodYear, ys.Year)
		s.Intro = fmt.Sprintf(w.intro, ys.Year)
	}
	s.Headings = w.headings
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
		sd.Heading = fmt.Sprintf(w.subheading, Numeral(i+1, lang), sd.Duty.Title)
		sd.Row = []string{fmt.Sprint(i + 1), sd.Duty.Title, dy.Duty.Category.Name(lang), sd.Requirement,
			fmt.Sprintf("%d/%d", dy.Done, dy.Required), dy.Status.Name(lang)}
		for _, r := range byDuty[dy.Duty.ID] {
			if r.Date > ys.AsOf {
				continue
			}
			k := PeriodIndex(dy.Target.Cadence, ys.Year, r.Date)
			if k < 0 {
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
			if dy.Periods[PeriodIndex(dy.Target.Cadence, ys.Year, r.Date)].Required() {
				sd.Items = append(sd.Items, recordLine(r, dy.Duty.Category, ys.Year, lang))
			}
		}
		sd.Paragraph = dutyParagraph(s, sd, lang)
		if m := missedPhrase(dy, lang); m != "" {
			s.Missed = append(s.Missed, SummaryMissed{Duty: sd.Duty.Title, Text: sd.Duty.Title + w.colon + m + w.stop})
		}
		s.Duties = append(s.Duties, sd)
	}
	s.Overview = overview(ys, s.Partial, lang)
	return s
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
		rows[i] = LedgerRow{No: i + 1, Date: r.Date, Category: d.Duty.Category.Name(s.Lang), Duty: d.Duty.Title,
			Basis: d.Duty.Basis, Topic: r.Topic, With: r.With, Place: r.Place, Note: r.Note}
	}
	return rows
}

// summaryWords are the fixed words of the summary in one language.
type summaryWords struct {
	title, periodYear, periodTo, intro, introTo string
	headings                                    [3]string
	columns                                     []string
	subheading, colon, stop, none, reasons      string
}

func words(lang Lang) summaryWords {
	if lang == English {
		return summaryWords{
			title:      "Personal Duty Summary for %d",
			periodYear: "Period: Jan 1 to Dec 31, %d",
			periodTo:   "Period: up to %s",
			intro:      "This is my report on the duties I performed in %d.",
			introTo:    "This is my report on the duties I performed in %d up to %s.",
			headings:   [3]string{"1. Overview", "2. Duties one by one", "3. Shortfalls"},
			columns:    []string{"No.", "Duty", "Category", "Requirement", "Done", "Status"},
			subheading: "(%s) %s",
			colon:      ": ",
			stop:       ".",
			none:       "None.",
			reasons:    "Reasons and remedies:",
		}
	}
	return summaryWords{
		title:      "%d年度个人履职情况",
		periodYear: "统计期间：%d年1月1日至12月31日",
		periodTo:   "统计截至%s",
		intro:      "现将本人%d年度履职情况报告如下。",
		introTo:    "现将本人%d年度截至%s的履职情况报告如下。",
		headings:   [3]string{"一、总体情况", "二、分项完成情况", "三、未达标事项"},
		columns:    []string{"序号", "事项", "类别", "要求", "完成情况", "状态"},
		subheading: "（%s）%s",
		colon:      "：",
		stop:       "。",
		none:       "无。",
		reasons:    "原因及整改措施：",
	}
}

func profileLine(p Profile, lang Lang) string {
	var parts []string
	for _, f := range [][3]string{{"姓名：", "Name: ", p.Name}, {"职务：", "Post: ", p.Post}, {"单位：", "Unit: ", p.Unit}} {
		if f[2] == "" {
			continue
		}
		if lang == English {
			parts = append(parts, f[1]+f[2])
		} else {
			parts = append(parts, f[0]+f[2])
		}
	}
	if lang == English {
		return strings.Join(parts, "; ")
	}
	return strings.Join(parts, "\u3000")
}

// longDate is 2026年6月30日 or Jun 30, 2026.
func longDate(d Date, lang Lang) string {
	y, m, dd := d.Civil()
	if lang == English {
		return fmt.Sprintf("%s %d, %d", m.String()[:3], dd, y)
	}
	return fmt.Sprintf("%d年%d月%d日", y, int(m), dd)
}

// shortDate leaves out the year when it is the report's: 6月30日, Jun 30.
func shortDate(d Date, year int, lang Lang) string {
	y, m, dd := d.Civil()
	if y != year {
		return longDate(d, lang)
	}
	if lang == English {
		return fmt.Sprintf("%s %d", m.String()[:3], dd)
	}
	return fmt.Sprintf("%d月%d日", int(m), dd)
}

// recordLine is one record as officers list it:
// 3月15日，学习《行政复议法》（参加人员：张三、李四；地点：三楼会议室）。
func recordLine(r Record, c Category, year int, lang Lang) string {
	var b strings.Builder
	b.WriteString(shortDate(r.Date, year, lang))
	var extra []string
	if lang == English {
		if r.Topic != "" {
			b.WriteString(": " + r.Topic)
		}
		if r.With != "" {
			extra = append(extra, "with "+r.With)
		}
		if r.Place != "" {
			extra = append(extra, "at "+r.Place)
		}
		if len(extra) > 0 {
			b.WriteString(" (" + strings.Join(extra, "; ") + ")")
		}
		b.WriteString(".")
		return b.String()
	}
	if r.Topic != "" {
		b.WriteString("，" + r.Topic)
	}
	if r.With != "" {
		label := "参加人员："
		if c == Talk {
			label = "谈话对象："
		}
		extra = append(extra, label+r.With)
	}
	if r.Place != "" {
		extra = append(extra, "地点："+r.Place)
	}
	if len(extra) > 0 {
		b.WriteString("（" + strings.Join(extra, "；") + "）")
	}
	b.WriteString("。")
	return b.String()
}

// dutyParagraph is the count sentence of DOMAIN.md §3a, with how the count
// stands against the requirement.
func dutyParagraph(s Summary, sd SummaryDuty, lang Lang) string {
	req := sd.Requirement
	n := sd.Done
	if lang == English {
		var b strings.Builder
		if s.Partial {
			fmt.Fprintf(&b, "By %s, %s", shortDate(s.AsOf, s.Year, lang), times(n))
		} else {
			fmt.Fprintf(&b, "In %d, %s", s.Year, times(n))
		}
		switch sd.Status {
		case Done:
			fmt.Fprintf(&b, ", meeting the requirement of %s.", req)
		case MissedDuty:
			fmt.Fprintf(&b, ", short of the requirement of %s", req)
			if sd.Target.Cadence != Year { // the count already says how the year fell short
				b.WriteString(": " + missedPhrase(sd.DutyYear, lang))
			}
			b.WriteString(".")
		case Behind:
			fmt.Fprintf(&b, ", behind the pace of the requirement (%s).", req)
		case DueSoon:
			fmt.Fprintf(&b, "; %s is not yet met and is due by %s.", openLabel(sd.DutyYear, lang), shortDate(sd.NextDue, s.Year, lang))
		case OnTrack:
			fmt.Fprintf(&b, ", on track for the requirement of %s.", req)
		default:
			fmt.Fprintf(&b, "; the requirement of %s has not started yet.", req)
		}
		if len(sd.Items) > 0 {
			b.WriteString(" The records:")
		}
		return b.String()
	}
	var b strings.Builder
	if s.Partial {
		fmt.Fprintf(&b, "截至%s，%s%d次", shortDate(s.AsOf, s.Year, lang), sd.Duty.Title, n)
	} else {
		fmt.Fprintf(&b, "全年%s%d次", sd.Duty.Title, n)
	}
	switch sd.Status {
	case Done:
		fmt.Fprintf(&b, "，完成%s的要求。", req)
	case MissedDuty:
		fmt.Fprintf(&b, "，未完成%s的要求", req)
		if sd.Target.Cadence != Year { // the count already says how the year fell short
			b.WriteString("，其中" + missedPhrase(sd.DutyYear, lang))
		}
		b.WriteString("。")
	case Behind:
		fmt.Fprintf(&b, "，进度滞后于%s的要求。", req)
	case DueSoon:
		fmt.Fprintf(&b, "，%s尚未完成，须于%s前完成。", openLabel(sd.DutyYear, lang), shortDate(sd.NextDue, s.Year, lang))
	case OnTrack:
		fmt.Fprintf(&b, "，符合%s的进度要求。", req)
	default:
		fmt.Fprintf(&b, "，%s的要求尚未开始。", req)
	}
	if len(sd.Items) > 0 {
		b.WriteString("具体如下：")
	}
	return b.String()
}

func times(n int) string {
	switch n {
	case 0:
		return "not done"
	case 1:
		return "done once"
	}
	return fmt.Sprintf("done %d times", n)
}

// openLabel names the period still open: 12月, 四季度, the year.
func openLabel(dy DutyYear, lang Lang) string {
	for _, p := range dy.Periods {
		if p.State == Open {
			return periodName(dy.Target.Cadence, p.Period, lang)
		}
	}
	return periodName(dy.Target.Cadence, Period{}, lang)
}

func periodName(c Cadence, p Period, lang Lang) string {
	if c == Year && lang == English {
		return "the year"
	}
	return c.Label(p, lang)
}

// MissedPeriods names the periods of dy that fell short of its target, in
// order and as lang lists them: 8月、10月; Aug, Oct; the year, for a
// yearly duty in English. Three or more weeks or months in a row are one
// range, as an officer writes them: 第2至46周, 3至5月; W02-W46, Mar-May. The
// completeness check, the workbook's missed column and the summary all
// name missed periods through it. It is empty when none was missed.
func MissedPeriods(dy DutyYear, lang Lang) string {
	c := dy.Target.Cadence
	var names []string
	ps := dy.Periods
	for i := 0; i < len(ps); i++ {
		if ps[i].State != Missed {
			continue
		}
		j := i
		for j+1 < len(ps) && ps[j+1].State == Missed && ps[j+1].Index == ps[j].Index+1 {
			j++
		}
		if j-i >= 2 && (c == Week || c == Month) {
			names = append(names, periodRange(c, ps[i].Period, ps[j].Period, lang))
			i = j
			continue
		}
		names = append(names, periodName(c, ps[i].Period, lang))
	}
	if lang == English {
		return strings.Join(names, ", ")
	}
	return strings.Join(names, "、")
}

// periodRange names a run of weeks or months: 第2至46周, 3至5月; W02-W46,
// Mar-May. (至 and a hyphen keep clear of dashes of ambiguous width.)
func periodRange(c Cadence, first, last Period, lang Lang) string {
	switch {
	case lang == English:
		return c.Label(first, lang) + "-" + c.Label(last, lang)
	case c == Week:
		return fmt.Sprintf("第%d至%d周", first.Index+1, last.Index+1)
	}
	return fmt.Sprintf("%d至%d月", first.Index+1, last.Index+1)
}

// missedPhrase says how a duty's missed periods fell short, those with no
// record first: 8月、10月未开展；二季度仅1次. It is empty when none was
// missed.
func missedPhrase(dy DutyYear, lang Lang) string {
	none := DutyYear{Target: dy.Target}
	var short []string
	for _, p := range dy.Periods {
		switch {
		case p.State != Missed:
		case p.Count == 0:
			none.Periods = append(none.Periods, p)
		case lang == English:
			short = append(short, fmt.Sprintf("only %d in %s", p.Count, periodName(dy.Target.Cadence, p.Period, lang)))
		default:
			short = append(short, fmt.Sprintf("%s仅%d次", periodName(dy.Target.Cadence, p.Period, lang), p.Count))
		}
	}
	var parts []string
	if names := MissedPeriods(none, lang); names != "" {
		if lang == English {
			parts = append(parts, "none in "+names)
		} else {
			parts = append(parts, names+"未开展")
		}
	}
	if lang == English {
		return strings.Join(append(parts, short...), "; ")
	}
	return strings.Join(append(parts, short...), "；")
}

// overview is 一、总体情况 in one sentence from the year figures.
func overview(ys YearStatus, partial bool, lang Lang) string {
	f := ys.Figures
	activities := 0
	for _, d := range ys.Duties {
		activities += d.Done
	}
	rate := fmt.Sprintf("%.1f%%", f.Rate*100)
	order := []Status{Done, OnTrack, DueSoon, Behind, MissedDuty, NotStarted}
	if lang == English {
		prefix := fmt.Sprintf("In %d", ys.Year)
		if partial {
			prefix = "By " + longDate(ys.AsOf, lang)
		}
		if f.Duties == 0 {
			return prefix + ", the ledger held no duties with a target for the year."
		}
		var parts []string
		for _, st := range order {
			if n := f.Count(st); n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, st.Name(lang)))
			}
		}
		list := strings.Join(parts, ", ")
		if k := len(parts); k > 1 {
			list = strings.Join(parts[:k-1], ", ") + " and " + parts[k-1]
		}
		noun := "duties"
		if f.Duties == 1 {
			noun = "duty"
		}
		return fmt.Sprintf("%s, my ledger held %d %s: %s; %d activities were recorded, and of the %d required %d were credited, a completion rate of %s.",
			prefix, f.Duties, noun, list, activities, f.Required, f.Credited, rate)
	}
	prefix := fmt.Sprintf("%d年", ys.Year)
	if partial {
		prefix = "截至" + longDate(ys.AsOf, lang)
	}
	if f.Duties == 0 {
		return prefix + "，台账中没有列入年度要求的履职事项。"
	}
	var parts []string
	for _, st := range order {
		if n := f.Count(st); n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d项", st.Name(lang), n))
		}
	}
	return fmt.Sprintf("%s，本人列入台账的履职事项共%d项，其中%s；共开展履职活动%d次，按要求全年应完成%d次，已计入%d次，完成率%s。",
		prefix, f.Duties, strings.Join(parts, "、"), activities, f.Required, f.Credited, rate)
}

var zhDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1 to 9999) as the numbering of sub-headings: 一, 十二,
// 二十, 一百零五 in Chinese; 1, 12 in English.
func Numeral(n int, lang Lang) string {
	if lang == English || n <= 0 || n > 9999 {
		return fmt.Sprint(n)
	}
	units := []string{"千", "百", "十", ""}
	div := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero := false
	for i, d := range div {
		k := n / d % 10
		switch {
		case k == 0:
			zero = b.Len() > 0
		default:
			if zero {
				b.WriteString("零")
				zero = false
			}
			// 十二, not 一十二, when ten leads.
			if !(k == 1 && i == 2 && b.Len() == 0) {
				b.WriteString(zhDigits[k])
			}
			b.WriteString(units[i])
		}
	}
	return b.String()
}
