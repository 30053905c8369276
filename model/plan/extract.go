package plan

import (
	"sort"
	"unicode/utf8"

	"taizhang/model"
)

// Candidate is one duty proposed from a plan text.
type Candidate struct {
	Title    string         // the duty's short name, in the script of the source
	Category model.Category // from keywords in the title
	Cadence  model.Cadence
	Min      int    // per period, at least 1
	Basis    string // the source clause
	Line     int    // 1-based line of the clause in the text
	// Addressee is who the sentence says must do it (党组主要负责人, 班子成员),
	// as written; Role is the kind of post that is. Both empty when the
	// sentence names no one.
	Addressee string
	Role      Role
	// Also is another reading of the same sentence left out for this one,
	// when the two disagree: a cadence and a yearly total of the same duty
	// that do not come to the same (每月1次，全年不少于15次). Its Cadence and
	// Min only; zero when the sentence states the duty once, or twice
	// alike (每月1次，全年不少于12次, where the basis says both).
	Also model.Target
	// Each is the group a talk is owed to each person of (与科室每名干部
	// 谈心谈话: 科室干部), as the plan names it; empty for other duties.
	Each string
}

// Kind is what a text is: a plan of duties to come, or a report of work
// done, whose counts are history and not duties.
type Kind string

// The kinds of text.
const (
	KindPlan   Kind = "plan"
	KindReport Kind = "report"
)

// Document is what Analyze finds in a text.
type Document struct {
	Kind       Kind
	Year       int // the year the text names itself for (2022年…工作计划), 0 if none
	Candidates []Candidate
}

// Extract proposes the duties a plan text states, in the order they appear.
// Every string in the result has passed model.CleanLine.
func Extract(text string) []Candidate { return Analyze(text).Candidates }

// Analyze reads a plan or report text: its kind, its year, and the duties
// it states. In a report only the practices stated with a repeating cadence
// (坚持每月1次…) are proposed; its other counts are history.
func Analyze(text string) Document {
	d := prepare(text)
	kind, modes := d.sections()
	x := &extractor{d: d, seen: map[string]bool{}, year: d.year()}
	for i, p := range d.paras {
		if level := d.headingLevel(p); level > 0 {
			x.enterSection(p, level)
		}
		x.paragraph(p, modes[i])
	}
	return Document{Kind: kind, Year: x.year, Candidates: x.out}
}

type extractor struct {
	d     *doc
	out   []Candidate
	seen  map[string]bool // title, cadence and minimum already proposed
	year  int             // the year the text is for, 0 if it does not say
	name  string          // a heading paragraph's words, for the sentence after it
	doing []named         // the doers the sentence being read names
	// section is, by heading level, the doer the heading of the section
	// being read names (一、党组书记职责): the doer of its duties whose own
	// sentences name none.
	section [3]named
}

// clause is one stretch between commas, with its tokens.
type clause struct {
	span
	toks []token
}

// paragraph cuts a paragraph into sentences and each into clauses. A
// sentence ends at 。！？；; a clause at ，：, a tab or a table bar; marks
// inside quotes and brackets end nothing, and a comma or colon between
// digits (1,000; 8:30) is part of a number.
func (x *extractor) paragraph(p span, m mode) {
	d := x.d
	var cls []clause
	start := p.a
	// A heading may name the duty that the sentence after it only counts:
	// （二）会前学法。每月1次。, or 2. 会前学法 on a line of its own and 每月1次。
	// on the next. The name serves that one sentence.
	fallback := x.name
	x.name = ""
	head, name := x.headingName(p)
	for i := p.a; i <= p.b; i++ {
		end, sentence := i == p.b, i == p.b
		if !end && !d.inner[i] {
			switch d.norm[i] {
			case '。', '！', '？', '；', ';', '!', '?':
				end, sentence = true, true
			case '，', '：', softBreak, '|', '｜':
				end = true
			case ',', ':':
				end = !(i > p.a && isDigit(d.norm[i-1]) && i+1 < p.b && isDigit(d.norm[i+1]))
			}
		}
		if !end {
			continue
		}
		if i > start {
			sc := &scanner{d: d, a: start, b: i}
			sc.a = sc.skipItemNumber()
			cls = append(cls, clause{span{sc.a, i}, sc.tokens()})
		}
		start = i + 1
		if sentence {
			x.sentence(cls, m, fallback)
			cls = cls[:0]
			fallback = ""
			if name != "" && i >= head.b && i <= head.b+1 {
				fallback = name // the sentence was the heading: name the next
				if i >= p.b-1 {
					x.name = name // the heading is the whole paragraph
				}
			}
		}
	}
}

// headingName returns the words of a numbered heading that opens p (一、
// （二） 2. ①) and the stretch they fill, when they are short, state no
// requirement and name something.
func (x *extractor) headingName(p span) (span, string) {
	at := 0
	if level, k := x.d.headingNumber(p); level > 0 {
		at = k
	} else if sc := x.d.scan(p); sc.skipItemNumber() > p.a {
		at = sc.skipItemNumber()
	} else {
		return span{}, ""
	}
	h := x.d.headingText(p, at)
	if h.b-h.a > maxHeading || x.d.statesRequirement(h) {
		return span{}, ""
	}
	sc := x.d.scan(h)
	name := x.text(h, sc.tokens())
	if !x.d.meaningful(name) {
		return span{}, ""
	}
	return h, name
}

// anchor is one count that may state a duty.
type anchor struct {
	t         token
	toks      []token // the clause's tokens from the previous count to the next
	ti        int     // index of the count in the clause's tokens
	segA      int     // where the duty's words start
	tailB     int     // where they end
	cad       *token
	ownCad    bool // the cadence is in the anchor's own words
	req, each bool
	max, per  bool
	past      bool
	title     string
	obj       string // the words after the count, tidied: its object when it comes first
}

// sentence finds the duties in one sentence. Cadence words carry over
// from one clause to the next (全年…不少于1次、…不少于1次，…不少于1次), and a
// count whose own words name nothing takes its name from what came before
// (中心组学习，每年不少于6次).
func (x *extractor) sentence(cls []clause, m mode, fallback string) {
	if len(cls) == 0 {
		return
	}
	x.doing = x.doers(cls[0].a, cls[len(cls)-1].b)
	var found []found
	var lastCad *token
	type total struct {
		cad *token
		min int
	}
	var totals []total // the counts accepted so far, for a part (其中…) to find its whole
	var lastTitle string
	lastTitleCI := -1
	pastSeen := x.opensInPast(&cls[0])
	borrowed := make([]bool, len(cls)) // clauses that named a later count's duty
	hasAnchor := make([]bool, len(cls))
	// a clause's own text as a name, computed at most once per clause
	texts := make([]string, len(cls))
	textDone := make([]bool, len(cls))
	clauseText := func(i int) string {
		if !textDone[i] {
			texts[i], textDone[i] = x.clauseText(&cls[i]), true
		}
		return texts[i]
	}

	for ci := range cls {
		c := &cls[ci]
		as := x.anchors(c)
		next := 0 // next token to feed lastCad
		for k := range as {
			a := &as[k]
			for ; next < len(c.toks) && c.toks[next].a < a.t.a; next++ {
				if t := &c.toks[next]; t.kind == kCadence {
					lastCad = t
				}
			}
			switch {
			case a.t.hasCad:
				a.cad, a.ownCad = &a.t, true
			case lastCad != nil:
				a.cad = lastCad
				a.ownCad = lastCad.a >= a.segA && lastCad.b <= a.t.a
			}
			if !a.ownCad && x.partOf(c, a) {
				// 全年…不少于12次，原则上每月1次，其中专题研讨不少于4次: a
				// part is counted in the period of a total it fits in,
				// not in the nearest cadence.
				for k := len(totals) - 1; k >= 0; k-- {
					if totals[k].min >= a.t.val {
						a.cad = totals[k].cad
						break
					}
				}
			}
			a.obj = x.text(span{a.t.b, a.tailB}, a.toks)
			if !x.accept(a, m, &pastSeen) {
				continue
			}
			a.title = x.titleOf(a)
			basis := span{c.a, c.b}
			if !x.d.meaningful(a.title) {
				switch {
				case k > 0 && lastTitleCI == ci, ci > 0 && lastTitleCI == ci-1 && lastTitle != "":
					a.title = lastTitle
				default:
					for back := ci - 1; back >= 0 && back >= ci-3; back-- {
						if hasAnchor[back] {
							break
						}
						if t := clauseText(back); x.d.meaningful(t) {
							a.title = t
							borrowed[back] = true
							basis.a = cls[back].a
							break
						}
					}
				}
			}
			if !x.d.meaningful(a.title) {
				a.title = fallback // the heading over the sentence
			}
			if !x.d.meaningful(a.title) {
				continue
			}
			hasAnchor[ci] = true
			lastTitle, lastTitleCI = a.title, ci
			totals = append(totals, total{a.cad, a.t.val * max(cadMult(a.cad), 1)})
			titles := x.distribute(c, a)
			if len(titles) == 1 {
				titles = x.splitCombined(titles[0], a.each, a.cad != nil && a.cad.pair)
			}
			for _, title := range titles {
				found = append(found, x.candidate(title, a, basis))
			}
		}
		for ; next < len(c.toks); next++ {
			if t := &c.toks[next]; t.kind == kCadence {
				lastCad = t
			}
		}
	}
	for ci := range cls {
		if !hasAnchor[ci] && !borrowed[ci] {
			var lead, trail *timeClause
			if ci > 0 {
				lead = x.bareTime(&cls[ci-1])
			}
			if ci+1 < len(cls) && !hasAnchor[ci+1] {
				trail = x.bareTime(&cls[ci+1])
			}
			if f, ok := x.cadenceOnly(&cls[ci], lead, trail, m); ok {
				f.c.Addressee, f.c.Role = x.addressee(cls[ci].b)
				found = append(found, f)
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].pos < found[j].pos })
	for _, f := range restated(found) {
		x.add(f.c, f.basis)
	}
}

// periodsIn is how many periods of a cadence a year has, for the cadences
// whose yearly total a plan restates (每月1次，全年不少于12次); 0 for others.
func periodsIn(c model.Cadence) int {
	switch c {
	case model.Month:
		return 12
	case model.Quarter:
		return 4
	case model.Half:
		return 2
	}
	return 0
}

// restated makes one duty of a sentence's two counts of it, a cadence and
// a yearly total (每月组织科室干部开展1次政治理论学习，全年不少于12次): the
// ledger holds one duty of a title, and the sentence means one. The basis
// covers both. When the total is what the cadence comes to, or less, the
// cadence is the stricter reading and stays; when it is more (每月1次，全年
// 不少于15次), the cadence alone would let the year end short, so the total
// stays. The reading left out is kept in Also, for the review to say.
func restated(fs []found) []found {
	out := fs[:0:0]
	gone := make([]bool, len(fs))
	for i := range fs {
		if gone[i] {
			continue
		}
		f := fs[i]
		for j := i + 1; j < len(fs); j++ {
			g := fs[j]
			if gone[j] || g.c.Title != f.c.Title {
				continue
			}
			fine, total := f, g
			if fine.c.Cadence == model.Year {
				fine, total = g, f
			}
			n := periodsIn(fine.c.Cadence)
			if total.c.Cadence != model.Year || n == 0 {
				continue
			}
			keep, drop := fine, total
			if total.c.Min > fine.c.Min*n {
				keep, drop = total, fine
			}
			keep.pos = min(f.pos, g.pos)
			keep.basis = span{min(f.basis.a, g.basis.a), max(f.basis.b, g.basis.b)}
			if total.c.Min != fine.c.Min*n {
				keep.c.Also = model.Target{Cadence: drop.c.Cadence, Min: drop.c.Min}
			}
			f, gone[j] = keep, true
		}
		out = append(out, f)
	}
	return out
}

// opensInPast reports a sentence that opens on time gone by (去年, 今年以来,
// 2021年 in a plan for 2022): its bare counts are what was done.
func (x *extractor) opensInPast(c *clause) bool {
	s := &scanner{d: x.d, a: c.a, b: c.b}
	if s.first(c.a, "去年", "上年", "上一年", "过去一年", "过去的一年", "近年来", "近年", "今年以来", "年初以来", "一年来") > 0 {
		return true
	}
	if y := s.yearAt(c.a); y > 0 && x.year > 0 && y < x.year {
		return true
	}
	return s.any(c.span, "以来")
}

// partOf reports an anchor whose clause opens with 其中 (of which): its
// count is a part of a total stated before it.
func (x *extractor) partOf(c *clause, a *anchor) bool {
	s := &scanner{d: x.d, a: c.a, b: c.b}
	return a.segA == c.a && s.at(c.a, "其中")
}

// found is a candidate with its position, to keep the text's order, and
// the span of its basis, made into a string only once it is kept.
type found struct {
	c     Candidate
	pos   int
	basis span
}

// anchors lists the counts of a clause with the words that belong to each.
// Between two counts the words split at the first 、 (…不少于1次、对全体…),
// else where the second count's own cadence or requirement begins (每月开展
// 1次学法每季度开展1次党课), else right before it.
func (x *extractor) anchors(c *clause) []anchor {
	var as []anchor
	from := 0 // first token after the previous count
	for i, t := range c.toks {
		if t.kind != kCount || t.bad || t.slogan {
			continue
		}
		a := anchor{t: t, ti: i, segA: c.a, tailB: c.b}
		if n := len(as); n > 0 {
			prev := &as[n-1]
			a.segA = x.split(c.toks[from:i], prev.t.b, t.a)
		}
		as = append(as, a)
		from = i + 1
	}
	// Each anchor sees only the tokens between its neighbours, so a clause
	// of many counts costs time linear in its length.
	for k := range as {
		a := &as[k]
		lo, hi := 0, len(c.toks)
		if k > 0 {
			lo = as[k-1].ti + 1
			as[k-1].tailB = a.segA
		}
		if k+1 < len(as) {
			hi = as[k+1].ti
		}
		a.toks = c.toks[lo:hi]
	}
	// gather what each anchor's own words say
	for k := range as {
		a := &as[k]
		var before *token
		lo := 0
		if k > 0 {
			lo = as[k-1].ti + 1
		}
		for i := lo; i < a.ti; i++ {
			t := &c.toks[i]
			if t.a < a.segA {
				continue
			}
			switch t.kind {
			case kReq:
				a.req = true
			case kMax:
				a.max = true
			case kPast:
				a.past = true
			case kPerItem:
				a.per = true
			}
			before = t
		}
		if before != nil && before.b == a.t.a && (before.kind == kEach || before.kind == kReq) {
			a.each = before.kind == kEach
			if before.kind == kReq {
				// 各不少于1次: the 各 sits before the requirement
				for i := lo; i < a.ti; i++ {
					if t := c.toks[i]; t.kind == kEach && t.b == before.a {
						a.each = true
					}
				}
			}
		}
	}
	return as
}

// split finds where the words of a count starting at to begin, given that
// the previous count ends at from and toks lie between them.
func (x *extractor) split(toks []token, from, to int) int {
	for i := from; i < to; i++ {
		if x.d.norm[i] == '、' && !x.d.inner[i] {
			return i + 1
		}
	}
	for _, t := range toks {
		if t.a >= from && t.b <= to && t.kind != kNumber && t.kind != kPast {
			return t.a
		}
	}
	for i := from; i < to; i++ {
		switch x.d.norm[i] {
		case '和', '及', '并':
			if !x.d.inner[i] {
				return i + 1
			}
		}
	}
	return to
}

// accept decides whether a count states a requirement.
func (x *extractor) accept(a *anchor, m mode, pastSeen *bool) bool {
	t := a.t
	if a.max || a.per || a.cad != nil && a.cad.never {
		return false // 每日1次, 每两年1次: no cadence states it
	}
	if a.past && !a.req {
		*pastSeen = true
		return false
	}
	strongCad := a.cad != nil && !a.cad.weak
	if m == modeReport {
		// In a report a practice kept at a repeating cadence is a duty
		// (坚持每月开展1次学法); a bare count is history, and so is every
		// count after it in the sentence (…报告2次（年中、年终各1次）).
		if !strongCad || *pastSeen && !a.req {
			*pastSeen = true
			return false
		}
	} else if *pastSeen && !a.req && !(strongCad && a.ownCad) {
		return false
	}
	if !t.strong {
		// 个 条 场 篇 count only in context: slogans use them too (两个维护)
		postPositioned := !x.d.meaningful(a.obj)
		context := a.req || a.each || t.post || (a.cad != nil && a.ownCad)
		if t.han && !context && !postPositioned {
			return false
		}
		// 建成3个示范点 is a target, not a frequency: things need context
		if t.thing && !context {
			return false
		}
	}
	return true
}

// candidate builds the Candidate for an accepted anchor.
func (x *extractor) candidate(title string, a *anchor, basis span) found {
	c := Candidate{Title: title, Cadence: model.Year, Min: a.t.val}
	if a.cad != nil {
		c.Cadence = a.cad.cad
		c.Min = a.t.val * max(a.cad.mult, 1)
	}
	c.Line = int(x.d.line[basis.a])
	c.Addressee, c.Role = x.addressee(a.t.a)
	return found{c, a.t.a, x.window(basis, span{a.segA, a.tailB})}
}

// add cleans a candidate and keeps it unless the same duty came before.
func (x *extractor) add(c Candidate, basis span) {
	c.Title = clip(model.CleanLine(c.Title), model.MaxTitle)
	if c.Title == "" || c.Min < 1 || c.Min > model.MaxMin {
		return
	}
	key := c.Title + "\x00" + string(c.Cadence) + "\x00" + itoa(c.Min)
	if x.seen[key] {
		return
	}
	x.seen[key] = true
	c.Category = categoryOf(c.Title, x.d.table)
	c.Basis = model.CleanLine(string(x.d.orig[basis.a:basis.b]))
	if c.Category == model.Talk && c.Cadence != model.Week {
		c.Title, c.Each = perPerson(c.Title, c.Basis)
	}
	c.Addressee = model.CleanLine(c.Addressee)
	x.out = append(x.out, c)
}

// maxBasis keeps a basis readable; a clause longer than this is not prose.
const maxBasis = 300

// window is the basis: the whole clause, or when the clause is longer than
// maxBasis, the duty's own words and what is around them.
func (x *extractor) window(clause, own span) span {
	if clause.b-clause.a <= maxBasis {
		return clause
	}
	a := max(clause.a, own.a-maxBasis/3)
	return span{a, min(clause.b, a+maxBasis)}
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return model.CleanLine(string(rs[:n]))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// skipItemNumber returns where a clause's words start after a list number
// (1. （一） 一是 第三条 ①).
func (s *scanner) skipItemNumber() int {
	i := s.a
	if r := s.r(i); r >= '①' && r <= '⑳' {
		return i + 1
	}
	if s.r(i) == '第' {
		j := i + 1
		for isDigit(s.r(j)) || isHanDigit(s.r(j)) {
			j++
		}
		if j > i+1 && (s.r(j) == '条' || s.r(j) == '章' || s.r(j) == '节' || s.r(j) == '部' && s.at(j, "部分")) {
			j += s.first(j, "部分", "条", "章", "节")
			return j
		}
		return i
	}
	open := s.r(i) == '（' || s.r(i) == '('
	j := i
	if open {
		j++
	}
	k := j
	for isDigit(s.r(k)) || isHanDigit(s.r(k)) {
		k++
	}
	if k == j || k-j > 3 {
		return i
	}
	switch r := s.r(k); {
	case open && (r == '）' || r == ')'):
		return k + 1
	case !open && (r == '.' || r == '．') && isDigit(s.r(j)) && isDigit(s.r(k+1)):
		// 1.1 and 2.1.1: an outline's number, each level after a dot
		m := k
		for (s.r(m) == '.' || s.r(m) == '．') && isDigit(s.r(m+1)) {
			for m++; isDigit(s.r(m)); m++ {
			}
		}
		switch s.r(m) {
		case '.', '．', '、':
			m++
		}
		return m
	case !open && (r == '、' || r == '.' || r == '．'):
		return k + 1
	case !open && (r == '）' || r == ')') && isDigit(s.r(j)):
		return k + 1 // 3) and 3）, a list number with only its closing bracket
	case !open && r == '是' && k-j == 1 && isHanDigit(s.r(j)):
		return k + 1
	}
	return i
}

// cadMult is the multiplier of a cadence token, 1 without one.
func cadMult(t *token) int {
	if t == nil {
		return 1
	}
	return t.mult
}
