package export

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fitting a table's columns to the page. A ledger's columns hold text of
// every length, from a two-character place to a note of a page; a fixed
// share for each column leaves a short note two characters wide (a note
// of 2 000 characters then runs over twenty pages) while a long topic
// wastes none of its room. The columns are given widths by their content
// instead: the narrow ones (序号, the date, the period) their widest
// text, and the width that is left goes to the columns whose widening
// saves the most lines over the rows: the rows of the ledger as they are,
// each cell counted up to fitCap of its text, so that one very long note
// gets a fair share and not the whole table.

// measure gives a text's width in a table's units: per character, the
// width of a Chinese one and of any other.
type measure struct{ wide, narrow int }

// width is s's width on one line.
func (m measure) width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c >= 0x20 {
				w += m.narrow
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		w += m.of(r)
	}
	return w
}

// perByte is the most a byte of UTF-8 text can measure: a whole narrow
// character, or a third of a wide one.
func (m measure) perByte() int { return max(m.narrow, (m.wide+2)/3) }

func (m measure) of(r rune) int {
	switch {
	case r < 0x20:
		return 0
	case isWide(r):
		return m.wide
	default:
		return m.narrow
	}
}

// isWide reports whether r is set a full em wide: Chinese, Japanese and
// Korean characters and the full-width punctuation around them.
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x20000 && r <= 0x3FFFD))
}

// longestWord is the width of s's widest run that a line cannot break:
// a Latin word or number (a Chinese character breaks anywhere).
func (m measure) longestWord(s string) int {
	best, cur := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) || isWide(r) {
			best, cur = max(best, cur), 0
			if isWide(r) {
				best = max(best, m.wide)
			}
			continue
		}
		cur += m.of(r)
	}
	return max(best, cur)
}

// lines is how many lines s takes wrapped in width: each line of s on
// lines of its own, broken between words, and anywhere in a Chinese run
// or a word wider than the line.
func (m measure) lines(s string, width int) int {
	if s == "" {
		return 0
	}
	width = max(width, m.wide)
	if len(s)*m.perByte() <= width && strings.IndexByte(s, '\n') < 0 {
		return 1 // short enough for a line whatever its characters (most cells)
	}
	n := 0
	for s != "" {
		var para string
		para, s, _ = strings.Cut(s, "\n")
		n += m.paraLines(para, width)
	}
	return n
}

func (m measure) paraLines(p string, width int) int {
	n, used := 1, 0
	for i := 0; i < len(p); {
		r, size := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
		}
		if isWide(r) { // a Chinese character breaks anywhere
			i += size
			if used+m.wide > width {
				n++
				used = 0
			}
			used += m.wide
			continue
		}
		// A word (or a run of spaces) and the spaces after it: the word
		// goes on the line if it fits there without its spaces.
		start, word := i, 0
		for i < len(p) {
			r, size := rune(p[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(p[i:])
			}
			if isWide(r) || (unicode.IsSpace(r) && i > start) {
				break
			}
			word += m.of(r)
			i += size
		}
		spaces := 0
		for i < len(p) && (p[i] == ' ' || p[i] == '\t') {
			spaces += m.narrow
			i++
		}
		switch {
		case used+word <= width:
			used += word + spaces
		case word <= width:
			n++
			used = word + spaces
		default: // a word wider than the line is broken where it reaches the edge
			if used > 0 {
				n++
			}
			used = 0
			for _, c := range p[start:i] {
				cw := m.of(c)
				if used+cw > width {
					n++
					used = 0
				}
				used += cw
			}
		}
	}
	return n
}

// column is what fitting needs to know of a column: its narrowest and
// widest, and how much of its width its cell margins take.
type column struct {
	min, max int
	pad      int
}

// fitCap is the most of one cell's text that counts when widths are
// shared, in Chinese characters: a paragraph. Longer text wraps in the
// width the other rows earn its column.
const fitCap = 100

// fitSample is the most rows that are looked at: a sample evenly spread
// over a long ledger is as good a guide and keeps an export of ten
// thousand records fast.
const fitSample = 600

// sampleStride is the stride of fitSample rows evenly spread over rows.
func sampleStride(rows int) int { return max(1, (rows+fitSample-1)/fitSample) }

// fitColumns shares total among cols. Every column starts at its min;
// the rest is given a step at a time to the column that most lowers the
// rows' heights counted in fractions of a line (the tallest cell of each
// row, its text over its width), which sees that a column all of whose
// rows need a little more is worth more than one long cell. The columns
// are then narrowed to the least width that keeps each cell's whole
// lines, and what that frees goes to the widenings that save whole lines,
// the most per step first. cells[r][c] is the width of the text of row r
// in column c (on one line, capped). The widths are whole steps over the
// mins and add up to at most total; mins that do not fit are scaled down.
func fitColumns(cols []column, cells [][]int, total, step int) []int {
	f := fitter{cols: cols, n: len(cols), step: step, w: make([]int, len(cols))}
	for i, c := range cols {
		f.w[i] = c.min
		f.sum += c.min
	}
	if f.sum > total {
		for i := range f.w {
			f.w[i] = f.w[i] * total / f.sum
		}
		return f.w
	}
	if stride := sampleStride(len(cells)); stride > 1 {
		sample := make([][]int, 0, fitSample)
		for r := 0; r < len(cells); r += stride {
			sample = append(sample, cells[r])
		}
		cells = sample
	}
	f.text = make([]int, len(cells)*f.n)
	for r, row := range cells {
		copy(f.text[r*f.n:(r+1)*f.n], row)
	}
	f.rows = len(cells)
	f.spread(total)
	f.snap()
	f.whole(total)
	for round := 0; round < 3 && f.trade(total); round++ {
		f.whole(total)
	}
	return f.w
}

// fitter holds fitColumns' state: the columns' widths and their sum, and
// the cells' text widths, row by row.
type fitter struct {
	cols    []column
	n, rows int
	step    int
	w       []int
	sum     int
	text    []int
}

// room is column c's width for text at width w.
func (f *fitter) room(c, w int) int { return max(w-f.cols[c].pad, 1) }

// lines is how many whole lines a text of width t takes at width room.
func lines(t, room int) int {
	if t == 0 {
		return 0
	}
	return (t + room - 1) / room
}

// spread widens a step at a time the column whose widening most lowers
// the rows' fractional heights, while that lowers them at all.
func (f *fitter) spread(total int) {
	top, topCol, second := make([]float64, f.rows), make([]int, f.rows), make([]float64, f.rows)
	rank := func(r int) {
		top[r], topCol[r], second[r] = 1, -1, 1
		for c := 0; c < f.n; c++ {
			h := float64(f.text[r*f.n+c]) / float64(f.room(c, f.w[c]))
			switch {
			case h > top[r]:
				second[r], top[r], topCol[r] = top[r], h, c
			case h > second[r]:
				second[r] = h
			}
		}
	}
	for r := 0; r < f.rows; r++ {
		rank(r)
	}
	gain := make([]float64, f.n)
	for f.sum+f.step <= total {
		clear(gain)
		for r := 0; r < f.rows; r++ {
			if c := topCol[r]; c >= 0 && f.w[c]+f.step <= f.cols[c].max {
				h := float64(f.text[r*f.n+c]) / float64(f.room(c, f.w[c]+f.step))
				gain[c] += top[r] - max(h, second[r])
			}
		}
		best := -1
		for c, g := range gain {
			if g > 1e-9 && (best < 0 || g > gain[best]) {
				best = c
			}
		}
		if best < 0 {
			return
		}
		f.w[best] += f.step
		f.sum += f.step
		for r := 0; r < f.rows; r++ {
			if f.text[r*f.n+best] > 0 || topCol[r] == best {
				rank(r)
			}
		}
	}
}

// snap narrows each column to the least width, in whole steps over its
// min, at which none of its cells takes a line more.
func (f *fitter) snap() {
	for c := 0; c < f.n; c++ {
		least := f.cols[c].min
		for r := 0; r < f.rows; r++ {
			t := f.text[r*f.n+c]
			if l := lines(t, f.room(c, f.w[c])); l > 0 {
				need := (t+l-1)/l + f.cols[c].pad
				least = max(least, f.cols[c].min+(need-f.cols[c].min+f.step-1)/f.step*f.step)
			}
		}
		if least < f.w[c] {
			f.sum -= f.w[c] - least
			f.w[c] = least
		}
	}
}

// whole gives what is left of total to the widenings that save the most
// whole lines of the rows' heights (then of all cells) per step: each
// column looked at widened to where its next few cells lose a line.
func (f *fitter) whole(total int) {
	n := f.n
	cur := make([]int, f.rows*n)
	top, topCol, second := make([]int, f.rows), make([]int, f.rows), make([]int, f.rows)
	rank := func(r int) {
		top[r], topCol[r], second[r] = 1, -1, 1
		for c := 0; c < n; c++ {
			l := cur[r*n+c]
			switch {
			case l > top[r]:
				second[r], top[r], topCol[r] = top[r], l, c
			case l > second[r]:
				second[r] = l
			}
		}
	}
	for r := 0; r < f.rows; r++ {
		for c := 0; c < n; c++ {
			cur[r*n+c] = lines(f.text[r*n+c], f.room(c, f.w[c]))
		}
		rank(r)
	}
	// next is the width, whole steps over w[c], at which the first of
	// column c's cells at width at loses a line.
	next := func(c, at int) int {
		to := f.cols[c].max + 1
		for r := 0; r < f.rows; r++ {
			t := f.text[r*n+c]
			if l := lines(t, f.room(c, at)); l > 1 {
				need := (t+l-2)/(l-1) + f.cols[c].pad
				to = min(to, f.w[c]+(need-f.w[c]+f.step-1)/f.step*f.step)
			}
		}
		return to
	}
	for {
		best, bestScore, bestTo := -1, 0.0, 0
		for c := 0; c < n; c++ {
			to := next(c, f.w[c])
			for k := 0; k < 8 && to <= f.cols[c].max && f.sum+to-f.w[c] <= total; k++ {
				rows, all := 0, 0
				for r := 0; r < f.rows; r++ {
					t := f.text[r*n+c]
					if t == 0 {
						continue
					}
					l := lines(t, f.room(c, to))
					all += cur[r*n+c] - l
					if topCol[r] == c {
						rows += top[r] - max(l, second[r])
					}
				}
				score := (float64(rows) + float64(all)/float64(len(cur)+1)) / float64(to-f.w[c])
				if score > bestScore {
					best, bestScore, bestTo = c, score, to
				}
				to = next(c, to)
			}
		}
		if best < 0 {
			return
		}
		f.sum += bestTo - f.w[best]
		f.w[best] = bestTo
		for r := 0; r < f.rows; r++ {
			cur[r*n+best] = lines(f.text[r*n+best], f.room(best, bestTo))
			rank(r)
		}
	}
}

// height is the rows' total height in whole lines with columns a and b at
// widths wa and wb (the others as they are).
func (f *fitter) height(a, wa, b, wb int) int {
	h := 0
	for r := 0; r < f.rows; r++ {
		top := 1
		for c := 0; c < f.n; c++ {
			w := f.w[c]
			switch c {
			case a:
				w = wa
			case b:
				w = wb
			}
			top = max(top, lines(f.text[r*f.n+c], f.room(c, w)))
		}
		h += top
	}
	return h
}

// trade looks for a widening whole could not afford (a column all of
// whose rows need a little more, say) paid for by narrowing another
// column, and makes the one that lowers the rows' total height the most.
// It reports whether it made one.
func (f *fitter) trade(total int) bool {
	now := f.height(-1, 0, -1, 0)
	best, bestA, bestWA, bestB, bestWB := now, -1, 0, -1, 0
	for b := 0; b < f.n; b++ {
		// b's next widths at which a cell loses a line.
		var tos []int
		for r := 0; r < f.rows; r++ {
			t := f.text[r*f.n+b]
			if l := lines(t, f.room(b, f.w[b])); l > 1 {
				need := (t+l-2)/(l-1) + f.cols[b].pad
				to := f.w[b] + (need-f.w[b]+f.step-1)/f.step*f.step
				if to <= f.cols[b].max && !slices.Contains(tos, to) {
					tos = append(tos, to)
				}
			}
		}
		slices.Sort(tos)
		if len(tos) > 4 {
			tos = tos[:4]
		}
		for _, to := range tos {
			short := f.sum + to - f.w[b] - total
			if short <= 0 {
				continue // whole would have made it, had it paid
			}
			short = (short + f.step - 1) / f.step * f.step
			for a := 0; a < f.n; a++ {
				if a == b || f.w[a]-short < f.cols[a].min {
					continue
				}
				if h := f.height(a, f.w[a]-short, b, to); h < best {
					best, bestA, bestWA, bestB, bestWB = h, a, f.w[a]-short, b, to
				}
			}
		}
	}
	if bestA < 0 {
		return false
	}
	f.sum += bestWA - f.w[bestA] + bestWB - f.w[bestB]
	f.w[bestA], f.w[bestB] = bestWA, bestWB
	return true
}
