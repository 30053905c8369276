package model

import (
	"fmt"
	"os"
	"strings"
)

// Lang is the language of words shown to the officer.
type Lang string

// The two languages.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// ParseLang reads zh or en.
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "zh", "cn", "zh-cn", "zh_cn", "chinese", "中文":
		return Chinese, true
	case "en", "english":
		return English, true
	}
	return "", false
}

// LangFromEnv picks the language from LC_ALL, LC_MESSAGES or LANG: English
// when the locale is English, Chinese otherwise (taizhang is Chinese first).
func LangFromEnv() Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "en") {
			return English
		}
		return Chinese
	}
	return Chinese
}

var categoryNames = map[Category][2]string{
	Study:     {"学习", "Study"},
	Talk:      {"谈话", "Talk"},
	Lesson:    {"党课", "Lesson"},
	Meeting:   {"会议", "Meeting"},
	Report:    {"报告", "Report"},
	Research:  {"调研", "Research"},
	Education: {"警示教育", "Education"},
	Other:     {"其他", "Other"},
}

// Name returns the category's name in lang.
func (c Category) Name(lang Lang) string { return pick(categoryNames[c], lang, string(c)) }

var statusNames = map[Status][2]string{
	Done:       {"已完成", "done"},
	MissedDuty: {"未达标", "missed"},
	Behind:     {"滞后", "behind"},
	DueSoon:    {"临期", "due soon"},
	OnTrack:    {"正常", "on track"},
	NotStarted: {"未开始", "not started"},
	Archived:   {"已归档", "archived"},
}

// Name returns the status word in lang.
func (s Status) Name(lang Lang) string { return pick(statusNames[s], lang, string(s)) }

var verdictNames = map[Verdict][2]string{
	VerdictDone:       {"已完成", "done"},
	VerdictMissed:     {"未达标", "missed"},
	VerdictArchived:   {"已归档", "archived"},
	VerdictNotStarted: {"未开始", "not started"},
	VerdictInProgress: {"进行中", "in progress"},
}

// Name returns the year verdict in lang.
func (v Verdict) Name(lang Lang) string { return pick(verdictNames[v], lang, string(v)) }

var nowNames = map[NowState][2]string{
	NowMet:     {"本期已完成", "this period met"},
	NowDueSoon: {"临期", "due soon"},
	NowBehind:  {"滞后", "behind"},
	NowOnTrack: {"正常", "on track"},
}

// Name returns the now state in lang; "" for NowNone.
func (n NowState) Name(lang Lang) string { return pick(nowNames[n], lang, string(n)) }

// Badge is the duty's status word, with the year verdict beside it where
// the status hides it: 临期 · 全年未达标, "due soon · year missed".
func (dy DutyYear) Badge(lang Lang) string {
	return withYearMissed(dy.Status.Name(lang), dy.VerdictDiffers(), lang)
}

// NowBadge is the state of the period under way, with the year verdict
// beside it when the year is already missed (正常 · 全年未达标): what the
// this-period view says of a duty.
func (dy DutyYear) NowBadge(lang Lang) string {
	return withYearMissed(dy.Now.Name(lang), dy.Verdict == VerdictMissed, lang)
}

// withYearMissed puts "the year is missed" beside word when missed.
func withYearMissed(word string, missed bool, lang Lang) string {
	if !missed {
		return word
	}
	return word + pick([2]string{" · 全年未达标", " · year missed"}, lang, "")
}

// Progress is credited/required as the dashboard and the documents show it
// (11/12), with the raw number of records beside it when it differs: 11/12
// 共15次, "11/12 (15 in all)".
func (dy DutyYear) Progress(lang Lang) string {
	if dy.Coverage != nil {
		return dy.Coverage.Ratio(lang) // a per-person duty counts people (DESIGN §3a)
	}
	s := fmt.Sprintf("%d/%d", dy.Credited, dy.Required)
	if dy.Done != dy.Credited {
		if lang == English {
			return s + fmt.Sprintf(" (%d in all)", dy.Done)
		}
		return s + fmt.Sprintf(" 共%d次", dy.Done)
	}
	return s
}

var cadenceNames = map[Cadence][2]string{
	Week:    {"每周", "weekly"},
	Month:   {"每月", "monthly"},
	Quarter: {"每季度", "quarterly"},
	Half:    {"每半年", "half-yearly"},
	Year:    {"每年", "yearly"},
}

// Name returns the cadence word in lang (每月, monthly).
func (c Cadence) Name(lang Lang) string { return pick(cadenceNames[c], lang, string(c)) }

// Requirement states a target in words, as officers write it:
// 全年不少于2次, 每月1次; "at least 2 a year", "1 a month".
func (t Target) Requirement(lang Lang) string {
	var s string
	if lang == English {
		unit := map[Cadence]string{Week: "a week", Month: "a month", Quarter: "a quarter", Half: "per half-year", Year: "a year"}[t.Cadence]
		if t.Cadence == Year {
			s = fmt.Sprintf("at least %d %s", t.Min, unit)
		} else {
			s = fmt.Sprintf("%d %s", t.Min, unit)
		}
		if t.Each != "" {
			s = fmt.Sprintf("each of %s, at least %d %s", t.Each, t.Min, unit)
		}
		if !t.Start.IsZero() {
			s += " from " + t.Start.String()
		}
		if !t.End.IsZero() {
			s += " until " + t.End.String()
		}
		return s
	}
	switch {
	case t.Each != "" && t.Cadence == Year:
		s = fmt.Sprintf("%s每人每年不少于%d次", t.Each, t.Min)
	case t.Each != "":
		s = fmt.Sprintf("%s每人%s%d次", t.Each, t.Cadence.Name(Chinese), t.Min)
	case t.Cadence == Year:
		s = fmt.Sprintf("全年不少于%d次", t.Min)
	default:
		s = fmt.Sprintf("%s%d次", t.Cadence.Name(Chinese), t.Min)
	}
	monthDay := func(x Date) string {
		_, m, d := x.Civil()
		return fmt.Sprintf("%d月%d日", int(m), d)
	}
	switch {
	case !t.Start.IsZero() && !t.End.IsZero():
		s += "（" + monthDay(t.Start) + "起至" + monthDay(t.End) + "）"
	case !t.Start.IsZero():
		s += "（" + monthDay(t.Start) + "起）"
	case !t.End.IsZero():
		s += "（至" + monthDay(t.End) + "）"
	}
	return s
}

var quarterZh = []string{"一季度", "二季度", "三季度", "四季度"}

// Label names period p of cadence c: 3月, 二季度, 上半年, 第5周, 全年;
// Mar, Q2, H1, W05, Year.
func (c Cadence) Label(p Period, lang Lang) string {
	if lang == English {
		switch c {
		case Week:
			return fmt.Sprintf("W%02d", p.Index+1)
		case Month:
			return p.Start.Time().Format("Jan")
		case Quarter:
			return fmt.Sprintf("Q%d", p.Index+1)
		case Half:
			return fmt.Sprintf("H%d", p.Index+1)
		}
		return "Year"
	}
	switch c {
	case Week:
		return fmt.Sprintf("第%d周", p.Index+1)
	case Month:
		return fmt.Sprintf("%d月", p.Index+1)
	case Quarter:
		return quarterZh[p.Index%4]
	case Half:
		if p.Index == 0 {
			return "上半年"
		}
		return "下半年"
	}
	return "全年"
}

func pick(names [2]string, lang Lang, fallback string) string {
	if names[0] == "" {
		return fallback
	}
	if lang == English {
		return names[1]
	}
	return names[0]
}
