package model

import (
	"fmt"
	"strings"
)

// countTalks counts a per-person target's records into its periods (each
// period's Count) and returns, per period, the records with each member of
// the group (by the member's index in tr.Group). A record counts where the
// rules of §3 put it: in the earlier period it names, once that period is
// over at m, or else in the period holding its date, when that date is not
// after m.
func countTalks(tr Tracked, res []PeriodResult, m Moment) [][]int {
	t := tr.Target
	member := make(map[int64]int, len(tr.Group))
	for j, mb := range tr.Group {
		member[mb.ID] = j
	}
	counts := make([][]int, len(res))
	for i := range counts {
		counts[i] = make([]int, len(tr.Group))
	}
	for _, tk := range tr.Talks {
		i := talkPeriod(t, tk, res, m)
		if i < 0 {
			continue
		}
		res[i].Count++
		for _, id := range tk.People {
			if j, ok := member[id]; ok && id != 0 {
				counts[i][j]++
			}
		}
	}
	return counts
}

// talkPeriod is the index of the period a talk counts in at m, or -1.
func talkPeriod(t Target, tk NamedRecord, res []PeriodResult, m Moment) int {
	if !tk.For.IsZero() && tk.For.Cadence == t.Cadence {
		if tk.For.Year != t.Year || tk.For.Index < 0 || tk.For.Index >= len(res) || !m.Over(res[tk.For.Index].Period) {
			return -1
		}
		return tk.For.Index
	}
	if tk.Date > m.Day {
		return -1
	}
	return PeriodIndex(t.Cadence, t.Year, tk.Date)
}

// coverage is the year's coverage of a per-person target at m: over the
// required periods begun at m (the first required period when none has
// begun), a person is required when required in any of them and covered
// when they have their N in every one they are required in.
func coverage(tr Tracked, res []PeriodResult, m Moment) *Coverage {
	t := tr.Target
	var considered []int
	first := -1
	for i, p := range res {
		if !p.Required() {
			continue
		}
		if first < 0 {
			first = i
		}
		if m.Begun(p.Period) && max(p.Start, t.Start) <= m.Day {
			considered = append(considered, i)
		}
	}
	if len(considered) == 0 && first >= 0 {
		considered = []int{first}
	}
	c := &Coverage{Min: t.Min, Unfilled: len(tr.Group) == 0}
	total := map[int64]int{}
	short := map[int64]bool{}
	seen := map[int64]bool{}
	for _, i := range considered {
		for _, pc := range res[i].People {
			total[pc.ID] += pc.Count
			seen[pc.ID] = true
			if pc.Count < t.Min {
				short[pc.ID] = true
			}
		}
	}
	for _, mb := range tr.Group {
		if !seen[mb.ID] {
			continue
		}
		c.Required = append(c.Required, PersonCount{ID: mb.ID, Label: mb.Label, Count: total[mb.ID]})
		if short[mb.ID] {
			c.Missing = append(c.Missing, mb.Label)
		}
	}
	inGroup := make(map[int64]bool, len(tr.Group))
	for _, mb := range tr.Group {
		inGroup[mb.ID] = true
	}
	for _, tk := range tr.Talks {
		if talkPeriod(t, tk, res, m) < 0 {
			continue
		}
		c.Times += max(1, len(tk.Names))
		for k, name := range tk.Names {
			if id := tk.People[k]; (id == 0 || !inGroup[id]) && !containsString(c.Outside, name) {
				c.Outside = append(c.Outside, name)
			}
		}
	}
	return c
}

// coverageParagraph is a per-person duty's count sentence (DESIGN §3a):
// 全年开展提醒谈话12人次，覆盖9人，实现全覆盖。 or …覆盖7人，尚未谈话：张三、李四。
func coverageParagraph(s Summary, sd SummaryDuty, lang Lang) string {
	c := sd.Coverage
	group := CleanLine(sd.Target.Each)
	names := make([]string, len(c.Missing))
	for i, n := range c.Missing {
		names[i] = CleanLine(n)
	}
	if lang == English {
		var b strings.Builder
		when := fmt.Sprintf("in %d", s.Year)
		if s.Partial {
			when = "by " + shortDate(s.AsOf, s.Year, lang)
		}
		switch {
		case len(c.Required) == 0:
			fmt.Fprintf(&b, "%s %s; nobody is on the roster in the group %q, so coverage cannot be counted.", capital(timesEn(sd.Done)), when, group)
		case c.Full():
			fmt.Fprintf(&b, "%d talks (person-times) %s, covering %d people: everyone in %s.", c.Times, when, c.Covered(), group)
		default:
			fmt.Fprintf(&b, "%d talks (person-times) %s, covering %d of %d people in %s; not yet talked to: %s.",
				c.Times, when, c.Covered(), len(c.Required), group, strings.Join(names, ", "))
		}
		return b.String()
	}
	prefix := "全年"
	if s.Partial {
		prefix = "截至" + shortDate(s.AsOf, s.Year, lang) + "，"
	}
	switch {
	case len(c.Required) == 0:
		return fmt.Sprintf("%s%s%d次；“%s”分组尚无人员，无法统计覆盖情况。", prefix, sd.Action, sd.Done, group)
	case c.Full():
		return fmt.Sprintf("%s%s%d人次，覆盖%d人，实现全覆盖。", prefix, sd.Action, c.Times, c.Covered())
	}
	return fmt.Sprintf("%s%s%d人次，覆盖%d人（应覆盖%d人），尚未谈话：%s。", prefix, sd.Action, c.Times, c.Covered(), len(c.Required),
		strings.Join(names, "、"))
}
