// Package cells lays text out in terminal cells: widths by display width
// (a Chinese character is two cells), cuts that never split a character,
// and padding, for the command line's tables and the TUI's columns. Every
// function sanitises its text first, so nothing it returns can carry an
// escape sequence.
package cells

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
)

// Tail marks text cut short. It is ASCII: the ellipsis character is one
// cell in some terminals and two in others.
const Tail = ".."

// Width is the display width of s.
func Width(s string) int { return ansi.StringWidth(s) }

// Cut sanitises s to one line and shortens it to at most w cells, ending
// in Tail when it was cut.
func Cut(s string, w int) string {
	s = model.CleanLine(s)
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	if w <= len(Tail) {
		return ansi.Truncate(s, w, "")
	}
	return ansi.Truncate(s, w, Tail)
}

// Fit is Cut then padded with spaces to exactly w cells.
func Fit(s string, w int) string { return Pad(Cut(s, w), w) }

// FitRight is Cut then padded on the left to exactly w cells.
func FitRight(s string, w int) string {
	s = Cut(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// Pad adds spaces to s up to w cells; s must already be clean.
func Pad(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// columnWidths is each column's width in Table: its widest cell, up to
// its limit.
func columnWidths(rows [][]string, limits []int) []int {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			w := Width(model.CleanLine(c))
			if i < len(limits) && limits[i] > 0 && w > limits[i] {
				w = limits[i]
			}
			widths[i] = max(widths[i], w)
		}
	}
	return widths
}

// minFlex is the narrowest a column given up to a narrow terminal gets.
const minFlex = 8

// FitTable is Table made to fit width columns (0: any width) by narrowing
// the columns listed in flex, each by its share of what they can give
// (down to 8 cells each): a terminal that is 80 wide gets a table 80
// wide, its long titles cut with an ellipsis rather than wrapped under the
// next column.
func FitTable(rows [][]string, limits []int, width int, flex []int, right ...int) string {
	if width <= 0 || len(rows) == 0 {
		return Table(rows, limits, right...)
	}
	widths := columnWidths(rows, limits)
	total := 2 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	fitted := make([]int, len(widths))
	copy(fitted, limits)
	excess, spare := total-width, 0
	for _, i := range flex {
		if i < len(widths) {
			spare += max(0, widths[i]-minFlex)
		}
	}
	if excess <= 0 || spare == 0 {
		return Table(rows, limits, right...)
	}
	excess = min(excess, spare)
	left := excess
	for k, i := range flex {
		if i >= len(widths) {
			continue
		}
		give := excess * max(0, widths[i]-minFlex) / spare
		if k == len(flex)-1 {
			give = min(left, max(0, widths[i]-minFlex))
		}
		fitted[i], left = widths[i]-give, left-give
	}
	return Table(rows, fitted, right...)
}

// Table renders rows as columns separated by two spaces, each column as
// wide as its widest cell but no wider than its limit (0: no limit). The
// columns listed in right are aligned right. Trailing spaces are trimmed.
func Table(rows [][]string, limits []int, right ...int) string {
	if len(rows) == 0 {
		return ""
	}
	widths := columnWidths(rows, limits)
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			if isRight[i] {
				line.WriteString(FitRight(c, widths[i]))
			} else {
				line.WriteString(Fit(c, widths[i]))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}
