package export

import (
	"bufio"
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

// WriteMarkdown renders the document as Markdown: the body, the 署名 and
// 成文日期, then the attachment after a rule.
func WriteMarkdown(w io.Writer, d model.Document) error {
	e := newErrWriter(w)
	for _, b := range d.Blocks {
		switch b.Kind {
		case model.TitleBlock:
			e.str("# ", md(b.Text), "\n\n")
		case model.Heading1Block:
			e.str("## ", md(b.Text), "\n\n")
		case model.Heading2Block:
			e.str("### ", md(b.Text), "\n\n")
		case model.TableBlock:
			mdTable(e, b.Table)
		case model.BlankBlock:
		case model.SignatureBlock:
			e.str(md(d.SignName), "\n\n", md(d.SignDate), "\n\n")
		default:
			if b.Lead != "" {
				e.str("**", md(b.Lead), "**", leadSpace(d))
			}
			e.str(md(b.Text), "\n\n")
		}
	}
	a := d.Attachment
	e.str("---\n\n", md(a.Label), "\n\n## ", md(a.Title), "\n\n")
	if len(a.Table.Rows) == 0 {
		e.str(md(a.Empty), "\n")
		return e.done()
	}
	mdTable(e, &a.Table)
	return e.done()
}

func mdTable(e *errWriter, t *model.Table) {
	e.str("|")
	for _, c := range t.Columns {
		e.str(" ", md(c), " |")
	}
	e.str("\n|")
	for i := range t.Columns {
		if i < len(t.Center) && t.Center[i] {
			e.str(" :---: |")
		} else {
			e.str(" --- |")
		}
	}
	e.str("\n")
	for _, r := range t.Rows {
		e.str("|")
		for _, c := range r {
			e.str(" ", md(c), " |")
		}
		e.str("\n")
	}
	e.str("\n")
}

// textWidth is the plain-text page width in columns: GB/T 9704's 28
// characters a line, each two columns wide.
const textCols = 56

// WriteText renders the document as plain text: Chinese paragraphs start
// with two ideographic spaces as they do on paper, tables are aligned by
// display width (a Chinese character is two columns), and the 署名 and
// 成文日期 stand at the right as on paper.
func WriteText(w io.Writer, d model.Document) error {
	e := newErrWriter(w)
	indent := "\u3000\u3000"
	if d.Lang == model.English {
		indent = ""
	}
	line := func(l string) { e.str(model.CleanLine(l), "\n") }
	right := func(l string, pad int) {
		l = model.CleanLine(l)
		e.str(strings.Repeat(" ", max(0, textCols-pad-ansi.StringWidth(l))), l, "\n")
	}
	for _, b := range d.Blocks {
		switch b.Kind {
		case model.TitleBlock:
			line(b.Text)
			e.str("\n")
		case model.BylineBlock:
			line(b.Text)
		case model.Heading1Block, model.Heading2Block:
			e.str("\n")
			line(b.Text)
		case model.TableBlock:
			e.str(textTable(tableRows(b.Table), b.Table.Center), "\n")
		case model.BlankBlock:
			e.str("\n")
		case model.SignatureBlock:
			// GB/T 9704 §7.3.5.2: the date two characters in from the
			// right, the name starting two characters before the date.
			dw := ansi.StringWidth(d.SignDate)
			nw := ansi.StringWidth(d.SignName)
			namePad, datePad := 4+dw+4-nw, 4
			if namePad < 4 {
				datePad += 4 - namePad
				namePad = 4
			}
			right(d.SignName, namePad)
			right(d.SignDate, datePad)
		default:
			e.str(indent) // CleanLine would trim the ideographic spaces
			if b.Lead != "" {
				e.str(model.CleanLine(b.Lead), leadSpace(d))
			}
			line(b.Text)
		}
	}
	a := d.Attachment
	e.str("\n\n")
	line(a.Label)
	e.str("\n")
	line(a.Title)
	e.str("\n")
	if len(a.Table.Rows) == 0 {
		line(a.Empty)
		return e.done()
	}
	e.str(textTable(tableRows(&a.Table), a.Table.Center))
	return e.done()
}

func tableRows(t *model.Table) [][]string {
	return append([][]string{t.Columns}, t.Rows...)
}

// textTable aligns rows in columns two spaces apart; the columns marked in
// right are right-aligned. Cells are clean single lines.
func textTable(rows [][]string, right []bool) string {
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
			if i < len(right) && right[i] {
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

// leadSpace is what stands between a run-in heading and its text: a space
// in English, nothing in Chinese.
func leadSpace(d model.Document) string {
	if d.Lang == model.English {
		return " "
	}
	return ""
}
