package docx

import (
	"errors"
	"io"
	"strconv"
	"strings"
)

// skipped are the elements whose contents are not the document's running
// text: text boxes and drawings, embedded objects, the fallback copy of
// alternate content, tracked deletions and moves away, field instructions,
// and the old state of changed properties.
var skipped = map[string]bool{
	"txbxContent": true, "drawing": true, "pict": true, "object": true, "Fallback": true,
	"del": true, "moveFrom": true, "instrText": true, "delInstrText": true, "delText": true,
	"pPrChange": true, "rPrChange": true, "sectPr": true, "tblPr": true, "tblGrid": true,
	"trPr": true, "tcPr": true, "footnoteReference": true, "endnoteReference": true,
	"commentReference": true, "annotationRef": true, "tabs": true,
}

// walker turns document.xml into lines.
type walker struct {
	nb    *numbering
	st    *styles
	out   []string
	size  int // bytes of text so far
	cells []*cell
	// the paragraph being read
	inP     bool
	p       strings.Builder
	num     numRef
	pStyle  string
	inRun   bool
	hidden  bool // the run is hidden text
	fields  []bool
	inInstr int // open fields still in their instruction part
	inText  bool
}

// cell is a table cell being read: its paragraphs, and the cells of its row.
type cell struct {
	row   []string // the finished cells of the row this cell is in
	paras []string
}

func walk(doc []byte, nb *numbering, st *styles) ([]string, error) {
	w := &walker{nb: nb, st: st}
	x := newXML(doc)
	var skip skipper
	sawBody := false
	for {
		t, err := x.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, damaged()
		}
		if skip.over(t) {
			continue
		}
		switch t.kind {
		case startTag:
			if skipped[t.local] {
				skip.start()
				continue
			}
			if t.local == "body" && t.w {
				sawBody = true
			}
			if t.w {
				w.start(t)
			}
		case endTag:
			if t.w {
				w.end(t)
			}
		case charData:
			if w.inText && w.inRun && !w.hidden && w.inInstr == 0 {
				w.p.Write(t.text)
			}
		}
		if w.size > maxText {
			return nil, tooMuchText()
		}
	}
	if !sawBody {
		return nil, damaged()
	}
	return w.out, nil
}

func (w *walker) start(t tok) {
	switch t.local {
	case "p":
		w.inP, w.num, w.pStyle = true, numRef{}, ""
		w.p.Reset()
	case "pStyle":
		w.pStyle = t.val()
	case "numId":
		if w.inP {
			w.num.numID, w.num.hasNum = t.val(), true
		}
	case "ilvl":
		if n, err := strconv.Atoi(t.val()); err == nil && w.inP {
			w.num.ilvl, w.num.hasLevel = n, true
		}
	case "r":
		w.inRun, w.hidden = true, false
	case "vanish":
		if w.inRun {
			w.hidden = t.on()
		}
	case "t":
		w.inText = true
	case "tab", "ptab":
		w.put("\t")
	case "br", "cr":
		w.put("\n")
	case "noBreakHyphen":
		w.put("-")
	case "fldChar":
		switch t.attr("fldCharType") {
		case "begin":
			w.fields = append(w.fields, true)
			w.inInstr++
		case "separate":
			if n := len(w.fields); n > 0 && w.fields[n-1] {
				w.fields[n-1] = false
				w.inInstr--
			}
		case "end":
			if n := len(w.fields); n > 0 {
				if w.fields[n-1] {
					w.inInstr--
				}
				w.fields = w.fields[:n-1]
			}
		}
	case "tbl":
		w.cells = append(w.cells, nil)
	case "tr":
		if n := len(w.cells); n > 0 {
			w.cells[n-1] = &cell{}
		}
	case "tc":
		if n := len(w.cells); n > 0 && w.cells[n-1] != nil {
			w.cells[n-1].paras = w.cells[n-1].paras[:0]
		}
	}
}

// put adds a tab or break inside a run's visible text.
func (w *walker) put(s string) {
	if w.inRun && !w.hidden && w.inInstr == 0 {
		w.p.WriteString(s)
	}
}

func (w *walker) end(t tok) {
	switch t.local {
	case "t":
		w.inText = false
	case "r":
		w.inRun, w.hidden = false, false
	case "p":
		if !w.inP {
			return
		}
		w.inP = false
		r := w.num.merge(w.st.numOf(w.pStyle))
		line := w.nb.label(r) + w.p.String()
		w.p.Reset()
		w.emit(line)
	case "tc":
		if c := w.row(); c != nil {
			var parts []string
			for _, s := range c.paras {
				if s = strings.TrimSpace(strings.ReplaceAll(s, "\n", "  ")); s != "" {
					parts = append(parts, s)
				}
			}
			c.row = append(c.row, strings.Join(parts, "  "))
			c.paras = c.paras[:0]
		}
	case "tr":
		if c := w.row(); c != nil {
			line := strings.Join(c.row, "\t")
			w.cells[len(w.cells)-1] = nil
			w.emit(line)
		}
	case "tbl":
		if n := len(w.cells); n > 0 {
			w.cells = w.cells[:n-1]
		}
	}
}

// row is the row being read in the innermost table, or nil.
func (w *walker) row() *cell {
	if n := len(w.cells); n > 0 {
		return w.cells[n-1]
	}
	return nil
}

// emit adds a finished paragraph or row: to the cell it sits in, or to
// the document.
func (w *walker) emit(line string) {
	w.size += len(line) + 1
	for i := len(w.cells) - 1; i >= 0; i-- {
		if c := w.cells[i]; c != nil {
			c.paras = append(c.paras, line)
			return
		}
	}
	w.out = append(w.out, line)
}
