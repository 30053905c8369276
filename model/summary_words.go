package model

// The sentences of the summary: its fixed words, dates, record lines, the
// paragraph on each duty, what fell short and the overview.

import (
	"fmt"
	"strings"
)

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
	p := recordPunct[0]
	if lang == English {
		p = recordPunct[1]
	}
	if r.Topic != "" {
		b.WriteString(p.topic + r.Topic)
	}
	var extra []string
	if with != "" {
		extra = append(extra, WithLabel(c, lang)+p.with+with)
	}
	if r.Place != "" {
		extra = append(extra, p.place+r.Place)
	}
	if note != "" {
		extra = append(extra, p.note+note)
	}
	if len(extra) > 0 {
		b.WriteString(p.open + strings.Join(extra, p.sep) + p.close)
	}
	b.WriteString(p.end)
	return b.String()
}

// recordPunct are the words and marks of a record line, in Chinese and in
// English: before the topic, after the participants' label, before the
// place and the note, around and between those, and at the end.
var recordPunct = [2]struct{ topic, with, place, note, open, sep, close, end string }{
	{"，", "：", "地点：", "备注：", "（", "；", "）", "。"},
	{": ", " ", "at ", "note: ", " (", "; ", ")", "."},
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

// overview is 一、总体情况 in plain sentences from the year figures: how
// many duties stand where for the year, how many activities there were,
// and how many of those the requirements asked for were done (a second
// activity in a month that asks for one is not counted twice).
func overview(ys YearStatus, partial bool, lang Lang) string {
	f := ys.Figures
	activities := 0
	// behind counts the duties behind pace under the verdict they have,
	// so that the words go beside that group (进行中6项（其中进度滞后1项）).
	verdicts, behind := map[Verdict]int{}, map[Verdict]int{}
	for _, d := range ys.Duties {
		activities += d.Done
		verdicts[d.Verdict]++
		if d.Now == NowBehind {
			behind[d.Verdict]++
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
				part := fmt.Sprintf("%d %s", n, v.Name(lang))
				if b := behind[v]; b > 0 {
					part += fmt.Sprintf(" (%d of them behind pace)", b)
				}
				parts = append(parts, part)
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
			part := fmt.Sprintf("%s%d项", v.Name(lang), n)
			if b := behind[v]; b > 0 {
				part += fmt.Sprintf("（其中进度滞后%d项）", b)
			}
			parts = append(parts, part)
		}
	}
	list := strings.Join(parts, "、")
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
