package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"taizhang/model"
)

// A title is the duty's short name: the words of its clause without the
// subject, the cadence, the count and the requirement, and without the
// openers (并, 要, 认真) and light verbs (开展, 进行) that add nothing to a
// name. 党组主要负责人全年与班子成员提醒谈话不少于1次 gives 与班子成员提醒谈话.

// words holds a title being built: original runes and their folded twins.
type words struct{ orig, norm []rune }

// maxWords bounds the words gathered for one title: a "clause" longer
// than this is not prose, and tidying it must stay cheap.
const maxWords = 400

// gather collects the runes of spans in order, leaving out the tokens
// that are grammar rather than name.
func (x *extractor) gather(toks []token, spans ...span) words {
	var w words
	for _, s := range spans {
		ti := 0
		for i := s.a; i < s.b && len(w.orig) < maxWords; {
			for ti < len(toks) && toks[ti].b <= i {
				ti++
			}
			if ti < len(toks) && toks[ti].a <= i && isGrammar(toks[ti]) {
				i = toks[ti].b
				continue
			}
			w.orig = append(w.orig, x.d.orig[i])
			w.norm = append(w.norm, x.d.norm[i])
			i++
		}
	}
	return w
}

func isGrammar(t token) bool {
	switch t.kind {
	case kCadence, kReq, kMax, kEach, kPast, kPerItem, kYearEnd:
		return true
	case kCount:
		return !t.bad && !t.slogan
	}
	return false
}

// text is the tidy title made from one span.
func (x *extractor) text(s span, toks []token) string {
	return x.d.tidy(x.gather(toks, s))
}

// clauseText is a whole clause as a name, for a count that names nothing
// itself (中心组学习，每年不少于6次).
func (x *extractor) clauseText(c *clause) string {
	for _, t := range c.toks {
		if t.kind == kCadence {
			if s := x.text(span{t.b, c.b}, c.toks); x.d.meaningful(s) {
				return s
			}
		}
	}
	return x.text(c.span, c.toks)
}

// titleOf names the duty of an anchor: the words after its cadence when
// they say something (the words before are the subject: 党组主要负责人全年…),
// else all its words (中心组学习每年不少于6次).
func (x *extractor) titleOf(a *anchor) string {
	pre := span{a.segA, a.t.a}
	cut := -1
	for _, t := range a.toks {
		if t.a >= pre.a && t.b <= pre.b && (t.kind == kCadence || t.kind == kYearEnd) {
			cut = t.b
		}
	}
	if cut >= 0 {
		// A lone verb after the cadence (学习情况每半年报送一次) leaves
		// its object before the cadence: then the words before are the
		// topic, not the subject, and stay.
		if s := x.named(a, span{cut, pre.b}); x.d.meaningful(s) && utf8.RuneCountInString(s) > 2 {
			return s
		}
	}
	return x.named(a, pre)
}

// named joins the words before a count and after it. When the count
// comes before its object (至少1次党规党纪专题学习) the object is the name;
// the words before it are kept when they say with whom or where
// (与分管科室负责人开展1次谈话) or are a short verb (听取1次汇报), and left
// out when they list who organises it (党组理论中心组学习、支部专题组织).
func (x *extractor) named(a *anchor, pre span) string {
	toks, tail, obj := a.toks, span{a.t.b, a.tailB}, a.obj
	if !x.d.meaningful(obj) {
		return x.d.tidy(x.gather(toks, pre, tail))
	}
	w := x.gather(toks, pre)
	head := x.d.tidy(w)
	hr := []rune(head)
	switch {
	case head == "":
		return obj
	case startsAny(w.norm, "与", "对", "向", "同", "为", "给", "到", "赴", "在", "深入"):
		return x.d.tidy(x.gather(toks, pre, tail))
	case strings.ContainsAny(head, "、，") || len(hr) > 6:
		for _, v := range listVerbs {
			if strings.HasSuffix(head, v) && !isLight(v) {
				return v + obj
			}
		}
		return obj
	}
	return x.d.tidy(x.gather(toks, pre, tail))
}

// isLight reports the verbs that add nothing to a duty's name.
func isLight(v string) bool {
	switch v {
	case "开展", "组织", "进行", "举办":
		return true
	}
	return false
}

// distribute splits a list that shares one count through 各 into one duty
// per item: 每半年听取意识形态、保密工作汇报各1次 gives 听取意识形态工作汇报
// and 听取保密工作汇报. The verb of the first item and the head noun of the
// last are shared. A list of subjects (党组书记、班子成员各讲1次党课) or of
// time points (年中和年终…各1次) is not split.
func (x *extractor) distribute(c *clause, a *anchor) []string {
	one := []string{a.title}
	if !a.each || (a.cad != nil && a.cad.pair) || x.d.meaningful(a.obj) {
		return one
	}
	from, to := a.segA, a.t.a
	for _, t := range a.toks {
		if t.a >= from && t.b <= to {
			if t.kind == kCadence || t.kind == kYearEnd {
				from = t.b
			}
			if t.kind == kEach || t.kind == kReq {
				to = min(to, t.a)
			}
		}
	}
	w := x.gather(a.toks, span{from, to})
	items := splitList(w)
	if len(items) < 2 {
		return one
	}
	verb := -1
	first := items[0]
	for i := len(first.norm) - 1; i >= 0 && verb < 0; i-- {
		for _, v := range listVerbs {
			if hasAt(first.norm, i, v) && i+runeLen(v) < len(first.norm) {
				verb = i + runeLen(v)
				break
			}
		}
	}
	if verb < 0 {
		return one
	}
	prefix := words{first.orig[:verb], first.norm[:verb]}
	items[0] = words{first.orig[verb:], first.norm[verb:]}
	last := items[len(items)-1]
	var head words
	for _, h := range listHeads {
		n := runeLen(h)
		if len(last.norm) > n && hasAt(last.norm, len(last.norm)-n, h) {
			head = words{last.orig[len(last.orig)-n:], last.norm[len(last.norm)-n:]}
			break
		}
	}
	var out []string
	for _, it := range items {
		t := words{append(append([]rune{}, prefix.orig...), it.orig...), append(append([]rune{}, prefix.norm...), it.norm...)}
		if len(head.norm) > 0 && !hasAt(it.norm, len(it.norm)-len(head.norm), string(head.norm)) {
			t.orig = append(t.orig, head.orig...)
			t.norm = append(t.norm, head.norm...)
		}
		if s := x.d.tidy(t); x.d.meaningful(s) {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		return one
	}
	return out
}

// listVerbs open the object of a shared list.
var listVerbs = []string{"专题研究", "听取", "研究", "报告", "汇报", "召开", "开展", "组织", "举办", "参加",
	"讲授", "讲", "学习", "部署", "分析", "研判", "检查", "督查", "约谈", "调研", "讨论"}

// listHeads are the nouns a list's last item shares with the others.
var listHeads = []string{"工作汇报", "情况汇报", "专题汇报", "工作报告", "情况报告", "专题报告", "汇报", "报告",
	"专题会议", "会议", "工作会", "专题学习", "学习", "教育", "工作情况", "情况", "工作", "谈话"}

// splitList cuts w at the 、 that are not inside quotes or brackets; with
// none, at 和 or 及.
func splitList(w words) []words {
	cut := func(sep func(rune) bool) []words {
		var out []words
		start := 0
		depth := 0
		for i, r := range w.norm {
			switch {
			case closer(r) != 0:
				depth++
			case isCloser(r):
				depth = max(depth-1, 0)
			case depth == 0 && sep(r):
				out = append(out, words{w.orig[start:i], w.norm[start:i]})
				start = i + 1
			}
		}
		return append(out, words{w.orig[start:], w.norm[start:]})
	}
	items := cut(func(r rune) bool { return r == '、' })
	if len(items) < 2 {
		items = cut(func(r rune) bool { return r == '和' || r == '及' })
	}
	return items
}

func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '》', '〉', '）', ')', '】', '〕', ']':
		return true
	}
	return false
}

func hasAt(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// openers are words that start a clause without naming anything: links,
// modal verbs, manner adverbs and light verbs. Longest first where one is
// the start of another.
var openers = []string{
	"与此同时", "其中", "相对", "每人", "每位", "每名", "上半年", "下半年", "年初", "年内", "并且", "同时", "另外", "此外", "而且", "以及", "还要", "也要", "首先", "其次", "最后", "再次",
	"要求", "确保", "力争", "坚持", "保证", "做到", "应当", "应该", "必须", "需要", "须要", "原则上", "一般情况下",
	"一般", "通常", "认真", "积极", "切实", "按时", "及时", "定期", "按期", "按照要求", "主动", "带头",
	"亲自", "深入", "扎实", "精心", "持续", "严格", "组织开展", "开展", "进行", "均要", "均应", "都要",
	"并", "且", "及", "和", "、", "，", "：", "；", "的",
}

// subjectEnds end the noun phrases that name who does a duty.
var subjectEnds = []string{"负责人", "书记", "成员", "班子", "干部", "党员", "党组", "党委", "支部", "科室",
	"科长", "局长", "主任", "领导", "一把手", "本人", "机关", "单位", "部门", "同志", "人员", "职工"}

// closers end a title without adding to it.
var closers = []string{"次数", "频次", "的", "等", "、", "和", "及", "与", "并", "或", "进行", "：", "，",
	"召开", "举行", "举办", "开展", "组织",
	// adverbs left before a cadence: 党组会议原则上每月召开一次
	"原则上", "一般情况下", "一般", "均应", "均要", "均须", "必须", "应当"}

// tidy turns gathered words into a title.
func (d *doc) tidy(w words) string {
	o, n := w.orig, w.norm
	for changed := true; changed && len(n) > 0; {
		changed = false
		k := itemNumber(n)
		if k == 0 {
			if k = d.openers.prefix(n); k == len(n) {
				k = 0 // an opener alone is the whole title: keep it
			}
		}
		if k == 0 && hasAt(n, 0, "组织") && startsAny(n[2:], "开展", "到", "干部", "党员", "全体", "召开", "参加", "观看", "收看", "集中") {
			k = 2
		}
		if k == 0 {
			k = subject(n)
		}
		if k > 0 {
			o, n, changed = o[k:], n[k:], true
		}
	}
	for {
		k := d.closers.suffix(n)
		if k == 0 || k == len(n) {
			break
		}
		o, n = o[:len(o)-k], n[:len(n)-k]
	}
	// 进行 only ever carries the verb that follows it
	for i := 0; i+1 < len(n); i++ {
		if n[i] == '进' && n[i+1] == '行' && i > 0 && i+2 < len(n) {
			o = append(o[:i:i], o[i+2:]...)
			n = append(n[:i:i], n[i+2:]...)
			break
		}
	}
	return model.CleanLine(string(balance(o, n)))
}

func startsAny(rs []rune, ws ...string) bool {
	for _, w := range ws {
		if hasAt(rs, 0, w) {
			return true
		}
	}
	return false
}

// itemNumber returns the length of a list number opening rs, or 0.
func itemNumber(rs []rune) int {
	s := &scanner{d: &doc{norm: rs}, a: 0, b: len(rs)}
	return s.skipItemNumber()
}

// subject returns the length of a subject and the link after it
// (班子成员向…, 党组书记要…), or 0 when the title does not open with one.
func subject(n []rune) int {
	for p := 2; p < len(n) && p <= 14; p++ {
		link := 0
		switch n[p] {
		case '与', '对', '向', '同', '为', '给', '跟', '赴', '到':
		default:
			switch {
			case hasAt(n, p, "应当"), hasAt(n, p, "必须"), hasAt(n, p, "需要"):
				link = 2
			case n[p] == '要' && !hasAt(n, p, "要求") && !hasAt(n, p, "要点"):
				link = 1
			default:
				continue
			}
		}
		for _, e := range subjectEnds {
			if k := runeLen(e); p >= k && hasAt(n, p-k, e) {
				return p + link
			}
		}
	}
	return 0
}

// balance drops the quote and bracket marks left without their partner
// when the words around them were cut, and brackets left empty.
func balance(o, n []rune) []rune {
	keep := make([]bool, len(n))
	var stack []int
	for i, r := range n {
		switch {
		case closer(r) != 0:
			stack = append(stack, i)
		case isCloser(r):
			if k := len(stack) - 1; k >= 0 && closer(n[stack[k]]) == r {
				keep[stack[k]], keep[i] = true, true
				if stack[k] == i-1 {
					keep[stack[k]], keep[i] = false, false // （）
				}
				stack = stack[:k]
			}
		default:
			keep[i] = true
		}
	}
	out := make([]rune, 0, len(o))
	for i, r := range o {
		if keep[i] {
			out = append(out, r)
		}
	}
	return out
}

// meaningful reports whether a title names something: two letters at
// least, and more than a bare verb.
func (d *doc) meaningful(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	if n < 2 {
		return false
	}
	if n > 4 {
		return true // longer than any bare verb below
	}
	var f strings.Builder
	for _, r := range s {
		f.WriteRune(fold(r, d.table))
	}
	switch f.String() {
	case "召开", "开展", "举办", "举行", "进行", "组织", "参加", "完成", "落实", "安排", "实施", "执行",
		"工作", "活动", "开展活动", "组织开展", "上报", "提交", "一次", "要求":
		return false
	}
	return true
}

// categoryOf picks a category from the words of a title. The order
// settles overlaps: 警示教育 before 学习, 党课 before 会, 会前学法 is study,
// 听取汇报 a meeting, 向党组报告 a report.
func categoryOf(title string, table map[rune]rune) model.Category {
	var b strings.Builder
	for _, r := range title {
		b.WriteRune(fold(r, table))
	}
	t := b.String()
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("警示教育", "廉政教育基地"):
		return model.Education
	case has("党课"):
		return model.Lesson
	case has("谈话", "谈心", "约谈"):
		return model.Talk
	case has("调研", "调查研究"):
		return model.Research
	case has("学习", "学法", "讲座", "培训", "研讨"):
		return model.Study
	case has("听取"):
		return model.Meeting
	case has("报告", "述职", "述法", "述责", "述廉"):
		return model.Report
	case has("会", "研究", "讨论", "党日"):
		return model.Meeting
	}
	return model.Other
}
