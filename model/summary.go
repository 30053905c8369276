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
			if k < 0 || (r.Date > ys.AsOf && r.For.IsZero()) {
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

// summaryWords are the fixed words of the summary in one language.
type summaryWords struct {
	title, titleHalf, periodYear, periodTo, intro, introTo string
	headings                                               [3]string
	lagHeading                                             string
	columns                                                []string
	subheading, colon, stop, none, reasons                 string
}

func words(lang Lang) summaryWords {
	if lang == English {
		return summaryWords{
			title:      "Personal Duty Summary for %d",
			titleHalf:  "Personal Duty Summary for the First Half of %d",
			periodYear: "Period: Jan 1 to Dec 31, %d",
			periodTo:   "Period: up to %s",
			intro:      "This is my report on the duties I performed in %d.",
			introTo:    "This is my report on the duties I performed in %d up to %s.",
			headings:   [3]string{"1. Overview", "2. Duties one by one", "3. Shortfalls"},
			lagHeading: "3. Shortfalls and duties behind pace",
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
		titleHalf:  "%d年上半年个人履职情况",
		periodYear: "统计期间：%d年1月1日至12月31日",
		periodTo:   "统计截至%s",
		intro:      "现将本人%d年度履职情况报告如下。",
		introTo:    "现将本人%d年度截至%s的履职情况报告如下。",
		headings:   [3]string{"一、总体情况", "二、分项完成情况", "三、未达标事项"},
		lagHeading: "三、未达标和进度滞后事项",
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

// LongDate is 2026年6月30日 or Jun 30, 2026: the 成文日期 of GB/T 9704
// §7.3.5.4, with the year in full and no leading zeros.
func LongDate(d Date, lang Lang) string { return longDate(d, lang) }

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

// Blank is the line left for the officer to fill by hand where the
// ledger names nobody: （谈话对象：＿＿＿）.
const Blank = "＿＿＿"

// WithLabel names what a record's participants field holds for a duty of
// category c: the person talked to, whom a report went to, or who took
// part.
func WithLabel(c Category, lang Lang) string {
	switch {
	case lang == English && c == Talk:
		return "talked with"
	case lang == English && c == Report:
		return "reported to"
	case lang == English:
		return "with"
	case c == Talk:
		return "谈话对象"
	case c == Report:
		return "报告对象"
	}
	return "参加人员"
}

// recordLine is one record as officers list it:
// 3月15日，学习《行政复议法》（参加人员：张三、李四；地点：三楼会议室）。
// A talk that names nobody leaves a blank to fill: （谈话对象：＿＿＿）.
func recordLine(r Record, c Category, year int, lang Lang) string {
	var b strings.Builder
	b.WriteString(shortDate(r.Date, year, lang))
	if !r.For.IsZero() { // given later for an earlier period: 2027年1月10日，计入2026年下半年
		if lang == English {
			b.WriteString(", counted for " + r.For.Label(lang))
		} else {
			b.WriteString("，计入" + r.For.Label(lang))
		}
	}
	with := r.With
	if with == "" && c == Talk {
		with = Blank
	}
	note := CleanLine(r.Note)
	var extra []string
	if lang == English {
		if r.Topic != "" {
			b.WriteString(": " + r.Topic)
		}
		if with != "" {
			extra = append(extra, WithLabel(c, lang)+" "+with)
		}
		if r.Place != "" {
			extra = append(extra, "at "+r.Place)
		}
		if note != "" {
			extra = append(extra, "note: "+note)
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
	if with != "" {
		extra = append(extra, WithLabel(c, lang)+"："+with)
	}
	if r.Place != "" {
		extra = append(extra, "地点："+r.Place)
	}
	if note != "" {
		extra = append(extra, "备注："+note)
	}
	if len(extra) > 0 {
		b.WriteString("（" + strings.Join(extra, "；") + "）")
	}
	b.WriteString("。")
	return b.String()
}

// verbs a duty's title may already start with; a title that does is a
// sentence's predicate as it stands.
var verbs = []string{"参加", "参与", "出席", "列席", "开展", "组织", "召开", "主持", "讲", "为", "与", "向", "听取",
	"专题研究", "带领", "进行", "撰写", "报告", "学习", "深入", "落实", "督促", "检查", "研究", "赴", "对",
	"接受", "完成", "提交", "填报", "作", "上", "约谈", "走访", "督导", "推动", "抓"}

// Action is the duty's title as the predicate of a count sentence, with a
// verb that fits the duty when the title has none: 会前学法 → 参加会前学法,
// 个人有关事项报告 → 报告个人有关事项, 科室会前学法 → 组织科室会前学法;
// 开展调研 stays. English titles are the officer's words and stay as
// written.
func Action(d Duty, lang Lang) string {
	t := CleanLine(d.Title)
	if lang == English || t == "" {
		return t
	}
	for _, v := range verbs {
		if strings.HasPrefix(t, v) {
			return t
		}
	}
	if strings.HasPrefix(t, "科室") {
		return "组织" + t
	}
	if stem, ok := strings.CutSuffix(t, "报告"); ok && stem != "" && !strings.HasSuffix(stem, "工作") {
		return "报告" + stem
	}
	switch d.Category {
	case Study, Meeting, Education:
		return "参加" + t
	case Lesson:
		return "讲" + t
	case Report:
		return "进行" + t
	}
	return "开展" + t
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// timesEn is a count as English says it: once, twice, 3 times.
func timesEn(n int) string {
	switch n {
	case 0:
		return "none"
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// metOf counts a duty's required periods and those met.
func metOf(dy DutyYear) (met, required int) {
	for _, p := range dy.Periods {
		if p.Required() {
			required++
			if p.State == Met {
				met++
			}
		}
	}
	return met, required
}

// periodUnit is how many of a cadence's periods are counted in words:
// 12个月中有10个月, 10 of 12 months.
func periodUnit(c Cadence, lang Lang) (string, bool) {
	if lang == English {
		switch c {
		case Week:
			return "weeks", true
		case Month:
			return "months", true
		case Quarter:
			return "quarters", true
		}
		return "", false
	}
	switch c {
	case Week:
		return "周", true
	case Month:
		return "个月", true
	case Quarter:
		return "个季度", true
	}
	return "", false
}

// dutyParagraph is the duty's count sentence in plain words (DOMAIN.md
// §3a), with how it stands against the requirement: 全年参加会前学法10次，
// 12个月中有10个月达到每月1次的要求，8月、10月未开展。
func dutyParagraph(s Summary, sd SummaryDuty, lang Lang) string {
	if sd.Coverage != nil {
		return coverageParagraph(s, sd, lang)
	}
	req := sd.Requirement
	n := sd.Done
	final := sd.Verdict == VerdictMissed || sd.Verdict == VerdictDone
	met, periods := metOf(sd.DutyYear)
	unit, counted := periodUnit(sd.Target.Cadence, lang)
	missed := missedPhrase(sd.DutyYear, s.Year, lang)
	if lang == English {
		var b strings.Builder
		head := timesEn(n)
		head = strings.ToUpper(head[:1]) + head[1:]
		if s.Partial {
			fmt.Fprintf(&b, "%s by %s", head, shortDate(s.AsOf, s.Year, lang))
		} else {
			fmt.Fprintf(&b, "%s in %d", head, s.Year)
		}
		switch sd.Verdict {
		case VerdictDone:
			fmt.Fprintf(&b, ", meeting the requirement of %s.", req)
		case VerdictMissed:
			if counted && n > 0 {
				fmt.Fprintf(&b, "; %d of %d %s met the requirement of %s; %s.", met, periods, unit, req, missed)
			} else {
				fmt.Fprintf(&b, ", short of the requirement of %s", req)
				if sd.Target.Cadence != Year && n > 0 {
					b.WriteString("; " + missed)
				}
				b.WriteString(".")
			}
			if sd.Now == NowDueSoon {
				fmt.Fprintf(&b, " %s is not yet met and is due by %s.", capital(openLabel(sd.DutyYear, s.Year, lang)), shortDate(sd.NextDue, s.Year, lang))
			}
		case VerdictArchived:
			fmt.Fprintf(&b, "; archived on %s, nothing was required of it.", shortDate(sd.Target.End, s.Year, lang))
		case VerdictNotStarted:
			fmt.Fprintf(&b, "; the requirement of %s has not started yet.", req)
		default:
			switch sd.Now {
			case NowBehind:
				fmt.Fprintf(&b, ", behind the pace of %s.", req)
			case NowDueSoon:
				fmt.Fprintf(&b, "; %s is not yet met and is due by %s.", openLabel(sd.DutyYear, s.Year, lang), shortDate(sd.NextDue, s.Year, lang))
			default:
				fmt.Fprintf(&b, ", on track for %s.", req)
			}
		}
		return b.String()
	}
	var b strings.Builder
	prefix := "全年"
	if s.Partial {
		prefix = "截至" + shortDate(s.AsOf, s.Year, lang) + "，"
	}
	switch {
	case n > 0:
		fmt.Fprintf(&b, "%s%s%d次", prefix, sd.Action, n)
	case final:
		fmt.Fprintf(&b, "%s未%s", prefix, sd.Action)
	default:
		fmt.Fprintf(&b, "%s尚未%s", prefix, sd.Action)
	}
	switch sd.Verdict {
	case VerdictDone:
		fmt.Fprintf(&b, "，达到%s的要求。", req)
	case VerdictMissed:
		if counted && n > 0 {
			fmt.Fprintf(&b, "，%d%s中有%d%s达到%s的要求，%s。", periods, unit, met, unit, req, missed)
		} else {
			fmt.Fprintf(&b, "，未达到%s的要求", req)
			if sd.Target.Cadence != Year && n > 0 {
				b.WriteString("，" + missed)
			}
			b.WriteString("。")
		}
		if sd.Now == NowDueSoon {
			fmt.Fprintf(&b, "%s尚未完成，须于%s前完成。", openLabel(sd.DutyYear, s.Year, lang), shortDate(sd.NextDue, s.Year, lang))
		}
	case VerdictArchived:
		fmt.Fprintf(&b, "，该事项已于%s归档，未作要求。", shortDate(sd.Target.End, s.Year, lang))
	case VerdictNotStarted:
		fmt.Fprintf(&b, "，%s的要求尚未开始。", req)
	default:
		switch sd.Now {
		case NowBehind:
			fmt.Fprintf(&b, "，进度滞后于%s的要求。", req)
		case NowDueSoon:
			fmt.Fprintf(&b, "，%s尚未完成，须于%s前完成。", openLabel(sd.DutyYear, s.Year, lang), shortDate(sd.NextDue, s.Year, lang))
		default:
			fmt.Fprintf(&b, "，符合%s的进度要求。", req)
		}
	}
	return b.String()
}

// shortfall is a missed duty's fact as 存在的问题和不足 states it:
// 开展调研活动9次，未达到全年不少于12次的要求; 8月、10月未参加会前学法，未达到每月1次的要求.
func shortfall(sd SummaryDuty, missed string, lang Lang) string {
	if lang == English {
		if sd.Target.Cadence == Year {
			return fmt.Sprintf("%s: %s, short of the requirement of %s", sd.Duty.Title, timesEn(sd.Done), sd.Requirement)
		}
		return fmt.Sprintf("%s: %s, short of the requirement of %s", sd.Duty.Title, missed, sd.Requirement)
	}
	if sd.Target.Cadence == Year {
		if sd.Done == 0 {
			return fmt.Sprintf("全年未%s，未达到%s的要求", sd.Action, sd.Requirement)
		}
		return fmt.Sprintf("%s%d次，未达到%s的要求", sd.Action, sd.Done, sd.Requirement)
	}
	c := sd.Target.Cadence
	none := DutyYear{Target: sd.Target}
	var parts []string
	for _, p := range sd.Periods {
		if p.State == Missed && p.Count == 0 {
			none.Periods = append(none.Periods, p)
		}
	}
	if names := missedNames(none, sd.Target.Year, lang, true); len(names) > 0 {
		parts = append(parts, strings.Join(names, "、")+"未"+sd.Action)
	}
	for _, p := range sd.Periods {
		if p.State == Missed && p.Count > 0 {
			parts = append(parts, fmt.Sprintf("%s仅%s%d次", periodName(c, p.Period, sd.Target.Year, lang, true), sd.Action, p.Count))
		}
	}
	return strings.Join(parts, "，") + "，未达到" + sd.Requirement + "的要求"
}

// lagging is a duty behind pace in a report so far, with what the pace
// asks by the report's day: 开展调研活动：截至6月30日完成4次，按全年不少于12次的要求应完成5次。
func lagging(s Summary, sd SummaryDuty, lang Lang) string {
	var open PeriodResult
	for _, p := range sd.Periods {
		if p.State == Open {
			open = p
		}
	}
	want := 0
	if open.Days() > 0 {
		want = sd.Target.Min * (int(s.AsOf-open.Start) + 1) / open.Days()
	}
	where := ""
	if sd.Target.Cadence != Year {
		where = periodName(sd.Target.Cadence, open.Period, s.Year, lang, true)
	}
	if lang == English {
		if where != "" {
			where = " in " + where
		}
		return fmt.Sprintf("%s: %s%s by %s, where the pace of %s asks %d.", sd.Duty.Title, timesEn(open.Count), where,
			shortDate(s.AsOf, s.Year, lang), sd.Requirement, want)
	}
	return fmt.Sprintf("%s：%s截至%s完成%d次，按%s的要求应完成%d次。", sd.Duty.Title, where, shortDate(s.AsOf, s.Year, lang),
		open.Count, sd.Requirement, want)
}

// openLabel names the period still open: 12月, 四季度, the year.
func openLabel(dy DutyYear, year int, lang Lang) string {
	for _, p := range dy.Periods {
		if p.State == Open {
			return periodName(dy.Target.Cadence, p.Period, year, lang, true)
		}
	}
	return periodName(dy.Target.Cadence, Period{}, year, lang, true)
}

// periodName names a period; dated names a week with its dates, since
// nobody knows which days 第5周 was: 第5周（1月26日至2月1日）, W05 (Jan 26-Feb 1).
func periodName(c Cadence, p Period, year int, lang Lang, dated bool) string {
	if c == Year && lang == English {
		return "the year"
	}
	name := c.Label(p, lang)
	if dated && c == Week {
		return name + weekDates(p.Start, p.End, year, lang)
	}
	return name
}

func weekDates(from, to Date, year int, lang Lang) string {
	if lang == English {
		return " (" + shortDate(from, year, lang) + "-" + shortDate(to, year, lang) + ")"
	}
	return "（" + shortDate(from, year, lang) + "至" + shortDate(to, year, lang) + "）"
}

// MissedPeriods names the periods of dy that fell short of its target, in
// order and as lang lists them: 8月、10月; Aug, Oct; the year, for a
// yearly duty in English. Three or more weeks or months in a row are one
// range, as an officer writes them: 第2至46周, 3至5月; W02-W46, Mar-May. The
// completeness check, the workbook's missed column and the summary all
// name missed periods through it. It is empty when none was missed.
func MissedPeriods(dy DutyYear, lang Lang) string {
	names := missedNames(dy, 0, lang, false)
	if lang == English {
		return strings.Join(names, ", ")
	}
	return strings.Join(names, "、")
}

func missedNames(dy DutyYear, year int, lang Lang, dated bool) []string {
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
			name := periodRange(c, ps[i].Period, ps[j].Period, lang)
			if dated && c == Week {
				name += weekDates(ps[i].Start, ps[j].End, year, lang)
			}
			names = append(names, name)
			i = j
			continue
		}
		names = append(names, periodName(c, ps[i].Period, year, lang, dated))
	}
	return names
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

// joinOr lists names as English does after "none in": Aug or Oct; Mar,
// Aug or Oct.
func joinOr(names []string) string {
	if k := len(names); k > 1 {
		return strings.Join(names[:k-1], ", ") + " or " + names[k-1]
	}
	return strings.Join(names, "")
}

// missedPhrase says how a duty's missed periods fell short, those with no
// record first, weeks with their dates: 8月、10月未开展；二季度仅1次; none in
// Aug or Oct; only 1 in Q2. It is empty when none was missed.
func missedPhrase(dy DutyYear, year int, lang Lang) string {
	none := DutyYear{Target: dy.Target}
	var short []string
	for _, p := range dy.Periods {
		switch {
		case p.State != Missed:
		case p.Count == 0:
			none.Periods = append(none.Periods, p)
		case lang == English:
			short = append(short, fmt.Sprintf("only %s in %s", timesEn(p.Count), periodName(dy.Target.Cadence, p.Period, year, lang, true)))
		default:
			short = append(short, fmt.Sprintf("%s仅%d次", periodName(dy.Target.Cadence, p.Period, year, lang, true), p.Count))
		}
	}
	var parts []string
	if names := missedNames(none, year, lang, true); len(names) > 0 {
		if lang == English {
			parts = append(parts, "none in "+joinOr(names))
		} else {
			parts = append(parts, strings.Join(names, "、")+"未开展")
		}
	}
	if lang == English {
		return strings.Join(append(parts, short...), "; ")
	}
	return strings.Join(append(parts, short...), "；")
}

// overview is 一、总体情况 in plain sentences from the year figures: how
// many duties stand where for the year, how many activities there were,
// and how many of those the requirements asked for were done (a second
// activity in a month that asks for one is not counted twice).
func overview(ys YearStatus, partial bool, lang Lang) string {
	f := ys.Figures
	activities := 0
	verdicts := map[Verdict]int{}
	behind := 0
	for _, d := range ys.Duties {
		activities += d.Done
		verdicts[d.Verdict]++
		if d.Now == NowBehind {
			behind++
		}
	}
	rate := fmt.Sprintf("%.1f%%", f.Rate*100)
	order := []Verdict{VerdictDone, VerdictInProgress, VerdictMissed, VerdictNotStarted, VerdictArchived}
	if lang == English {
		prefix := fmt.Sprintf("In %d", ys.Year)
		if partial {
			prefix = "By " + longDate(ys.AsOf, lang)
		}
		if f.Duties == 0 {
			return prefix + ", the ledger held no duties with a target for the year."
		}
		var parts []string
		for _, v := range order {
			if n := verdicts[v]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, v.Name(lang)))
			}
		}
		list := strings.Join(parts, ", ")
		if k := len(parts); k > 1 {
			list = strings.Join(parts[:k-1], ", ") + " and " + parts[k-1]
		}
		if behind > 0 {
			list += fmt.Sprintf(" (%d of them behind pace)", behind)
		}
		noun := "duties"
		if f.Duties == 1 {
			noun = "duty"
		}
		act := "activities were"
		if activities == 1 {
			act = "activity was"
		}
		s := fmt.Sprintf("%s, my ledger held %d %s: %s. %d %s recorded. The requirements asked for %d over the year", prefix, f.Duties, noun, list, activities, act, f.Required)
		if partial {
			s += fmt.Sprintf("; %d of them are done so far (%s)", f.Credited, rate)
		} else {
			s += fmt.Sprintf(" and %d of them were done (%s)", f.Credited, rate)
		}
		if activities > f.Credited {
			s += "; a second activity in a period that asks for one is not counted twice"
		}
		return s + "."
	}
	prefix := fmt.Sprintf("%d年", ys.Year)
	if partial {
		prefix = "截至" + longDate(ys.AsOf, lang)
	}
	if f.Duties == 0 {
		return prefix + "，台账中没有列入年度要求的履职事项。"
	}
	var parts []string
	for _, v := range order {
		if n := verdicts[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d项", v.Name(lang), n))
		}
	}
	list := strings.Join(parts, "、")
	if behind > 0 {
		list += fmt.Sprintf("（其中进度滞后%d项）", behind)
	}
	s := fmt.Sprintf("%s，本人列入台账的履职事项共%d项，其中%s；共开展履职活动%d次。按各事项的频次要求，全年应开展%d次，",
		prefix, f.Duties, list, activities, f.Required)
	if partial {
		s += fmt.Sprintf("目前已完成%d次，完成率%s", f.Credited, rate)
	} else {
		s += fmt.Sprintf("实际完成%d次，完成率%s", f.Credited, rate)
	}
	if activities > f.Credited {
		s += "（同一期间多开展的次数不重复计算）"
	}
	return s + "。"
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
