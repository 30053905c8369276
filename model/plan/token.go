package plan

import (
	"strings"

	"taizhang/model"
)

// kind is what a token is. Runes that are none of these are plain text.
type kind uint8

const (
	kCount   kind = iota + 1 // a numeral with a measure word that counts events: 1次, 两场, 3篇
	kCadence                 // 每月, 每半年, 按季度, 年中和年终, 全年
	kReq                     // 不少于, 至少, 不低于, 不得少于
	kMax                     // 最多, 不超过: an upper bound is not a duty
	kPast                    // 累计, 共计, 先后, 已, V了: a count of what was done
	kEach                    // 各, 分别: one count for each item of a list
	kPerItem                 // 每次, 每场: a rule about each occurrence, not a frequency
	kYearEnd                 // 年终, 年底, 年末
	kNumber                  // any other number (30分钟, 1名, 100%); only its presence matters
)

// token is one word the grammar knows, at runes [a, b) of the doc.
type token struct {
	kind kind
	a, b int

	// kCount
	val    int  // the count, the lower end of a range
	strong bool // 次, 人次, 场次 always count; 个, 条, 场, 篇 only in context
	thing  bool // 个, 条, 份 count things (3个示范点), so they need a requirement or a cadence
	han    bool // written in Chinese numerals (slogans use them: 两个维护)
	post   bool // followed by 以上: inclusive, as 不少于
	bad    bool // an ordinal or an adverb in disguise (九次全会, 一次性)
	ord    bool // kNumber: an ordinal (第一个月, 第三条), which measures nothing
	slogan bool // a measure word followed by another numeral: 四个一

	// kCadence, and a count's own "/月"
	cad    model.Cadence
	mult   int  // the minimum is multiplied by this: 每半月1次 is 2 a month
	weak   bool // 全年, 年内: the plan's own year, not a repeating period
	pair   bool // 年中和年终: two points in the year, hence half-yearly
	never  bool // 每日, 每两年: a period no cadence states, so its counts are no duty
	hasCad bool // kCount: carries a cadence such as 1次/月
}

// scanner tokenises the runes of one clause.
type scanner struct {
	d    *doc
	a, b int // the clause
}

// at reports whether the folded text at i spells w, inside the clause.
func (s *scanner) at(i int, w string) bool {
	if i < s.a {
		return false
	}
	for _, r := range w {
		if i >= s.b || s.d.norm[i] != r {
			return false
		}
		i++
	}
	return true
}

// first returns the length in runes of the first word of ws found at i, or 0.
func (s *scanner) first(i int, ws ...string) int {
	for _, w := range ws {
		if s.at(i, w) {
			return runeLen(w)
		}
	}
	return 0
}

func runeLen(w string) int {
	n := 0
	for range w {
		n++
	}
	return n
}

func (s *scanner) r(i int) rune {
	if i < s.a || i >= s.b {
		return 0
	}
	return s.d.norm[i]
}

// tokens returns the clause's tokens in order. Each position is looked at a
// bounded number of times, so the cost is linear in the clause.
func (s *scanner) tokens() []token {
	var out []token
	for i := s.a; i < s.b; {
		if s.d.quoted[i] {
			i++
			continue
		}
		if t, ok := s.word(i); ok {
			out = append(out, t)
			i = t.b
			continue
		}
		if t, ok := s.count(i); ok {
			out = append(out, t)
			i = t.b
			continue
		}
		i++
	}
	return out
}

// word reads a cadence, requirement, bound, past, distributive or
// per-occurrence word at i.
func (s *scanner) word(i int) (token, bool) {
	r := s.r(i)
	switch r {
	case '每':
		if t, ok := s.every(i); ok {
			return t, true
		}
		if n := s.first(i+1, "人次", "次", "场", "篇", "期", "轮", "堂", "课", "批"); n > 0 {
			return token{kind: kPerItem, a: i, b: i + 1 + n}, true
		}
	case '按':
		if n, c := s.period(i + 1); n > 0 {
			return s.withSuffix(token{kind: kCadence, a: i, b: i + 1 + n, cad: c, mult: 1}), true
		}
		if s.at(i+1, "年度") {
			return token{kind: kCadence, a: i, b: i + 3, cad: model.Year, mult: 1}, true
		}
	case '逐':
		if s.at(i+1, "月") {
			return token{kind: kCadence, a: i, b: i + 2, cad: model.Month, mult: 1}, true
		}
		if n := s.first(i+1, "季度", "季"); n > 0 {
			return token{kind: kCadence, a: i, b: i + 1 + n, cad: model.Quarter, mult: 1}, true
		}
	case '全':
		if n := s.first(i, "全年度", "全年"); n > 0 {
			return token{kind: kCadence, a: i, b: i + n, cad: model.Year, mult: 1, weak: true}, true
		}
	case '年', '上':
		if t, ok := s.pairAt(i); ok {
			return t, true
		}
		if n := s.first(i, "年度内", "年内"); n > 0 {
			return token{kind: kCadence, a: i, b: i + n, cad: model.Year, mult: 1, weak: true}, true
		}
		if n := s.first(i, "年终", "年底", "年末"); n > 0 {
			n += s.first(i+n, "前")
			return token{kind: kYearEnd, a: i, b: i + n}, true
		}
	case '半', '一', '两', '兩', '二', '三', '四', '六', '十', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return s.onceEvery(i)
	case '不':
		if n := s.first(i, "不少于", "不低于", "不得少于", "不得低于", "不应少于", "不应低于", "不能少于",
			"不宜少于", "不小于", "不少过"); n > 0 {
			return token{kind: kReq, a: i, b: i + n}, true
		}
		if n := s.first(i, "不超过", "不多于", "不得超过", "不得多于", "不高于", "不宜超过"); n > 0 {
			return token{kind: kMax, a: i, b: i + n}, true
		}
	case '至':
		if s.at(i, "至少") {
			return token{kind: kReq, a: i, b: i + 2}, true
		}
		if s.at(i, "至多") {
			return token{kind: kMax, a: i, b: i + 2}, true
		}
	case '最':
		if n := s.first(i, "最少", "最低"); n > 0 {
			return token{kind: kReq, a: i, b: i + n}, true
		}
		if n := s.first(i, "最多", "最高"); n > 0 {
			return token{kind: kMax, a: i, b: i + n}, true
		}
	case '起':
		if s.at(i, "起码") {
			return token{kind: kReq, a: i, b: i + 2}, true
		}
	case '各':
		// 各1次, 各不少于1次, and with a verb between: 各讲1次, 各召开1次
		if s.numberOrReqAt(i+1) || s.numberOrReqAt(i+1+s.first(i+1, "召开", "开展", "组织", "举办", "报告", "进行", "讲", "上", "作", "做")) {
			return token{kind: kEach, a: i, b: i + 1}, true
		}
	case '分':
		if s.at(i, "分别") {
			return token{kind: kEach, a: i, b: i + 2}, true
		}
	case '累', '共', '合', '总', '先', '已', '截', '同', '比', '较':
		if n := s.past(i); n > 0 {
			return token{kind: kPast, a: i, b: i + n}, true
		}
	case '了':
		if s.aspect(i) {
			return token{kind: kPast, a: i, b: i + 1}, true
		}
	}
	return token{}, false
}

// every reads 每 + [一] + [N | 半] + [个] + period: 每周, 每半月, 每两周,
// 每3个月, 每季度, 每半年, 每年度, 每旬, 每学期. A period the five cadences
// cannot state exactly (每两个月) becomes the nearest longer one with a
// multiplied minimum (6 a year); one they cannot state at all (每日, 每两年)
// is marked never, so that its count is not taken for a yearly one.
func (s *scanner) every(i int) (token, bool) {
	j := i + 1
	if s.at(j, "一") && !s.at(j, "一次") {
		j++
	}
	t, ok := s.periodAt(j)
	if !ok {
		return token{}, false
	}
	t.a = i
	if t.never {
		return t, true
	}
	return s.withSuffix(t), true
}

// periodAt reads [N | 半] + [个] + period at j — 两周, 3个月, 半年, 季度 —
// as a cadence token from j.
func (s *scanner) periodAt(j int) (token, bool) {
	start := j
	n, half := 1, false
	if s.at(j, "半") {
		half = true
		j++
	} else if v, _, next, ok := s.number(j); ok && next > j {
		n = v
		j = next
	}
	if s.at(j, "个") {
		j++
	}
	var c model.Cadence
	var w int
	switch {
	case s.at(j, "周") || s.at(j, "星期") || s.at(j, "礼拜"):
		c, w = model.Week, s.first(j, "周", "星期", "礼拜")
	case s.at(j, "月"):
		c, w = model.Month, 1
	case s.at(j, "旬") && n == 1 && !half:
		c, w, n = model.Month, 1, 0 // three in a month
	case s.at(j, "季度") || s.at(j, "季"):
		c, w = model.Quarter, s.first(j, "季度", "季")
	case s.at(j, "学期") && n == 1 && !half:
		c, w, half = model.Year, 2, true // a school term: two a year
	case s.at(j, "年度") || s.at(j, "年"):
		c, w = model.Year, s.first(j, "年度", "年")
	case s.at(j, "日") || s.at(j, "天") || s.at(j, "工作日"):
		w := s.first(j, "日", "天", "工作日")
		return token{kind: kCadence, a: start, b: j + w, never: true}, true
	default:
		return token{}, false
	}
	if n == 0 {
		return token{kind: kCadence, a: start, b: j + w, cad: model.Month, mult: 3}, true
	}
	c, mult, ok := scale(c, n, half)
	if !ok {
		return token{kind: kCadence, a: start, b: j + w, never: true}, true
	}
	return token{kind: kCadence, a: start, b: j + w, cad: c, mult: mult}, true
}

// scale turns "every n periods" (or every half period) into a cadence and a
// multiplier for the minimum.
func scale(c model.Cadence, n int, half bool) (model.Cadence, int, bool) {
	switch c {
	case model.Week:
		switch {
		case half:
			return "", 0, false
		case n == 1:
			return model.Week, 1, true
		case n == 2:
			return model.Month, 2, true // every other week: twice a month
		}
	case model.Month:
		switch {
		case half:
			return model.Month, 2, true
		case n == 1:
			return model.Month, 1, true
		case n == 2:
			return model.Year, 6, true
		case n == 3:
			return model.Quarter, 1, true
		case n == 4:
			return model.Year, 3, true
		case n == 6:
			return model.Half, 1, true
		case n == 12:
			return model.Year, 1, true
		}
	case model.Quarter:
		switch {
		case half:
			return "", 0, false
		case n == 1:
			return model.Quarter, 1, true
		case n == 2:
			return model.Half, 1, true
		}
	case model.Year:
		switch {
		case half:
			return model.Half, 1, true
		case n == 1:
			return model.Year, 1, true
		}
	}
	return "", 0, false
}

// period reads a bare period word after 按: 周, 月, 季度, 季, 半年.
func (s *scanner) period(j int) (int, model.Cadence) {
	switch {
	case s.at(j, "周"):
		return 1, model.Week
	case s.at(j, "月"):
		return 1, model.Month
	case s.at(j, "季度"):
		return 2, model.Quarter
	case s.at(j, "季"):
		return 1, model.Quarter
	case s.at(j, "半年"):
		return 2, model.Half
	}
	return 0, ""
}

// withSuffix lets a cadence swallow the time inside its period (每月底前,
// 每季度末), which is part of the cadence and not of the duty's name.
func (s *scanner) withSuffix(t token) token {
	if t.cad == model.Week && t.mult == 1 {
		// 每周一召开: a weekday, unless it is the count itself (每周一次)
		switch s.r(t.b) {
		case '一', '二', '三', '四', '五', '六', '日', '天', '末':
			if s.first(t.b+1, "次", "场", "个", "篇", "条") == 0 {
				t.b++
				t.b += s.first(t.b, "上午", "下午", "晚上", "晚", "下班前", "前")
			}
		}
		return t
	}
	if n := s.first(t.b, "底前", "底", "初", "末", "中旬", "上旬", "下旬"); n > 0 {
		t.b += n
		return t
	}
	t.b = s.dayIn(t.b, t.cad)
	return t
}

// dayIn reads the day a period names after its cadence word, from j:
// 每月5日前, 每月第二个星期五, 每年3月底前, 每季度第一个月10日前. It is part
// of when, not of the duty's name. It returns where the day ends, j when
// there is none.
func (s *scanner) dayIn(j int, c model.Cadence) int {
	k := j
	month := false
	if s.at(k, "第") || s.at(k, "最后") {
		// 第二个星期五, 第一个月, 最后一个月, 最后一周
		next := k + s.first(k, "最后")
		if s.at(k, "第") {
			var ok bool
			_, _, next, ok = s.number(k + 1)
			if !ok || next == k+1 {
				return j
			}
		} else {
			next += s.first(next, "一")
		}
		k = next + s.first(next, "个")
		switch {
		case s.at(k, "月"):
			k, month = k+1, true
		case s.at(k, "星期") || s.at(k, "周"):
			k += s.first(k, "星期", "周")
			if strings.ContainsRune("一二三四五六日天", s.r(k)) && s.r(k) != 0 {
				k++
			}
			return k
		case s.at(k, "工作日"):
			return k + 3
		default:
			return j
		}
	}
	if !month && c != model.Month && c != model.Week {
		// a month of the period: 每年3月, 每半年6月底
		if _, _, next, ok := s.number(k); ok && next > k && s.at(next, "月") {
			k, month = next+1, true
			k += s.first(k, "底前", "底", "初", "末", "中旬", "上旬", "下旬")
		}
	}
	if _, _, next, ok := s.number(k); ok && next > k && s.first(next, "日", "号") > 0 {
		k = next + 1
	}
	if k > j {
		k += s.first(k, "以前", "之前", "前")
	}
	return k
}

// pairAt reads two points of the year joined by a conjunction — 年中和年终,
// 年初、年底, 上半年和下半年, 上下半年 — which make a half-yearly duty.
func (s *scanner) pairAt(i int) (token, bool) {
	if n := s.first(i, "上下半年", "上、下半年"); n > 0 {
		return token{kind: kCadence, a: i, b: i + n, cad: model.Half, mult: 1, pair: true}, true
	}
	n := s.first(i, "年中", "年初", "上半年")
	if n == 0 {
		return token{}, false
	}
	j := i + n
	j += s.first(j, "以及", "和", "、", "及", "与", "，", ",")
	m := s.first(j, "年终", "年底", "年末", "下半年")
	if m == 0 {
		return token{}, false
	}
	return token{kind: kCadence, a: i, b: j + m, cad: model.Half, mult: 1, pair: true}, true
}

// onceEvery reads a period written before its count without 每: 半年一次,
// 一年两次, 一月一次, 两个月召开一次, 半月一次, and 一年至少开展一次. The
// count must follow, at once or after one light verb; 上半年, 近两个月 and
// 三个月内 are points or spans of time, not periods.
func (s *scanner) onceEvery(i int) (token, bool) {
	if p := s.r(i - 1); p == '上' || p == '下' || p == '每' || p == '前' || p == '后' || p == '近' || p == '第' ||
		isDigit(p) || isHanDigit(p) {
		return token{}, false
	}
	t, ok := s.periodAt(i)
	if !ok {
		return token{}, false
	}
	j := t.b
	if t.cad == model.Year && t.mult == 1 && s.at(j, "内") && s.at(i, "一") {
		return token{kind: kCadence, a: i, b: j + 1, cad: model.Year, mult: 1, weak: true}, true
	}
	v := j + s.first(j, "召开", "开展", "组织", "举办", "举行", "进行", "报送", "报告", "听取", "检查", "督查", "讲")
	if _, _, next, ok := s.number(v); ok && next > v && s.at(next, "次") {
		return t, true
	}
	if s.first(j, "至少", "不少于", "不低于", "最少") > 0 {
		return t, true // 一年至少开展一次
	}
	return token{}, false
}

// numberOrReqAt reports whether a numeral or a requirement word starts at i.
func (s *scanner) numberOrReqAt(i int) bool {
	if _, _, next, ok := s.number(i); ok && next > i {
		return true
	}
	return s.first(i, "不少于", "不低于", "不得少于", "至少") > 0
}

// pastVerbs are the verbs that, after 已 or 共, say something was done.
var pastVerbs = []string{"开展", "组织", "召开", "举办", "举行", "完成", "进行", "参加", "讲", "接待",
	"办理", "受理", "培训", "走访", "谈话", "约谈", "学习", "调研", "检查", "督查", "撰写", "形成",
	"报送", "印发", "编发", "发放", "处理", "查处", "收到", "有", "达", "计", "实现"}

// past reads a marker of completed work: 累计, 共计, 先后, 截至, 同比,
// 已开展, 共32场.
func (s *scanner) past(i int) int {
	if n := s.first(i, "累计", "累积", "共计", "合计", "总计", "先后", "已经", "截至", "截止",
		"同比", "比上年", "比去年", "较上年", "较去年", "共有"); n > 0 {
		return n
	}
	if s.at(i, "已") || s.at(i, "共") {
		if _, _, next, ok := s.number(i + 1); ok && next > i+1 {
			return 1
		}
		if s.first(i+1, pastVerbs...) > 0 {
			return 1
		}
	}
	return 0
}

// aspect reports whether 了 at i marks a completed action (开展了3次), not
// a word that merely contains it (了解, 为了, 除了).
func (s *scanner) aspect(i int) bool {
	switch s.r(i + 1) {
	case '解', '结':
		return false
	}
	switch s.r(i - 1) {
	case '为', '除', '不', '得', '罢', 0:
		return false
	}
	return true
}

// count reads a numeral and what follows it. Only a numeral with an event
// measure word (次, 人次, 场, 篇, 个, 条 …) becomes a kCount; any other
// number (a duration, a share, people, a date) becomes a kNumber, which
// matters only because a clause with a number but no count is not a
// frequency. An ordinal (第三次, 九次全会) or an adverb (一次性) is marked bad.
func (s *scanner) count(i int) (token, bool) {
	if s.r(i) == '第' {
		if _, _, next, ok := s.number(i + 1); ok && next > i+1 {
			j := next + s.first(next, "次", "场", "篇", "个", "条", "轮", "批", "届", "期")
			return token{kind: kNumber, a: i, b: j, ord: true}, true
		}
		return token{}, false
	}
	val, han, j, ok := s.number(i)
	if j <= i {
		return token{}, false
	}
	if !ok {
		return token{kind: kNumber, a: i, b: j}, true
	}
	t := token{kind: kCount, a: i, han: han, val: val}
	if i-2 >= s.a && s.at(i-2, "固定") && s.first(j, "天", "日") > 0 {
		// 每月相对固定1天开展主题党日: one fixed day a period is one occurrence
		t.strong = true
		t.a, t.b = i-2, j+1
		return t, true
	}
	if han && s.first(j, "人次", "场次", "批次", "次", "场", "篇", "个", "条", "份", "轮", "堂", "遍", "期", "家", "户") == 0 {
		// Chinese numerals inside words (一把手, 三重一大, 进一步) are not
		// numbers; only a measure after one makes it a quantity.
		if n := s.first(j, "分钟", "小时", "个小时", "天", "日", "周", "个月", "月", "年", "名", "人", "位",
			"学时", "课时", "成", "倍"); n > 0 {
			return token{kind: kNumber, a: i, b: j + n}, true
		}
		return token{}, false
	}
	switch n := s.first(j, "人次", "场次", "次"); {
	case n > 0:
		t.strong = true
		j += n
		// 九次全会 and 十四届二次会议 are ordinals; 召开2次全体会议 is a count
		if han && t.val == 1 && s.first(j, "办", "到位", "告知", "通过", "成型", "解决") > 0 {
			t.bad = true // 一次办好, 一次告知: once and for all, not a count
		}
		if s.first(j, "性", "全会", "中全会") > 0 ||
			s.first(j, "会议", "全体会议", "党代会", "代表大会") > 0 && s.lookback(i, 8, '届') {
			t.bad = true
		}
	default:
		// 期 counts issues and sessions (简报12期, 培训班3期); 批次
		// counts batches of samples, 家 and 户 the firms and homes
		// visited (走访非公企业不少于30家): things, like 个 and 条.
		n = s.first(j, "批次", "场", "篇", "个", "条", "份", "轮", "堂", "遍", "期", "家", "户")
		if n == 0 {
			return token{kind: kNumber, a: i, b: j}, true
		}
		u := s.d.norm[j]
		t.thing = u == '个' || u == '条' || u == '份' || u == '批' || u == '家' || u == '户'
		j += n
		if s.badAfterMeasure(u, j) {
			return token{kind: kNumber, a: i, b: j}, true
		}
		if _, _, next, ok := s.number(j); ok && next > j {
			t.slogan = true // 四个一, 两个一百年
		}
	}
	if n := s.first(j, "（含）以上", "(含)以上", "及以上", "或以上", "以上（含）", "以上(含)", "以上"); n > 0 {
		t.post = true
		j += n
	}
	if n := s.first(j, "以内", "以下"); n > 0 {
		t.bad = true // an upper bound
		j += n
	}
	if s.r(j) == '/' || s.r(j) == '／' || s.r(j) == '每' {
		if n, c := s.perPeriod(j + 1); n > 0 {
			t.cad, t.mult, t.hasCad = c, 1, true
			j += 1 + n
		}
	}
	t.b = j
	if t.val < 1 || t.val > model.MaxMin {
		t.bad = true
	}
	return t, true
}

// perPeriod reads the period after a slash: 1次/月, 2次/年.
func (s *scanner) perPeriod(j int) (int, model.Cadence) {
	if n, c := s.period(j); n > 0 {
		return n, c
	}
	if s.at(j, "年") {
		return 1, model.Year
	}
	return 0, ""
}

// badAfterMeasure reports the words in which a measure word after a numeral
// does not count events: 3个月 and 2个小时 are durations, 1个人 is a person,
// 5个百分点 a share, 两条例 a misreading, 三期间 a time.
func (s *scanner) badAfterMeasure(u rune, j int) bool {
	switch u {
	case '个':
		return s.first(j, "月", "小时", "钟头", "工作日", "自然日", "交易日", "百分点", "人", "半",
			"季度", "星期", "周", "年", "学时", "课时", "小组", "单位", "部门") > 0
	case '场':
		return s.first(j, "所", "地", "景", "馆", "合") > 0
	case '条':
		return s.first(j, "例", "件", "款", "线") > 0
	case '篇':
		return s.at(j, "章")
	case '份':
		return s.first(j, "额", "子") > 0
	case '期':
		return s.first(j, "间", "限", "满", "末", "初") > 0 // 3期间, 2期满: a time, not sessions
	case '家':
		return s.first(j, "人", "属", "庭", "长") > 0 // 1家人, 家属, 家庭: people
	case '户':
		return s.first(j, "口", "籍", "外", "型") > 0 // 户口, 户外, 户型
	}
	return false
}

// lookback reports whether r occurs in the n runes before i, inside the clause.
func (s *scanner) lookback(i, n int, r rune) bool {
	for j := i - 1; j >= s.a && j >= i-n; j-- {
		if s.d.norm[j] == r {
			return true
		}
	}
	return false
}
