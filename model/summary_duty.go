package model

// Each duty's part of the summary: its count sentence, what fell short
// and the periods missed, named as officers name them.

import (
	"fmt"
	"strings"
)

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
	if sd.Target.Each != "" {
		return laggingPeople(s, sd, open, where, lang)
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

// laggingPeople is a per-person duty behind pace, in people: how many
// have had their talks, how many the pace asks for by now, out of how many,
// and who is still waiting.
func laggingPeople(s Summary, sd SummaryDuty, open PeriodResult, where string, lang Lang) string {
	covered, waiting := 0, []string{}
	for _, p := range open.People {
		if p.Count >= sd.Target.Min {
			covered++
		} else {
			waiting = append(waiting, p.Label)
		}
	}
	want := 0
	if open.Days() > 0 && sd.Target.Min > 0 {
		want = open.Need * (int(s.AsOf-open.Start) + 1) / open.Days() / sd.Target.Min
	}
	if lang == English {
		if where != "" {
			where = " in " + where
		}
		return fmt.Sprintf("%s: %d of %d people reached%s by %s, where the pace of %s asks %d; not yet: %s.", sd.Duty.Title,
			covered, len(open.People), where, shortDate(s.AsOf, s.Year, lang), sd.Requirement, want, strings.Join(waiting, ", "))
	}
	return fmt.Sprintf("%s：%s截至%s覆盖%d人（应覆盖%d人），按%s的进度此时应覆盖%d人，尚未谈话：%s。", sd.Duty.Title, where,
		shortDate(s.AsOf, s.Year, lang), covered, len(open.People), sd.Requirement, want, strings.Join(waiting, "、"))
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
