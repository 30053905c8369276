package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
)

// errWriter keeps the first write error, so renderers can write freely
// and check once at the end.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter {
	if bw, ok := w.(*bufio.Writer); ok {
		return &errWriter{w: bw}
	}
	return &errWriter{w: bufio.NewWriter(w)}
}

func (e *errWriter) str(ss ...string) {
	for _, s := range ss {
		if e.err == nil {
			_, e.err = e.w.WriteString(s)
		}
	}
}

func (e *errWriter) done() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// mdEscaper backslash-escapes the characters that would turn a duty's
// title or a record's topic into Markdown syntax (emphasis, links, HTML,
// table cells). The text is already one clean line, so line-start markers
// such as # or 1. cannot occur where it is placed.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `&`, `\&`)

func md(s string) string { return mdEscaper.Replace(model.CleanLine(s)) }

// WriteMarkdown renders the summary as Markdown.
func WriteMarkdown(w io.Writer, s model.Summary) error {
	e := newErrWriter(w)
	e.str("# ", md(s.Title), "\n\n")
	if s.ProfileLine != "" {
		e.str(md(s.ProfileLine), "\n\n")
	}
	e.str(md(s.Period), "\n\n", md(s.Intro), "\n\n")
	e.str("## ", s.Headings[0], "\n\n", md(s.Overview), "\n\n")
	e.str("## ", s.Headings[1], "\n\n")
	if len(s.Duties) > 0 {
		e.str("|")
		for _, c := range s.Columns {
			e.str(" ", c, " |")
		}
		e.str("\n| ---: | --- | --- | --- | ---: | --- |\n")
		for _, d := range s.Duties {
			e.str("|")
			for _, c := range d.Row {
				e.str(" ", md(c), " |")
			}
			e.str("\n")
		}
		e.str("\n")
	}
	for _, d := range s.Duties {
		e.str("### ", md(d.Heading), "\n\n", md(d.Paragraph), "\n\n")
		for i, it := range d.Items {
			e.str(fmt.Sprint(i+1), ". ", md(it), "\n")
		}
		if len(d.Items) > 0 {
			e.str("\n")
		}
	}
	e.str("## ", s.Headings[2], "\n\n")
	if len(s.Missed) == 0 {
		e.str(s.NoneMissed, "\n")
	}
	for i, m := range s.Missed {
		if i > 0 {
			e.str("\n")
		}
		// The prompt is indented to stay inside the list item, where the
		// officer writes the reasons.
		e.str(fmt.Sprint(i+1), ". ", md(m.Text), "\n\n   ", s.ReasonPrompt, "\n")
	}
	return e.done()
}

// WriteText renders the summary as plain text: Chinese paragraphs start
// with two ideographic spaces as they do on paper, and the table is
// aligned by display width (a Chinese character is two columns).
func WriteText(w io.Writer, s model.Summary) error {
	e := newErrWriter(w)
	indent := "\u3000\u3000"
	if s.Lang == model.English {
		indent = ""
	}
	line := func(l string) { e.str(model.CleanLine(l), "\n") }
	line(s.Title)
	e.str("\n")
	if s.ProfileLine != "" {
		line(s.ProfileLine)
	}
	line(s.Period)
	e.str("\n")
	line(indent + s.Intro)
	e.str("\n")
	line(s.Headings[0])
	line(indent + s.Overview)
	e.str("\n")
	line(s.Headings[1])
	if len(s.Duties) > 0 {
		rows := [][]string{s.Columns}
		for _, d := range s.Duties {
			rows = append(rows, d.Row)
		}
		e.str(textTable(rows, map[int]bool{0: true, 4: true}))
	}
	for _, d := range s.Duties {
		e.str("\n")
		line(d.Heading)
		line(indent + d.Paragraph)
		for i, it := range d.Items {
			line(fmt.Sprintf("%s%d. %s", indent, i+1, it))
		}
	}
	e.str("\n")
	line(s.Headings[2])
	if len(s.Missed) == 0 {
		line(indent + s.NoneMissed)
	}
	for i, m := range s.Missed {
		line(fmt.Sprintf("%s%d. %s", indent, i+1, m.Text))
		line(indent + s.ReasonPrompt)
		e.str("\n")
	}
	return e.done()
}

// textTable aligns rows in columns two spaces apart; the columns in right
// are right-aligned. Cells are clean single lines.
func textTable(rows [][]string, right map[int]bool) string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(model.CleanLine(c)))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var cells []string
		for i, c := range r {
			c = model.CleanLine(c)
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if right[i] {
				cells = append(cells, pad+c)
			} else if i == len(r)-1 {
				cells = append(cells, c) // no trailing spaces
			} else {
				cells = append(cells, c+pad)
			}
		}
		b.WriteString(strings.Join(cells, "  ") + "\n")
	}
	return b.String()
}
