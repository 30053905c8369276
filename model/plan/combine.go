package plan

import (
	"strings"

	"taizhang/model"
)

// A title may join two duties that are counted apart: 参加党组民主生活会和
// 支部组织生活会 is one meeting of each kind, so two duties with the same
// cadence and minimum. The parts are split at 和, 及 and 以及, and, when a
// 各 shares the count among them (听取…、…各1次), at 、 too. A title is split
// only when every part names an event that can be counted: 学习和贯彻…
// is one piece of work, and so is 意识形态和保密工作汇报, whose first part
// is a topic.

// splitCombined returns the titles of the duties a title joins, or the
// title alone.
func (x *extractor) splitCombined(title string, each, pair bool) []string {
	one := []string{title}
	o := []rune(title)
	n := make([]rune, len(o))
	for i, r := range o {
		n[i] = fold(r, x.d.table)
	}
	var cuts [][2]int // separators: where each starts and ends
	depth := 0
	for i := 0; i < len(n); i++ {
		r := n[i]
		switch {
		case closer(r) != 0:
			depth++
		case isCloser(r):
			depth = max(depth-1, 0)
		case depth > 0:
		case hasAt(n, i, "以及"):
			cuts = append(cuts, [2]int{i, i + 2})
			i++
		case r == '和' && !joinedWord(n, i, "和谐", "和平", "和睦", "和解", "总和", "温和", "缓和", "调和", "共和", "附和"),
			r == '及' && !joinedWord(n, i, "及时", "及早", "涉及", "普及", "危及", "波及", "顾及", "触及", "企及", "及格", "及其"):
			cuts = append(cuts, [2]int{i, i + 1})
		case r == '、' && each && !pair:
			cuts = append(cuts, [2]int{i, i + 1})
		}
	}
	if len(cuts) == 0 || len(cuts) > 4 {
		return one
	}
	var parts []words
	from := 0
	for _, c := range cuts {
		parts = append(parts, words{o[from:c[0]], n[from:c[0]]})
		from = c[1]
	}
	parts = append(parts, words{o[from:], n[from:]})
	for _, p := range parts {
		// the event is in the words after a verb: 听取意识形态 names a topic
		obj := p.norm
		for _, v := range listVerbs {
			if hasAt(obj, 0, v) {
				obj = obj[runeLen(v):]
				break
			}
		}
		if len(obj) < 2 || !isEvent(obj) {
			return one
		}
	}
	// a verb opening the first part serves them all: 参加A和B
	verb := words{}
	for _, v := range listVerbs {
		if hasAt(parts[0].norm, 0, v) && len(parts[0].norm) > runeLen(v)+1 {
			k := runeLen(v)
			verb = words{parts[0].orig[:k], parts[0].norm[:k]}
			break
		}
	}
	var out []string
	for i, p := range parts {
		if i > 0 && len(verb.norm) > 0 && !startsVerb(p.norm) {
			p = words{append(append([]rune{}, verb.orig...), p.orig...), append(append([]rune{}, verb.norm...), p.norm...)}
		}
		t := x.d.tidy(p)
		if !x.d.meaningful(t) {
			return one
		}
		out = append(out, t)
	}
	return out
}

// joinedWord reports a word holding the character at i (和谐, 涉及): no
// separator there.
func joinedWord(n []rune, i int, ws ...string) bool {
	for _, w := range ws {
		k := strings.IndexRune(w, n[i])
		if k < 0 {
			continue
		}
		if hasAt(n, i-runeLen(w[:k]), w) {
			return true
		}
	}
	return false
}

// isEvent reports words that name something that happens and is counted:
// an event word in them, or a meeting (…会).
func isEvent(n []rune) bool {
	if n[len(n)-1] == '会' {
		return true
	}
	for i := range n {
		for _, e := range eventWords {
			if hasAt(n, i, e) {
				return true
			}
		}
	}
	return false
}

func startsVerb(n []rune) bool {
	for _, v := range listVerbs {
		if hasAt(n, 0, v) {
			return true
		}
	}
	return false
}

// SplitTitle cuts a title the officer asks to split: at the first 和, 及,
// 以及, 、 or 与 outside quotes and brackets, the verb opening the first
// part serving the second too (参加党组民主生活会和支部组织生活会 gives
// 参加党组民主生活会 and 参加支部组织生活会). ok is false when the title
// holds no such place.
func SplitTitle(title string) (first, second string, ok bool) {
	d := &doc{table: foldMap(), openers: openerWords(), closers: closerWords()}
	o := []rune(model.CleanLine(title))
	n := make([]rune, len(o))
	for i, r := range o {
		n[i] = fold(r, foldMap())
	}
	depth := 0
	for i := 1; i+1 < len(n); i++ {
		r := n[i]
		switch {
		case closer(r) != 0:
			depth++
			continue
		case isCloser(r):
			depth = max(depth-1, 0)
			continue
		case depth > 0:
			continue
		}
		k := 0
		switch {
		case hasAt(n, i, "以及"):
			k = 2
		case r == '和' && !joinedWord(n, i, "和谐", "和平", "和睦", "和解", "总和", "温和", "缓和", "调和", "共和", "附和"),
			r == '及' && !joinedWord(n, i, "及时", "及早", "涉及", "普及", "危及", "波及", "顾及", "触及", "企及", "及格", "及其"),
			r == '、', r == '与' && i > 0:
			k = 1
		}
		if k == 0 || i+k >= len(n) {
			continue
		}
		a := words{o[:i], n[:i]}
		b := words{o[i+k:], n[i+k:]}
		if !startsVerb(b.norm) {
			for _, v := range listVerbs {
				if hasAt(a.norm, 0, v) && len(a.norm) > runeLen(v) {
					m := runeLen(v)
					b = words{append(append([]rune{}, a.orig[:m]...), b.orig...), append(append([]rune{}, a.norm[:m]...), b.norm...)}
					break
				}
			}
		}
		one, two := d.tidy(a), d.tidy(b)
		if d.meaningful(one) && d.meaningful(two) {
			return one, two, true
		}
	}
	return "", "", false
}

// CategoryOf picks a category for a title from its words.
func CategoryOf(title string) model.Category { return categoryOf(title, foldMap()) }
