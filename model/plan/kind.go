package plan

// A report of past work (工作总结, 法治政府建设情况报告) counts what was done:
// 累计开展32场次 is history, not a duty. A plan states what is to come. A
// text is judged as a whole from its title, its opening and the balance of
// past markers against requirement words, and then section by section: a
// plan may open by reviewing last year (一、2021年工作回顾) and a report may
// close with next year's plan (三、下一步工作安排).

type mode uint8

const (
	modePlan mode = iota
	modeReport
)

// sections returns the text's kind and the mode of each paragraph.
func (d *doc) sections() (Kind, []mode) {
	plan, report := 0, 0
	if len(d.paras) > 1 {
		first := d.paras[0]
		s := d.scan(first)
		// a title line: short, and not a sentence
		if first.b-first.a <= 40 && !s.any(first, "。", "，", "；", "！", "？") {
			if s.any(first, "总结", "工作报告", "情况报告", "自查报告", "述职报告", "年度报告", "工作情况") {
				report += 4
			}
			if s.any(first, "计划", "要点", "方案", "办法", "细则", "规定", "意见", "安排", "清单", "制度") {
				plan += 4
			}
		}
	}
	head := d.head(300)
	if s := d.scan(head); s.any(head, "制定本", "特制定", "现制定", "制定如下", "通知如下") {
		plan += 4
	} else if s.any(head, "报告如下", "汇报如下", "总结如下") {
		report += 4
	}
	heads := make([]int, len(d.paras)) // +1 future section, -1 past section, 0 neither
	level := make([]int, len(d.paras))
	for i, p := range d.paras {
		level[i] = d.headingLevel(p)
		if level[i] == 0 {
			continue
		}
		heads[i] = d.headingTense(p)
		if level[i] == 1 {
			switch heads[i] {
			case -1:
				report += 2
			case 1:
				plan++
			}
		}
	}
	// The balance of tenses shows long before the end of any real text;
	// weighing only the opening keeps a huge input cheap.
	const weighed = 20000
	past, req := 0, 0
	for _, p := range d.paras {
		if p.a >= weighed {
			break
		}
		p.b = min(p.b, weighed)
		s := d.scan(p)
		toks := s.tokens()
		for i, t := range toks {
			switch t.kind {
			case kPast:
				past++
			case kReq:
				req++
			case kCadence:
				if !t.weak {
					req++
				}
			case kCount:
				// A plan states its counts as requirements (不少于2次,
				// 每月1次, 6次以上); a report states them bare (召开党组会议24次).
				if !t.bad && !t.slogan && !t.post && !t.hasCad && !required(toks[:i], t.a) {
					past++
				}
			}
		}
		for i := p.a; i < p.b; i++ {
			if s.first(i, "未发生", "未出现", "取得了") > 0 {
				past++
			}
		}
	}
	plan += min(req, 12)
	report += min(past, 12)
	// A few lines pasted on their own are a plan unless they say otherwise:
	// one bare count is not enough to call a text a report.
	kind, base := KindPlan, modePlan
	if report > plan && report >= 3 {
		kind, base = KindReport, modeReport
	}
	modes := make([]mode, len(d.paras))
	sec, sub := base, base
	for i := range d.paras {
		switch level[i] {
		case 1:
			sec = tenseMode(heads[i], base)
			sub = sec
		case 2:
			sub = tenseMode(heads[i], sec)
		}
		modes[i] = sub
	}
	return kind, modes
}

// required reports whether the tokens just before a count at pos, within
// a few characters, make it a requirement.
func required(before []token, pos int) bool {
	for i := len(before) - 1; i >= 0 && i >= len(before)-3; i-- {
		t := before[i]
		if pos-t.b > 12 {
			return false
		}
		switch {
		case t.kind == kReq, t.kind == kEach, t.kind == kCadence && !t.weak:
			return true
		}
	}
	return false
}

func tenseMode(tense int, inherit mode) mode {
	switch tense {
	case 1:
		return modePlan
	case -1:
		return modeReport
	}
	return inherit
}

// scan is a scanner over a whole paragraph.
func (d *doc) scan(p span) *scanner { return &scanner{d: d, a: p.a, b: p.b} }

// any reports whether one of ws occurs in p.
func (s *scanner) any(p span, ws ...string) bool {
	for i := p.a; i < p.b; i++ {
		if s.first(i, ws...) > 0 {
			return true
		}
	}
	return false
}

// head is the first n runes of the text.
func (d *doc) head(n int) span { return span{0, min(n, len(d.norm))} }

// maxHeading is the longest a heading runs, in runes after its number. A
// heading names a section (二、重点工作任务, （三）强化理论武装); a numbered
// stretch longer than this is prose.
const maxHeading = 30

// headingLevel is 1 for 一、… and 第一部分, 2 for （一）…, and 0 for a
// paragraph that is not a heading. The numbering alone does not make a
// heading: short plans number their items 一、二、 or （一）（二） with
// whole sentences, and an item that states a requirement (一、全年…不少于2次)
// or runs on as prose is an item, which opens no section and sets no tense.
func (d *doc) headingLevel(p span) int {
	level, at := d.headingNumber(p)
	if level == 0 {
		return 0
	}
	h := d.headingText(p, at)
	if h.b-h.a > maxHeading || d.statesRequirement(h) {
		return 0
	}
	return level
}

// headingNumber reads the heading numeral that opens p: its level and
// where the words after it start, or level 0.
func (d *doc) headingNumber(p span) (level, at int) {
	s := d.scan(p)
	i := p.a
	if s.r(i) == '第' {
		j := i + 1
		for isHanDigit(s.r(j)) {
			j++
		}
		if n := s.first(j, "部分", "章"); j > i+1 && n > 0 {
			return 1, j + n
		}
		return 0, 0
	}
	open := s.r(i) == '（' || s.r(i) == '('
	if open {
		i++
	}
	j := i
	for isHanDigit(s.r(j)) {
		j++
	}
	switch {
	case j == i:
		return 0, 0
	case open && (s.r(j) == '）' || s.r(j) == ')'):
		return 2, j + 1
	case !open && s.r(j) == '、':
		return 1, j + 1
	}
	return 0, 0
}

// headingText is the stretch of p from at to the first mark that ends a
// heading: a full stop, a colon or a gap before body text on the same line
// (（一）加强组织领导。局党组每半年…). Marks inside quotes and brackets end
// nothing.
func (d *doc) headingText(p span, at int) span {
	for at < p.b && d.norm[at] == softBreak {
		at++ // 一、　全年…: a gap after the number only indents
	}
	for i := at; i < p.b; i++ {
		if d.inner[i] {
			continue
		}
		switch d.norm[i] {
		case '。', '！', '？', '；', ';', '!', '?', '：', ':', softBreak:
			return span{at, i}
		}
	}
	return span{at, p.b}
}

// statesRequirement reports whether h holds what makes a duty: a count, a
// requirement word, a repeating cadence or a year-end time (八、年底前，向
// 局党组书面报告…情况). 全年 and 年内 alone do not: 二、全年工作安排 is a
// heading.
func (d *doc) statesRequirement(h span) bool {
	for _, t := range d.scan(h).tokens() {
		switch {
		case t.kind == kCount && !t.bad && !t.slogan,
			t.kind == kReq, t.kind == kEach, t.kind == kYearEnd,
			t.kind == kCadence && !t.weak:
			return true
		}
	}
	return false
}

// headingTense reads a heading's words: +1 when it announces what is to be
// done, -1 when it reviews what was done.
func (d *doc) headingTense(p span) int {
	_, at := d.headingNumber(p)
	h := d.headingText(p, at)
	s := d.scan(h)
	tense := 0
	task := false // a verb that makes 情况 something to report, not a review
	for i := h.a; i < h.b; i++ {
		switch {
		case s.first(i, "安排", "打算", "计划", "思路", "下一步", "要点", "任务", "目标", "要求") > 0:
			tense = 1
		case s.first(i, "成效", "成绩", "做法", "回顾", "总结", "问题", "不足", "经验", "举措和成效") > 0:
			tense = -1
		case s.at(i, "情况") && !task:
			// 一、2023年工作开展情况 reviews; （一）及时报告工作情况 is a task
			tense = -1
		case s.first(i, taskVerbs...) > 0:
			task = true
		}
	}
	return tense
}

// taskVerbs put 情况 in a heading to come: one reports, checks or
// publishes the state of things.
var taskVerbs = []string{"报告", "汇报", "通报", "报送", "上报", "听取", "检查", "督查", "统计", "分析", "掌握", "了解", "公开", "公示", "反馈"}

// year is the year a text names itself for: the first 20xx年 in its first
// lines that sits in a sentence naming a plan or a report.
func (d *doc) year() int {
	h := d.head(200)
	s := d.scan(h)
	if !s.any(h, "计划", "要点", "方案", "安排", "报告", "总结") {
		return 0
	}
	for i := h.a; i+4 < h.b; i++ {
		if y := s.yearAt(i); y > 0 {
			return y
		}
	}
	return 0
}

// yearAt reads a four-digit year followed by 年 at i (2022年, 二〇二二年), or 0.
func (s *scanner) yearAt(i int) int {
	if isDigit(s.r(i-1)) || isHanDigit(s.r(i-1)) {
		return 0
	}
	v := 0
	for k := 0; k < 4; k++ {
		r := s.r(i + k)
		switch {
		case isDigit(r):
			v = v*10 + int(r-'0')
		case hanDigit(r) >= 0:
			v = v*10 + hanDigit(r)
		default:
			return 0
		}
	}
	if s.r(i+4) != '年' || v < 1900 || v > 2999 {
		return 0
	}
	return v
}
