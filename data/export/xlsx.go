package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
)

// SheetNames are the workbook's two sheets: the summary (汇总), one row per
// duty, and the ledger (台账), one row per record.
func SheetNames(lang model.Lang) (summary, ledger string) {
	if lang == model.English {
		return "Summary", "Ledger"
	}
	return "汇总", "台账"
}

// SummaryColumns are the summary sheet's fixed columns; twelve month
// columns follow them.
func SummaryColumns(lang model.Lang) []string {
	if lang == model.English {
		return []string{"No.", "Category", "Duty", "Requirement", "Done", "Required", "Credited", "Status", "Missed periods"}
	}
	return []string{"序号", "类别", "事项", "要求", "完成", "应完成", "计入", "状态", "未达标时段"}
}

// The workbook is a hand-built SpreadsheetML package, as the Word summary
// is a hand-built WordprocessingML one: a workbook, a style sheet and two
// worksheets streamed row by row into the zip, every string an inline
// string escaped by encoding/xml, every number and date a typed value, and
// no formula anywhere. (A spreadsheet library would cost every command,
// even a shell prompt's status --short, milliseconds at start-up for its
// package-level tables and regular expressions.)

// Cell styles: indexes into styles.xml's cellXfs.
const (
	xsDefault = iota
	xsHeader  // bold on light blue, centred, wrapped
	xsText    // left, top
	xsWrap    // left, top, wrapped
	xsNumber  // centred, top
	xsDate    // centred, top, yyyy-mm-dd
	xsMet     // a period's count on green
	xsMissed  // on red
	xsOpen    // on yellow
	xsExempt  // on grey
)

// stateStyle colours a period cell by its state, as on the dashboard.
var stateStyle = map[model.PeriodState]int{
	model.Met: xsMet, model.Missed: xsMissed, model.Open: xsOpen, model.Exempt: xsExempt, model.Upcoming: xsNumber,
}

// xcell is one cell: a style and a value — nil (blank), an int, a string
// or a model.Date.
type xcell struct {
	style int
	value any
}

const (
	nsSheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

	xlsxContentTypes = xmlHd + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`</Types>`

	xlsxPackageRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`

	xlsxWorkbookRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`

	// The style sheet: fonts (0 body, 1 bold), fills (0 and 1 are the
	// two Excel reserves; then header blue and the four period states),
	// borders (0 none, 1 thin grey all round) and the cell formats in the
	// order of the xs constants.
	xlsxStyles = xmlHd + `<styleSheet xmlns="` + nsSheet + `">` +
		`<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/></patternFill></fill></fills>` +
		`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
		`<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right>` +
		`<top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="10">` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="5" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="6" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
)

// workbookXML names the two sheets; the first is the one shown on opening.
func workbookXML(sheets ...string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHd + `<workbook xmlns="` + nsSheet + `" xmlns:r="` + nsR + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, name := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(name), i+1, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	return b.Bytes()
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteXLSX writes the workbook: the summary sheet and the ledger sheet,
// each with a frozen header row and column widths fitted to their text.
// Every cell is a typed value (text, whole number or date), never a
// formula: a topic beginning with = is stored as text. The same summary
// gives the same bytes (the parts carry the as-of day as their time).
func WriteXLSX(w io.Writer, s model.Summary) error {
	z := zip.NewWriter(w)
	when := s.AsOf.Time().Add(12 * time.Hour)
	part := func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: when})
	}
	sumName, ledName := SheetNames(s.Lang)
	for _, p := range []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(xlsxContentTypes)},
		{"_rels/.rels", []byte(xlsxPackageRels)},
		{"docProps/core.xml", []byte(coreProps(s.Title))},
		{"xl/workbook.xml", workbookXML(sumName, ledName)},
		{"xl/_rels/workbook.xml.rels", []byte(xlsxWorkbookRels)},
		{"xl/styles.xml", []byte(xlsxStyles)},
	} {
		fw, err := part(p.name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.body); err != nil {
			return err
		}
	}
	fw, err := part("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	if err := writeSummarySheet(fw, s); err != nil {
		return err
	}
	if fw, err = part("xl/worksheets/sheet2.xml"); err != nil {
		return err
	}
	if err := writeLedgerSheet(fw, s); err != nil {
		return err
	}
	return z.Close()
}

// sheetWriter streams one worksheet's XML.
type sheetWriter struct {
	w      *bufio.Writer
	row    int
	num    []byte
	merges []string
}

// pane freezes the first cols columns and the header row.
type pane struct {
	cols int
}

// newSheet writes everything before the rows: the view with its frozen
// panes and the column widths.
func newSheet(w io.Writer, selected bool, p pane, ws widths, limit, lastCol, rows int) *sheetWriter {
	sw := &sheetWriter{w: bufio.NewWriterSize(w, 64<<10)}
	b := sw.w
	b.WriteString(xmlHd + `<worksheet xmlns="` + nsSheet + `" xmlns:r="` + nsR + `">`)
	fmt.Fprintf(b, `<dimension ref="A1:%s%d"/>`, colName(lastCol), rows)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`>`)
	topLeft, active := "A2", "bottomLeft"
	if p.cols > 0 {
		topLeft, active = colName(p.cols)+"2", "bottomRight"
		fmt.Fprintf(b, `<pane xSplit="%d" ySplit="1" topLeftCell="%s" activePane="%s" state="frozen"/>`, p.cols, topLeft, active)
	} else {
		fmt.Fprintf(b, `<pane ySplit="1" topLeftCell="%s" activePane="%s" state="frozen"/>`, topLeft, active)
	}
	fmt.Fprintf(b, `<selection pane="%s" activeCell="%s" sqref="%s"/></sheetView></sheetViews>`, active, topLeft, topLeft)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, w := range ws {
		fmt.Fprintf(b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, min(max(w+2, 6), limit))
	}
	b.WriteString(`</cols><sheetData>`)
	return sw
}

// add writes the next row; height 0 leaves the row's height to the reader.
func (sw *sheetWriter) add(cells []xcell, height int) {
	sw.row++
	b := sw.w
	b.WriteString(`<row r="`)
	sw.int(sw.row)
	if height > 0 {
		b.WriteString(`" ht="`)
		sw.int(height)
		b.WriteString(`" customHeight="1`)
	}
	b.WriteString(`">`)
	for i, c := range cells {
		b.WriteString(`<c r="`)
		b.WriteString(colName(i))
		sw.int(sw.row)
		b.WriteString(`" s="`)
		sw.int(c.style)
		switch v := c.value.(type) {
		case nil:
			b.WriteString(`"/>`)
		case int:
			b.WriteString(`"><v>`)
			sw.int(v)
			b.WriteString(`</v></c>`)
		case model.Date:
			b.WriteString(`"><v>`)
			sw.int(excelSerial(v))
			b.WriteString(`</v></c>`)
		case string:
			if v == "" {
				b.WriteString(`"/>`)
				continue
			}
			b.WriteString(`" t="inlineStr"><is><t xml:space="preserve">`)
			xml.EscapeText(b, []byte(cellText(v)))
			b.WriteString(`</t></is></c>`)
		default:
			panic(fmt.Sprintf("xlsx cell of type %T", v))
		}
	}
	b.WriteString(`</row>`)
}

// merge joins the cells from column first to last in the current row.
func (sw *sheetWriter) merge(first, last int) {
	sw.merges = append(sw.merges, fmt.Sprintf("%s%d:%s%d", colName(first), sw.row, colName(last), sw.row))
}

func (sw *sheetWriter) int(n int) {
	sw.num = strconv.AppendInt(sw.num[:0], int64(n), 10)
	sw.w.Write(sw.num)
}

// end closes the rows, writes the merges and flushes.
func (sw *sheetWriter) end() error {
	b := sw.w
	b.WriteString(`</sheetData>`)
	if len(sw.merges) > 0 {
		fmt.Fprintf(b, `<mergeCells count="%d">`, len(sw.merges))
		for _, m := range sw.merges {
			fmt.Fprintf(b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString(`</mergeCells>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	return b.Flush()
}

// colName is a 0-based column's letters: 0 → A, 26 → AA.
func colName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// excelSerial is a date as Excel counts days: 1 is 1900-01-01, in the
// 1900 date system with its phantom 29 February, so 1970-01-01 is 25569.
func excelSerial(d model.Date) int {
	return int(d.Time().Unix()/86400) + 25569
}

// maxCellChars is the most characters (UTF-16 units) Excel keeps in a cell.
const maxCellChars = 32767

// cellText cuts text Excel could not hold to its limit.
func cellText(s string) string {
	if len(s) <= maxCellChars {
		return s
	}
	n := 0
	for i, r := range s {
		n += utf16.RuneLen(r)
		if n > maxCellChars {
			return s[:i]
		}
	}
	return s
}

// widths fits columns to their widest line: Chinese characters count two,
// as Excel's column unit is about one Latin digit wide.
type widths []int

func (ws widths) fit(col int, s string) {
	// A character is never wider than its UTF-8 bytes, so a string no
	// longer in bytes than the widest so far cannot widen the column:
	// most of ten thousand rows are settled without measuring.
	if len(s) <= ws[col] || ws[col] >= maxColumnWidth {
		return
	}
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		ws[col] = max(ws[col], ansi.StringWidth(line))
	}
}

// maxColumnWidth is the widest a column is made; longer text wraps.
const maxColumnWidth = 60

func writeSummarySheet(w io.Writer, s model.Summary) error {
	head := SummaryColumns(s.Lang)
	fixed := len(head)
	for m := 0; m < 12; m++ {
		head = append(head, model.Month.Label(model.Period{Index: m, Start: model.NewDate(s.Year, time.Month(1+m), 1)}, s.Lang))
	}
	rows := make([][]xcell, len(s.Duties))
	spans := make([][][2]int, len(s.Duties))
	ws := make(widths, len(head))
	for i, h := range head {
		ws.fit(i, h)
	}
	for i, d := range s.Duties {
		missed := model.MissedPeriods(d.DutyYear, s.Lang)
		row := []xcell{
			{xsNumber, i + 1},
			{xsText, d.Duty.Category.Name(s.Lang)},
			{xsText, d.Duty.Title},
			{xsText, d.Requirement},
			{xsNumber, d.Done},
			{xsNumber, d.Required},
			{xsNumber, d.Credited},
			{xsText, d.Status.Name(s.Lang)},
			{xsText, missed},
		}
		for c := 1; c < fixed; c++ {
			if v, ok := row[c].value.(string); ok {
				ws.fit(c, v)
			}
		}
		var months []xcell
		months, spans[i] = monthCells(d)
		rows[i] = append(row, months...)
	}
	// The duty stays in view while scrolling across the months.
	sw := newSheet(w, true, pane{cols: 3}, ws, maxColumnWidth, len(head)-1, len(rows)+1)
	sw.add(headerCells(head), 30)
	for i, row := range rows {
		sw.add(row, 0)
		for _, sp := range spans[i] {
			sw.merge(fixed+sp[0], fixed+sp[1])
		}
	}
	return sw.end()
}

// monthCells lays a duty's periods over the twelve month columns: a month
// is one cell, a quarter, half-year or year is one cell merged across its
// months, each holding the period's record count and coloured by its
// state. Weeks do not fit months, so a weekly duty shows plain counts per
// month and its missed weeks are named in the missed column. A period (or
// month) not reached yet is left blank rather than showing 0. A week
// belongs to the month of its Thursday, as it belongs to the ISO year of
// its Thursday: the week of 29 December 2025 is January's, and the month
// cells add up to the duty's 完成 (weeks before a target's start date,
// which do not count, are left out).
func monthCells(d model.SummaryDuty) ([]xcell, [][2]int) {
	cells := make([]xcell, 12)
	var spans [][2]int
	if d.Target.Cadence == model.Week {
		counts := make([]int, 12)
		reached := make([]bool, 12)
		for _, p := range d.Periods {
			if p.Required() {
				m := p.Start.AddDays(3).Month() - 1
				counts[m] += p.Count
				reached[m] = reached[m] || p.State != model.Upcoming
			}
		}
		for m := range cells {
			cells[m] = xcell{style: xsNumber}
			if reached[m] {
				cells[m].value = counts[m]
			}
		}
		return cells, nil
	}
	for m := range cells {
		cells[m] = xcell{style: xsNumber}
	}
	for _, p := range d.Periods {
		first, last := int(p.Start.Month())-1, int(p.End.Month())-1
		style := stateStyle[p.State]
		var count any = p.Count
		if p.Count == 0 && (p.State == model.Upcoming || p.State == model.Exempt) {
			count = nil // not reached (or not required): blank, not a 0 that reads as missed
		}
		cells[first] = xcell{style, count}
		for m := first + 1; m <= last; m++ {
			cells[m] = xcell{style: style} // covered by the merge; styled so borders and fill run on
		}
		if last > first {
			spans = append(spans, [2]int{first, last})
		}
	}
	return cells, spans
}

func headerCells(head []string) []xcell {
	out := make([]xcell, len(head))
	for i, h := range head {
		out[i] = xcell{xsHeader, h}
	}
	return out
}

func writeLedgerSheet(w io.Writer, s model.Summary) error {
	head := model.LedgerColumns(s.Lang)
	ledger := s.Ledger()
	ws := make(widths, len(head))
	for i, h := range head {
		ws.fit(i, h)
	}
	ws[1] = max(ws[1], 10) // yyyy-mm-dd
	for _, r := range ledger {
		for i, v := range []string{r.Category, r.Duty, r.Basis, r.Topic, r.With, r.Place, r.Note} {
			ws.fit(i+2, v)
		}
	}
	ws[0] = max(ws[0], len(ledger)/10+1)
	sw := newSheet(w, false, pane{}, ws, 50, len(head)-1, len(ledger)+1)
	sw.add(headerCells(head), 24)
	row := make([]xcell, len(head))
	for _, r := range ledger {
		row[0] = xcell{xsNumber, r.No}
		row[1] = xcell{xsDate, r.Date}
		row[2] = xcell{xsText, r.Category}
		row[3] = xcell{xsWrap, r.Duty}
		row[4] = xcell{xsWrap, r.Basis}
		row[5] = xcell{xsWrap, r.Topic}
		row[6] = xcell{xsWrap, r.With}
		row[7] = xcell{xsWrap, r.Place}
		row[8] = xcell{xsWrap, r.Note}
		sw.add(row, 0)
	}
	return sw.end()
}
