package plan

// Clauses that say only a time (年底前，…; 每月25日前 in a table's column),
// whose time serves the clause beside them, and the tests that tell a
// date, a year-end report or an event from a duty's cadence.

import (
	"strings"

	"taizhang/model"
)

// timeClause is a clause that says nothing but a time (年底前，…; 每月25日前
// in a table's column), and its time word, which serves the clause next
// to it.
type timeClause struct {
	t *token
	s span
}

// timeRunes may stand beside a time word in a clause that says only when:
// the day, the month and "before" (每月25日前, 每季度第一个月10日前).
const timeRunes = "日号月前后底末初旬以之内止"

// bareTime returns the time word of a clause that says nothing else, or nil.
func (x *extractor) bareTime(c *clause) *timeClause {
	var time *token
	for i := range c.toks {
		t := &c.toks[i]
		switch {
		case (t.kind == kCadence || t.kind == kYearEnd) && time == nil:
			time = t
		case t.kind == kNumber && (t.ord || x.isDate(*t)):
		default:
			return nil
		}
	}
	if time == nil {
		return nil
	}
	ti := 0
	for i := c.a; i < c.b; i++ {
		for ti < len(c.toks) && c.toks[ti].b <= i {
			ti++
		}
		if ti < len(c.toks) && c.toks[ti].a <= i {
			continue
		}
		if !strings.ContainsRune(timeRunes, x.d.norm[i]) {
			return nil
		}
	}
	return &timeClause{time, c.span}
}

// cadenceOnly proposes a duty from a clause that states a repeating
// cadence and an event but no count (每季度听取分管科室工作汇报, 按月统计报送):
// once per period. A year-end report (年终进行述责述廉, 年底前向党组报告…) is
// a yearly one. lead is a clause of time alone before this one (年底前，…);
// trail one after it, as a table puts the frequency in the column after
// the task (报送廉政风险防控台账  每月25日前). A time of its own wins over
// trail, lead wins over both.
func (x *extractor) cadenceOnly(c *clause, lead, trail *timeClause, m mode) (found, bool) {
	var cad, end *token
	var side *timeClause // the clause whose time word is used, when not this one
	attr := 0            // where the words after a length attribute begin
	if lead != nil {
		side = lead
		if lead.t.kind == kCadence && !lead.t.weak && !lead.t.never {
			cad = lead.t
		}
		if lead.t.kind == kYearEnd {
			end = lead.t
		}
	}
	for i := range c.toks {
		t := &c.toks[i]
		switch t.kind {
		case kCadence:
			if !t.weak && !t.never && cad == nil {
				cad = t
			}
		case kYearEnd:
			if end == nil {
				end = t
			}
		case kReq, kMax:
			// 开展不少于30分钟的学习: the bound belongs to a length that
			// describes each occurrence, not to a count
			if k := x.attributeAt(c, t.b); k > 0 {
				attr = max(attr, k)
				continue
			}
			return found{}, false
		case kNumber:
			if k := x.attributeAt(c, t.a); k > 0 {
				attr = max(attr, k)
				continue
			}
			if !t.ord && !x.isDate(*t) && t.a >= attr {
				return found{}, false
			}
		case kCount, kPast, kPerItem:
			return found{}, false
		}
	}
	if cad == nil && end == nil && trail != nil {
		side = trail
		if trail.t.kind == kCadence && !trail.t.weak && !trail.t.never {
			cad = trail.t
		}
		if trail.t.kind == kYearEnd {
			end = trail.t
		}
	}
	// the words of the duty: after a time word of this clause, all of
	// the clause when the time stands beside it
	words := func(t *token) span {
		if t.a < c.a || t.b > c.b {
			return span{max(c.a, attr), c.b}
		}
		return span{max(t.b, attr), c.b}
	}
	basis := c.span
	if side != nil {
		basis = span{min(side.s.a, c.a), max(side.s.b, c.b)}
	}
	switch {
	case cad != nil:
		from := words(cad)
		if !x.hasEvent(from) {
			return found{}, false
		}
		title := x.text(from, c.toks)
		if !x.d.meaningful(title) {
			title = x.text(span{c.a, c.b}, c.toks)
		}
		if !x.d.meaningful(title) {
			return found{}, false
		}
		f := Candidate{Title: title, Cadence: cad.cad, Min: max(cad.mult, 1), Line: int(x.d.line[basis.a])}
		return found{f, basis.a, x.window(basis, basis)}, true
	case end != nil && m == modePlan && x.isYearEndReport(c, end):
		title := x.text(words(end), c.toks)
		f := Candidate{Title: title, Cadence: model.Year, Min: 1, Line: int(x.d.line[basis.a])}
		return found{f, basis.a, x.window(basis, basis)}, x.d.meaningful(title)
	}
	return found{}, false
}

// attributeAt reads a length that qualifies the event after it, starting
// at i (30分钟的政治理论学习, 半天的集中培训): the length of each occurrence,
// which leaves the cadence to say how often. It returns where the words
// after the 的 begin, or 0. A length standing alone (每月学法不少于2小时) is
// an amount of time, not an occurrence, and is not read here.
func (x *extractor) attributeAt(c *clause, i int) int {
	s := &scanner{d: x.d, a: c.a, b: c.b}
	j := i
	if s.at(j, "半") {
		j++
	} else if _, _, next, ok := s.number(j); ok && next > j {
		j = next
	} else {
		return 0
	}
	n := s.first(j, "分钟", "个小时", "小时", "个工作日", "个月", "天", "学时", "课时")
	if n == 0 || !s.at(j+n, "的") {
		return 0
	}
	return j + n + 1
}

// isDate reports a number that names a day or a year (每月15日, 2022年)
// rather than measuring something.
func (x *extractor) isDate(t token) bool {
	if t.b >= len(x.d.norm) || t.b == 0 {
		return false
	}
	switch x.d.norm[t.b-1] {
	case '年', '月', '日', '号':
		return true
	}
	switch x.d.norm[t.b] {
	case '年', '月', '日', '号':
		return true
	}
	return false
}

// isYearEndReport reports a year-end mark before a personal report: 年终进行
// 述责述廉, 年底前向党组报告履职情况. A year-end mark in front of other
// words is a deadline, and one after a year (2024年底前) is a one-off.
func (x *extractor) isYearEndReport(c *clause, end *token) bool {
	if end.a > 0 && isDigit(x.d.norm[end.a-1]) {
		return false
	}
	s := &scanner{d: x.d, a: c.a, b: c.b}
	for i := c.a; i < c.b; i++ {
		if s.first(i, "内容", "结果") > 0 || s.first(i, inclusionVerbs...) > 0 {
			return false
		}
	}
	if end.a >= c.a && end.b <= c.b { // the mark is in this clause: the report follows it
		// after a light verb, a short manner or addressee may come
		// first: 年终专题述法, 年终向党组述职, 年底前进行书面述职
		j := end.b + s.first(end.b, "进行", "开展", "组织", "召开", "作", "做")
		for k := j; k <= j+4 && k < c.b; k++ {
			if s.first(k, "述职", "述法", "述责", "述廉") > 0 {
				return true
			}
		}
		return false
	}
	// the mark stood alone before this clause: a report anywhere in it
	return s.any(c.span, "述职", "述法", "述责", "述廉", "报告")
}

// eventWords name things that happen and can be counted; a cadence without
// a count makes a duty only when one of them follows it. Besides meetings,
// study and reports they are the routine checks and the dues (每月10日前
// 收缴党费, 每季度开展涉密载体清查) that a ledger tracks.
var eventWords = []string{"学习", "学法", "谈话", "谈心", "约谈", "党课", "会议", "例会", "生活会", "党日",
	"党员大会", "支委会", "小组会", "座谈会", "专题会", "调度会", "推进会", "研究", "听取", "汇报", "报告",
	"调研", "教育", "检查", "督查", "督导", "考核", "述职", "述法", "统计", "报送", "分析", "研判", "评估",
	"巡查", "排查", "培训", "讲座", "讨论", "通报", "自查", "演练", "宣讲", "走访", "评议", "部署", "总结",
	"收缴", "缴纳", "交纳", "公示", "清查", "盘点", "抽查", "抽检", "核查", "接访", "下访", "接待", "慰问"}

// hasEvent reports an event word in s that something happens to, not one
// that names where other things go: 每年将意识形态工作纳入学习内容 places a
// topic in the study programme and is no study of its own, and neither is
// 把廉政教育列入学习计划. So an event counts only before the first verb of
// inclusion, and not at all between 将 or 把 and one.
func (x *extractor) hasEvent(s span) bool {
	sc := &scanner{d: x.d, a: s.a, b: s.b}
	event, disposal := false, false
	for i := s.a; i < s.b; i++ {
		if x.d.quoted[i] {
			continue
		}
		switch {
		case sc.first(i, inclusionVerbs...) > 0:
			return event && !disposal
		case sc.first(i, "将", "把") > 0 && sc.first(i+1, "握", "关", "手") == 0:
			disposal = disposal || !event
		case sc.first(i, eventWords...) > 0:
			event = true
		}
	}
	return event
}

// inclusionVerbs put one thing into another (a topic into a programme, a
// result into an assessment).
var inclusionVerbs = []string{"纳入", "列入", "写入", "融入", "作为"}
