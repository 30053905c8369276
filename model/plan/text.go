package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"taizhang/model"
)

// Markers placed in the rune arrays: a paragraph break, and a soft break
// (a tab or a run of spaces, as in a table pasted from Word) that ends a
// clause the way a comma does.
const (
	paraBreak = '\n'
	softBreak = '\t'
)

// maxSpan bounds how far a quote or bracket may reach: a stray “ must not
// swallow the rest of the text.
const maxSpan = 80

// doc is the text prepared for the grammar. The arrays run in parallel: the
// same index is the same character in each.
type doc struct {
	orig   []rune  // as written, sanitised
	norm   []rune  // folded to Simplified script and ASCII digits, for matching
	line   []int32 // 1-based line of each rune in the input
	quoted []bool  // inside “…” 「…」 《…》: names and slogans, never counts
	inner  []bool  // inside any closed quote or bracket: no clause ends here
	paras  []span  // paragraphs, each ending before a paraBreak
	table  map[rune]rune
	// the word lists tidy runs on every title, indexed
	openers, closers lexicon
}

type span struct{ a, b int }

// prepare sanitises text, joins lines that were wrapped inside a sentence,
// drops the spaces that Chinese text does not need, and marks quotes.
func prepare(text string) *doc {
	// Lines are cut before sanitising, so that a line number is the line
	// an editor shows (Clean would trim blank lines off the top).
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		// Clean turns a tab into one space; a tab separates table cells,
		// so it becomes two spaces, which read as a soft break below. A
		// line separator inside a line does the same.
		l = model.Clean(strings.ReplaceAll(l, "\t", "  "))
		lines[i] = strings.TrimFunc(strings.ReplaceAll(l, "\n", "  "), isSpaceLike)
	}
	table := foldMap()
	d := &doc{table: table, openers: openerWords(), closers: closerWords()}
	n := utf8.RuneCountInString(text) + 1
	d.orig = make([]rune, 0, n)
	d.norm = make([]rune, 0, n)
	d.line = make([]int32, 0, n)

	paraStart := 0
	wrap := wrapWidth(lines)
	for i, l := range lines {
		if l == "" {
			d.endPara(&paraStart, int32(i+1))
			continue
		}
		d.appendLine(l, int32(i+1), table)
		if i+1 < len(lines) && joins(l, lines[i+1], wrap) {
			continue
		}
		d.endPara(&paraStart, int32(i+1))
	}
	d.endPara(&paraStart, int32(len(lines)))
	d.markQuotes()
	return d
}

// endPara closes the paragraph that started at *start, if it holds anything.
func (d *doc) endPara(start *int, line int32) {
	if len(d.orig) > *start {
		d.paras = append(d.paras, span{*start, len(d.orig)})
		d.push(paraBreak, paraBreak, line)
	}
	*start = len(d.orig)
}

func (d *doc) push(o, n rune, line int32) {
	d.orig = append(d.orig, o)
	d.norm = append(d.norm, n)
	d.line = append(d.line, line)
}

// appendLine adds one line's runes. A single space survives only between
// two ASCII letters or digits (English words, "Windows 10"); a tab, an
// ideographic space or two spaces in a row end a clause; other spaces go.
func (d *doc) appendLine(l string, line int32, table map[rune]rune) {
	if n := len(d.orig); n > 0 && d.orig[n-1] != paraBreak && isASCIIWord(d.orig[n-1]) {
		// a wrapped line joined to the previous one: keep English words apart
		if r, _ := utf8.DecodeRuneInString(l); isASCIIWord(r) {
			d.push(' ', ' ', line)
		}
	}
	spaces, wide := 0, false
	var prev rune
	for _, r := range l {
		if isSpaceLike(r) {
			spaces++
			if r != ' ' {
				wide = true
			}
			continue
		}
		if isIgnorable(r) {
			continue
		}
		if spaces > 0 {
			switch {
			case spaces > 1 || wide:
				d.push(' ', softBreak, line)
			case isASCIIWord(prev) && isASCIIWord(r):
				d.push(' ', ' ', line)
			}
			spaces, wide = 0, false
		}
		d.push(r, fold(r, table), line)
		prev = r
	}
}

// joins reports whether line next continues line l: text copied from a PDF
// or a narrow window breaks lines inside sentences. A line that ends a
// sentence, a short line (a title or a heading) and a next line that opens
// a numbered item are not joined. wrap is the width in columns at which
// the text was broken, 0 when it shows none.
func joins(l, next string, wrap int) bool {
	if next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	switch last {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '”', '」', '』':
		return false
	case '，', '、', ',':
		return !startsItem(next)
	}
	if startsItem(next) || hasGap(l) || hasGap(next) {
		return false // a table's rows are lines of their own, whatever their width
	}
	if r, _ := utf8.DecodeRuneInString(next); strings.ContainsRune("，。；：、！？,.;:!?）)”」』》", r) {
		return true // a mark that cannot open a line: the wrap fell just before it
	}
	// A line as wide as the text's wrap continues, numbered or not: the
	// break is the window's, not the author's.
	if w := width(l); wrap > 0 && w >= wrap-4 && w <= wrap+2 {
		return true
	}
	// A full line continues the sentence. A numbered one does when it is
	// prose (一、学习安排。中心组全年…每月 / 安排1次); a heading is short or
	// holds no clause mark (一、2021年度推进法治财政建设的主要举措和成效),
	// and the text under it starts a paragraph of its own. A short line
	// joins only a next line that opens with the tail of a word and a
	// comma (议，研究…), and never when it is numbered.
	full := utf8.RuneCountInString(l) >= 25
	if startsItem(l) {
		return full && strings.ContainsAny(l, "。，；：,;")
	}
	return full || fragmentStart(next)
}

// maxWrap bounds the widths wrapWidth tallies; a wider line is full by
// its length alone.
const maxWrap = 160

// wrapWidth finds the width in columns at which a text was hard-wrapped:
// the width that most open lines reach — lines that end inside a sentence,
// are not numbered and are followed by more of it. A text that is not
// wrapped has few such lines (a title, a date), so it needs three of them
// and half of all, within a few columns of each other; a width below 16
// columns is a list of short headings, not a wrap.
func wrapWidth(lines []string) int {
	var count [maxWrap + 1]int
	open := 0
	for i, l := range lines {
		if l == "" || i+1 >= len(lines) || lines[i+1] == "" || startsItem(l) || startsItem(lines[i+1]) || hasGap(l) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune("。！？；：!?;:”」』", last) {
			continue
		}
		open++
		if w := width(l); w <= maxWrap {
			count[w]++
		}
	}
	best, bestN := 0, 0
	for w := 16; w <= maxWrap; w++ {
		n := 0
		for v := w - 3; v <= w; v++ {
			n += count[v]
		}
		if n > bestN {
			best, bestN = w, n
		}
	}
	if bestN < 3 || 2*bestN < open {
		return 0
	}
	return best
}

// hasGap reports a gap between columns: a tab (two spaces by now), a run
// of spaces or an ideographic space, as in a table pasted from Word.
// Prose wrapped by a window has none.
func hasGap(l string) bool {
	return strings.Contains(l, "  ") || strings.ContainsRune(l, '\u3000')
}

// width is the columns a line takes in a fixed-width window: two for a
// Chinese character or a full-width mark, one for the rest.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
		if w > maxWrap+4 {
			break // the exact width of a long line does not matter
		}
	}
	return w
}

// fragmentStart reports a line whose first clause is one to three
// characters long: the end of a sentence broken by a line wrap.
func fragmentStart(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '，', '。', '；', '、', '：', ',', ';':
			return n > 0
		}
		if n++; n > 3 {
			return false
		}
	}
	return false
}

// startsItem reports whether s opens with a list number: 一、 （一） (1) 1. 1、 ① 第一条.
func startsItem(s string) bool {
	rs := []rune(s)
	if len(rs) > 12 {
		rs = rs[:12]
	}
	i := 0
	if len(rs) > 0 && (rs[0] == '（' || rs[0] == '(') {
		i = 1
	}
	if len(rs) > 0 && rs[0] >= '①' && rs[0] <= '⑳' {
		return true
	}
	if len(rs) > 0 && rs[0] == '第' {
		for j := 1; j < len(rs); j++ {
			if rs[j] == '条' || rs[j] == '條' || rs[j] == '章' || rs[j] == '节' || rs[j] == '節' {
				return j > 1
			}
			if !isDigit(rs[j]) && !isHanDigit(rs[j]) {
				return false
			}
		}
		return false
	}
	j := i
	for j < len(rs) && (isDigit(rs[j]) || isHanDigit(rs[j])) {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	switch rs[j] {
	case '、', '.', '．', '）', ')':
		return i == 0 || rs[j] == '）' || rs[j] == ')'
	}
	return false
}

func isSpaceLike(r rune) bool { return unicode.IsSpace(r) }

// isIgnorable is a character that draws nothing and only gets in the way of
// matching: zero-width spaces and joiners, the byte-order mark.
func isIgnorable(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// markQuotes marks the runes inside paired quotes and brackets. Quotes and
// book-title marks hold names and slogans (“两个维护”, “12.4”, 《…》), so
// numbers there are never counts; any closed pair, brackets included, keeps
// the punctuation it holds from ending a clause. A pair must close within
// maxSpan runes and inside its paragraph, or it is not a pair.
func (d *doc) markQuotes() {
	d.quoted = make([]bool, len(d.norm))
	d.inner = make([]bool, len(d.norm))
	type open struct {
		r   rune
		pos int
	}
	const maxDepth = 8
	var stack []open
	asciiOpen := -1 // position of an unpaired ASCII double quote
	for i, r := range d.norm {
		if r == paraBreak {
			stack, asciiOpen = stack[:0], -1
			continue
		}
		if r == '"' {
			if asciiOpen >= 0 && i-asciiOpen <= maxSpan {
				d.mark(asciiOpen, i, true)
				asciiOpen = -1
			} else {
				asciiOpen = i
			}
			continue
		}
		if closer(r) != 0 {
			if len(stack) == maxDepth {
				stack = stack[1:]
			}
			stack = append(stack, open{r, i})
			continue
		}
		// a closing mark pairs with the nearest opening of its kind
		for k := len(stack) - 1; k >= 0; k-- {
			if closer(stack[k].r) == r {
				if i-stack[k].pos <= maxSpan {
					d.mark(stack[k].pos, i, isQuote(stack[k].r))
				}
				stack = stack[:k]
				break
			}
		}
	}
}

func (d *doc) mark(open, close int, quote bool) {
	for j := open + 1; j < close; j++ {
		d.inner[j] = true
		if quote {
			d.quoted[j] = true
		}
	}
}

// closer returns the closing mark for an opening one, or 0.
func closer(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	case '《':
		return '》'
	case '〈':
		return '〉'
	case '（':
		return '）'
	case '(':
		return ')'
	case '【':
		return '】'
	case '〔':
		return '〕'
	case '[':
		return ']'
	}
	return 0
}

func isQuote(r rune) bool {
	switch r {
	case '“', '‘', '「', '『', '《', '〈':
		return true
	}
	return false
}
