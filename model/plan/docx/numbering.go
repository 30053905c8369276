package docx

import (
	"strconv"
	"strings"
)

// numRef is the numbering a paragraph asks for: a list instance and a level.
type numRef struct {
	numID    string
	ilvl     int
	hasNum   bool // numId was given (numId 0 means "no numbering")
	hasLevel bool
}

// merge fills what r leaves open from a style's numbering.
func (r numRef) merge(s numRef) numRef {
	if !r.hasNum && s.hasNum {
		r.numID, r.hasNum = s.numID, true
	}
	if !r.hasLevel && s.hasLevel {
		r.ilvl, r.hasLevel = s.ilvl, true
	}
	return r
}

// styles holds what the reader needs of the paragraph styles: the
// numbering a style (or the style it is based on) gives its paragraphs.
type styles struct {
	byID  map[string]style
	deflt string // the default paragraph style
}

type style struct {
	basedOn string
	num     numRef
}

func newStyles() *styles { return &styles{byID: map[string]style{}} }

func (s *styles) parse(data []byte) {
	x := newXML(data)
	var id string
	var cur style
	in := false
	var skip skipper // inside an element whose contents do not count
	for {
		t, err := x.next()
		if err != nil {
			return
		}
		if skip.over(t) {
			continue
		}
		switch {
		case t.kind == startTag && t.local == "style" && t.w:
			in, id, cur = t.attr("type") == "paragraph" || t.attr("type") == "numbering" || t.attr("type") == "", t.attr("styleId"), style{}
			if in && t.attr("default") == "1" || in && strings.EqualFold(t.attr("default"), "true") {
				s.deflt = id
			}
		case t.kind == endTag && t.local == "style" && t.w:
			if in && id != "" {
				s.byID[id] = cur
			}
			in = false
		case !in || !t.w || t.kind != startTag:
		case t.local == "pPrChange" || t.local == "rPr":
			skip.start()
		case t.local == "basedOn":
			cur.basedOn = t.val()
		case t.local == "numId":
			cur.num.numID, cur.num.hasNum = t.val(), true
		case t.local == "ilvl":
			if n, err := strconv.Atoi(t.val()); err == nil {
				cur.num.ilvl, cur.num.hasLevel = n, true
			}
		}
	}
}

// numOf is the numbering a paragraph of style id gets from its styles.
func (s *styles) numOf(id string) numRef {
	if id == "" {
		id = s.deflt
	}
	var r numRef
	for hops := 0; id != "" && hops < 16; hops++ {
		st, ok := s.byID[id]
		if !ok {
			break
		}
		r = r.merge(st.num)
		id = st.basedOn
	}
	return r
}

// level is one level of a list: how its number is counted and drawn.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText, with %1…%9 for the levels' numbers
	restart int    // w:lvlRestart: restart after a use of a level above this (1-based); -1 when not given
	legal   bool   // w:isLgl: every number in decimal
	suffix  string // w:suff: tab, space or nothing
	defined bool
}

// abstractNum is a list definition, shared by the list instances made from it.
type abstractNum struct {
	levels    [9]level
	styleLink string // w:numStyleLink: the definition is that numbering style's
}

// num is a list instance: a definition and its overrides.
type num struct {
	abstract  string
	overrides map[int]override
}

type override struct {
	start    int
	hasStart bool
	lvl      level // a level redefined in full, when defined
}

// numbering holds the definitions and counts the numbers as paragraphs
// use them. Counts belong to a definition, so list instances of the same
// definition continue one another, as in Word; an instance that overrides
// a level's start restarts that level the first time it is used.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	st        *styles
	counts    map[string]*counter // by definition
	used      map[string]bool     // instances whose overrides were applied
}

func newNumbering(st *styles) *numbering {
	return &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*num{}, st: st,
		counts: map[string]*counter{}, used: map[string]bool{}}
}

// parse reads numbering.xml.
func (nb *numbering) parse(data []byte) {
	x := newXML(data)
	var abs *abstractNum
	var cur *num
	var lv *level    // the level being read
	var ov *override // the override being read
	var ovLevel = -1 // its level
	var skip skipper
	for {
		t, err := x.next()
		if err != nil {
			return
		}
		if skip.over(t) {
			continue
		}
		if !t.w {
			continue
		}
		if t.kind == endTag {
			switch t.local {
			case "abstractNum":
				abs = nil
			case "num":
				cur = nil
			case "lvl":
				lv = nil
			case "lvlOverride":
				if cur != nil && ov != nil && ovLevel >= 0 {
					cur.overrides[ovLevel] = *ov
				}
				ov, ovLevel = nil, -1
			}
			continue
		}
		if t.kind != startTag {
			continue
		}
		switch t.local {
		case "abstractNum":
			abs = &abstractNum{}
			for i := range abs.levels {
				abs.levels[i] = defaultLevel(i)
			}
			nb.abstracts[t.attr("abstractNumId")] = abs
		case "num":
			cur = &num{overrides: map[int]override{}}
			nb.nums[t.attr("numId")] = cur
		case "abstractNumId":
			if cur != nil {
				cur.abstract = t.val()
			}
		case "numStyleLink":
			if abs != nil {
				abs.styleLink = t.val()
			}
		case "lvlOverride":
			if cur != nil {
				ov, ovLevel = &override{}, ilvlOf(t)
			}
		case "startOverride":
			if ov != nil {
				if n, err := strconv.Atoi(t.val()); err == nil {
					ov.start, ov.hasStart = n, true
				}
			}
		case "lvl":
			i := ilvlOf(t)
			switch {
			case i < 0:
				skip.start()
			case ov != nil:
				ov.lvl = defaultLevel(i)
				ov.lvl.defined = true
				lv = &ov.lvl
			case abs != nil:
				abs.levels[i].defined = true
				lv = &abs.levels[i]
			default:
				skip.start()
			}
		case "rPr", "pPr", "lvlPicBulletId", "legacy":
			skip.start()
		}
		if lv == nil {
			continue
		}
		switch t.local {
		case "start":
			if n, err := strconv.Atoi(t.val()); err == nil {
				lv.start = n
			}
		case "numFmt":
			lv.format = t.val()
		case "lvlText":
			lv.text = t.val()
		case "lvlRestart":
			if n, err := strconv.Atoi(t.val()); err == nil {
				lv.restart = n
			}
		case "isLgl":
			lv.legal = t.on()
		case "suff":
			lv.suffix = t.val()
		}
	}
}

func ilvlOf(t tok) int {
	n, err := strconv.Atoi(t.attr("ilvl"))
	if err != nil || n < 0 || n > 8 {
		return -1
	}
	return n
}

// defaultLevel is what a level is when the file does not say: decimal,
// counted from 1, "1." drawn.
func defaultLevel(i int) level {
	return level{start: 1, format: "decimal", text: "%" + strconv.Itoa(i+1) + ".", restart: -1}
}

// resolve finds the definition behind a list instance, following a link
// to a numbering style once.
func (nb *numbering) resolve(numID string) (string, *abstractNum) {
	for hops := 0; hops < 4; hops++ {
		n, ok := nb.nums[numID]
		if !ok {
			return "", nil
		}
		a, ok := nb.abstracts[n.abstract]
		if !ok {
			return "", nil
		}
		if a.styleLink == "" {
			return n.abstract, a
		}
		r := nb.st.numOf(a.styleLink)
		if !r.hasNum || r.numID == numID {
			return n.abstract, a
		}
		numID = r.numID
	}
	return "", nil
}

// label counts one numbered paragraph and returns the text Word draws
// before it, with the separator that follows ("" when none).
func (nb *numbering) label(r numRef) string {
	if !r.hasNum || r.numID == "0" || r.numID == "" || r.ilvl < 0 || r.ilvl > 8 {
		return ""
	}
	n := nb.nums[r.numID]
	absID, a := nb.resolve(r.numID)
	if n == nil || a == nil {
		return ""
	}
	levels := a.levels
	for i, o := range n.overrides {
		if o.lvl.defined {
			levels[i] = o.lvl
		}
	}
	c := nb.counts[absID]
	if c == nil {
		c = &counter{}
		nb.counts[absID] = c
	}
	if !nb.used[r.numID] {
		// a restarted list: the overridden levels begin again
		nb.used[r.numID] = true
		for i, o := range n.overrides {
			if o.hasStart {
				c.val[i], c.on[i] = o.start-1, true
			}
		}
	}
	L := r.ilvl
	if c.on[L] {
		c.val[L]++
	} else {
		c.val[L], c.on[L] = levels[L].start, true
	}
	for k := L + 1; k < 9; k++ {
		rs := levels[k].restart
		if rs < 0 {
			rs = k
		}
		if rs != 0 && L <= rs-1 {
			c.on[k] = false
		}
	}
	lv := levels[L]
	if lv.format == "bullet" {
		return "" // a bullet says nothing a plan's reader needs
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := levels[k].start
			if c.on[k] {
				v = c.val[k]
			}
			f := levels[k].format
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(format(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return withSuffix(lv, b.String())
}

// counter is the running numbers of one list definition's levels.
type counter struct {
	val [9]int
	on  [9]bool // the level has been used since it last restarted
}

// withSuffix adds what follows a number: Word's tab or space, which in
// text becomes one space (dropped again between Chinese characters).
func withSuffix(lv level, s string) string {
	if s == "" || lv.suffix == "nothing" {
		return s
	}
	return s + " "
}
