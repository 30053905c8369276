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
// columns follow them. 开展次数 is every activity; 应完成 what the
// requirement asks over the year; 已完成 what of that was done (a second
// activity in a month that asks one is not counted twice).
func SummaryColumns(lang model.Lang) []string {
	if lang == model.English {
		return []string{"No.", "Category", "Duty", "Basis", "Requirement", "Activities", "Required", "Done", "Status", "Missed periods"}
	}
	return []string{"序号", "类别", "事项", "依据", "要求", "开展次数", "应完成", "已完成", "状态", "未达标时段"}
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
	xsMet     // a period's count on green, marked ✓
	xsMissed  // on red, marked ✗
	xsOpen    // on yellow
	xsExempt  // on grey
	xsTitle   // the sheet's title row: bold 14 pt, centred
	xsTotal   // the 合计 row's words: bold, top
	xsTotalN  // the 合计 row's numbers: bold, centred
	xsNote    // the legend under the table: wrapped, grey text
)

// stateStyle colours a period cell by its state, as on the dashboard, and
// marks it so a black-and-white print still tells met from missed.
var stateStyle = map[model.PeriodState]int{
	model.Met: xsMet, model.Missed: xsMissed, model.Open: xsOpen, model.Exempt: xsExempt, model.Excused: xsExempt,
	model.Upcoming: xsNumber,
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
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`

	xlsxPackageRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`

	xlsxApp = xmlHd + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>taizhang</Application></Properties>`

	xlsxWorkbookRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`

	// The style sheet: number formats (a date; a count marked ✓ or ✗),
	// fonts (0 body, 1 bold, 2 the title, 3 the grey legend), fills (0
	// and 1 are the two Excel reserves; then header blue and the four
	// period states), borders (0 none, 1 thin grey all round) and the
	// cell formats in the order of the xs constants. Written out once, in
	// a fixed order, so the same ledger gives the same bytes.
	xlsxStyles = xmlHd + `<styleSheet xmlns="` + nsSheet + `">` +
		`<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>` +
		`<numFmt numFmtId="165" formatCode="0&quot; ✓&quot;"/><numFmt numFmtId="166" formatCode="0&quot; ✗&quot;"/></numFmts>` +
		`<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font></fonts>` +
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
		`<cellXfs count="14">` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="165" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="166" fontId="0" fillId="4" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="5" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="0" fillId="6" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>` +
		`<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>` +
		`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
)

// sheetLayout is what the workbook needs to know of a sheet: its name,
// and the range its autofilter covers (header row to last data row).
type sheetLayout struct {
	name          string
	lastCol, rows int // the filter covers A2 to lastCol, rows
}

// workbookXML names the sheets, the first shown on opening, and defines
// for each the range of its autofilter and its print titles (the title
// and header rows, repeated on every printed page).
func workbookXML(sheets ...sheetLayout) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHd + `<workbook xmlns="` + nsSheet + `" xmlns:r="` + nsR + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, sh := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(sh.name), i+1, i+1)
	}
	b.WriteString(`</sheets><definedNames>`)
	for i, sh := range sheets {
		ref := "'" + strings.ReplaceAll(escape(sh.name), "'", "''") + "'!"
		fmt.Fprintf(&b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s$A$2:$%s$%d</definedName>`,
			i, ref, colName(sh.lastCol), sh.rows)
		fmt.Fprintf(&b, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s$1:$2</definedName>`, i, ref)
	}
	b.WriteString(`</definedNames></workbook>`)
	return b.Bytes()
}

// sheetTitle is a sheet's title row and its printed header: whose ledger,
// which year, as of which day.
func sheetTitle(s model.Summary, what [2]string) (title, header string) {
	who := s.Signer
	if s.Post != "" {
		who += "（" + s.Post + "）"
		if s.Lang == model.English {
			who = s.Signer + ", " + s.Post
		}
	}
	asOf := "截至" + model.LongDate(s.AsOf, s.Lang)
	name := fmt.Sprintf("%d年度%s", s.Year, what[0])
	if s.Lang == model.English {
		asOf = "as of " + model.LongDate(s.AsOf, s.Lang)
		name = fmt.Sprintf("%s, %d", what[1], s.Year)
	}
	title = name + "（" + asOf + "）"
	if s.Lang == model.English {
		title = name + " (" + asOf + ")"
	}
	if who != "" {
		if s.Lang == model.English {
			title = strings.TrimSpace(who) + ": " + title
		} else {
			title = who + title
		}
	}
	amp := func(x string) string { return strings.ReplaceAll(model.CleanLine(x), "&", "&&") }
	header = "&L" + amp(who) + "&C" + amp(name) + "&R" + amp(asOf)
	return model.CleanLine(title), header
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
	ledger := s.Ledger()
	cov := coverageOf(s)
	layouts := []sheetLayout{
		{sumName, len(SummaryColumns(s.Lang)) + 12 - 1, len(s.Duties) + 2},
		{ledName, len(model.LedgerColumns(s.Lang)) - 1, len(ledger) + 2},
	}
	types, rels := []byte(xlsxContentTypes), []byte(xlsxWorkbookRels)
	if cov != nil {
		layouts = append(layouts, cov.layout(s.Lang))
		types, rels = withCoverageSheet(types, rels)
	}
	for _, p := range []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", types},
		{"_rels/.rels", []byte(xlsxPackageRels)},
		{"docProps/core.xml", coreProps(s)},
		{"docProps/app.xml", []byte(xlsxApp)},
		{"xl/workbook.xml", workbookXML(layouts...)},
		{"xl/_rels/workbook.xml.rels", rels},
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
	if err := writeLedgerSheet(fw, s, ledger); err != nil {
		return err
	}
	if cov != nil {
		if fw, err = part("xl/worksheets/sheet3.xml"); err != nil {
			return err
		}
		if err := cov.write(fw, s); err != nil {
			return err
		}
	}
	return z.Close()
}

// sheetWriter streams one worksheet's XML.
type sheetWriter struct {
	w      *bufio.Writer
	row    int
	num    []byte
	merges []string
	spec   sheetSpec
}

// sheetSpec is a worksheet's frame: whether it is the one shown first,
// how many columns stay in view, the column widths (at most limit), its
// last column and row, the last row its autofilter covers (the header is
// row 2, under the title), and the header printed on every page.
type sheetSpec struct {
	selected   bool
	paneCols   int
	ws         widths
	limit      int
	lastCol    int
	rows       int
	filterRows int
	header     string
}

// newSheet writes everything before the rows: print settings, the view
// with its frozen title, header and panes, and the column widths in
// ascending order.
func newSheet(w io.Writer, spec sheetSpec) *sheetWriter {
	sw := &sheetWriter{w: bufio.NewWriterSize(w, 64<<10), spec: spec}
	b := sw.w
	b.WriteString(xmlHd + `<worksheet xmlns="` + nsSheet + `" xmlns:r="` + nsR + `">`)
	// Printed, the sheet is fitted to the page's width (as many pages
	// down as it takes).
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	fmt.Fprintf(b, `<dimension ref="A1:%s%d"/>`, colName(spec.lastCol), spec.rows)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if spec.selected {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`>`)
	topLeft, active := "A3", "bottomLeft"
	if spec.paneCols > 0 {
		topLeft, active = colName(spec.paneCols)+"3", "bottomRight"
		fmt.Fprintf(b, `<pane xSplit="%d" ySplit="2" topLeftCell="%s" activePane="%s" state="frozen"/>`, spec.paneCols, topLeft, active)
	} else {
		fmt.Fprintf(b, `<pane ySplit="2" topLeftCell="%s" activePane="%s" state="frozen"/>`, topLeft, active)
	}
	fmt.Fprintf(b, `<selection pane="%s" activeCell="%s" sqref="%s"/></sheetView></sheetViews>`, active, topLeft, topLeft)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, w := range spec.ws {
		fmt.Fprintf(b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, min(max(w+2, 6), spec.limit))
	}
	b.WriteString(`</cols><sheetData>`)
	return sw
}

// title writes the title row, merged across the sheet.
func (sw *sheetWriter) title(text string) {
	cells := make([]xcell, sw.spec.lastCol+1)
	cells[0] = xcell{xsTitle, text}
	sw.add(cells, 28)
	sw.merge(0, sw.spec.lastCol)
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

// end closes the rows and writes the autofilter over the header and
// data rows, the merges, and the page setup: A4 landscape fitted to the
// width, the officer, year and as-of day in the header, 第N页 共M页 in the
// footer.
func (sw *sheetWriter) end(lang model.Lang) error {
	b := sw.w
	b.WriteString(`</sheetData>`)
	fmt.Fprintf(b, `<autoFilter ref="A2:%s%d"/>`, colName(sw.spec.lastCol), sw.spec.filterRows)
	if len(sw.merges) > 0 {
		fmt.Fprintf(b, `<mergeCells count="%d">`, len(sw.merges))
		for _, m := range sw.merges {
			fmt.Fprintf(b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString(`</mergeCells>`)
	}
	footer := "&C第&P页 共&N页"
	if lang == model.English {
		footer = "&CPage &P of &N"
	}
	b.WriteString(`<printOptions horizontalCentered="1"/>` +
		`<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.6" header="0.3" footer="0.3"/>` +
		`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>`)
	xml.EscapeText(b, []byte(sw.spec.header))
	b.WriteString(`</oddHeader><oddFooter>`)
	xml.EscapeText(b, []byte(footer))
	b.WriteString(`</oddFooter></headerFooter></worksheet>`)
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
	var done, required, credited int
	for i, d := range s.Duties {
		missed := model.MissedPeriods(d.DutyYear, s.Lang)
		row := []xcell{
			{xsNumber, i + 1},
			{xsText, d.Duty.Category.Name(s.Lang)},
			{xsWrap, d.Duty.Title},
			{xsWrap, model.CleanLine(d.Duty.Basis)},
			{xsWrap, d.Requirement},
			{xsNumber, d.Done},
			{xsNumber, d.Required},
			{xsNumber, d.Credited},
			{xsWrap, d.Badge(s.Lang)},
			{xsWrap, missed},
		}
		done, required, credited = done+d.Done, required+d.Required, credited+d.Credited
		for c := 1; c < fixed; c++ {
			if v, ok := row[c].value.(string); ok {
				ws.fit(c, v)
			}
		}
		var months []xcell
		months, spans[i] = monthCells(d, s.Lang)
		rows[i] = append(row, months...)
	}
	// The wrapping columns share what the months leave of the page.
	ws = fitSheet(ws, rows, summaryFlexible, 10, maxColumnWidth, summaryWidth)
	total := make([]xcell, len(head))
	for i := range total {
		total[i] = xcell{style: xsTotalN}
	}
	rate := 0.0
	if required > 0 {
		rate = float64(credited) / float64(required) * 100
	}
	total[1] = xcell{xsTotal, pick(s.Lang, "合计", "Total")}
	total[2] = xcell{xsTotal, fmt.Sprintf(pick(s.Lang, "%d项", "%d duties"), len(s.Duties))}
	total[5], total[6], total[7] = xcell{xsTotalN, done}, xcell{xsTotalN, required}, xcell{xsTotalN, credited}
	total[8] = xcell{xsTotal, fmt.Sprintf(pick(s.Lang, "完成率%.1f%%", "%.1f%% done"), rate)}
	legend := make([]xcell, len(head))
	legend[0] = xcell{xsNote, pick(s.Lang,
		"说明：月份栏为各期间的开展次数，✓ 达到要求，✗ 未达到要求，灰底为经说明免于要求或不作要求的期间，空白为尚未到期；已完成按每期要求计入，同一期间多开展的次数不重复计算。",
		"Months: the activities in each period; ✓ met, ✗ missed, grey excused or not required, blank not yet due. Done counts each period up to its requirement: a second activity in a period that asks for one is not counted twice.")}
	title, header := sheetTitle(s, [2]string{"履职情况汇总", "Duty summary"})
	// The duty stays in view while scrolling across the months.
	sw := newSheet(w, sheetSpec{selected: true, paneCols: 3, ws: ws, limit: maxColumnWidth, lastCol: len(head) - 1,
		rows: len(rows) + 4, filterRows: len(rows) + 2, header: header})
	sw.title(title)
	cols := sheetWidths(ws, maxColumnWidth)
	sw.add(headerCells(head), max(30, rowHeight(headerCells(head), cols)))
	for i, row := range rows {
		// Wrapped text gets the lines it needs.
		sw.add(row, rowHeight(row, cols))
		for _, sp := range spans[i] {
			sw.merge(fixed+sp[0], fixed+sp[1])
		}
	}
	sw.add(total, 0)
	sw.add(legend, 32)
	sw.merge(0, len(head)-1)
	return sw.end(s.Lang)
}

// cellUnits measures text in a sheet's cells in tenths of Excel's column
// unit (the width of a digit): a Chinese character is about 2.1 digits.
var cellUnits = measure{wide: 21, narrow: 10}

// lineHeight is the height of one line of 11 pt text, in points, and
// maxRowHeight the most a row can be (Excel's limit).
const (
	lineHeight   = 15
	maxRowHeight = 409
)

// sheetWidths are the columns' widths as the sheet sets them.
func sheetWidths(ws widths, limit int) []int {
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = min(max(w+2, 6), limit)
	}
	return out
}

// rowHeight is the height in points a row of wrapped cells needs at the
// columns' widths (the headers' and the wrapped cells' lines), or 0 when
// one line is enough. Not every reader grows a row to fit its text, and
// none does when it prints: a row left at one line hides the rest.
func rowHeight(row []xcell, cols []int) int {
	lines := 1
	for i, c := range row {
		text, ok := c.value.(string)
		if !ok || (c.style != xsWrap && c.style != xsHeader) || i >= len(cols) {
			continue
		}
		lines = max(lines, cellUnits.lines(cellText(text), (cols[i]-1)*10))
	}
	if lines == 1 {
		return 0
	}
	return min(lineHeight*lines+3, maxRowHeight)
}

// pick is zh or en by lang.
func pick(lang model.Lang, zh, en string) string {
	if lang == model.English {
		return en
	}
	return zh
}

// monthCells lays a duty's periods over the twelve month columns: a month
// is one cell, a quarter, half-year or year is one cell merged across its
// months, each holding the period's record count and coloured by its
// state. Weeks do not fit months, so a weekly duty shows plain counts per
// month and its missed weeks are named in the missed column. A period (or
// month) not reached yet is left blank rather than showing 0. A week
// belongs to the month of its Thursday, as it belongs to the ISO year of
// its Thursday: the week of 29 December 2025 is January's, and the month
// cells add up to the duty's 开展次数 (weeks not required, before a
// target's start date, included: they were done, though not credited).
func monthCells(d model.SummaryDuty, lang model.Lang) ([]xcell, [][2]int) {
	cells := make([]xcell, 12)
	var spans [][2]int
	if d.Target.Cadence == model.Week {
		counts := make([]int, 12)
		reached := make([]bool, 12)
		for _, p := range d.Periods {
			m := p.Start.AddDays(3).Month() - 1
			counts[m] += p.Count
			reached[m] = reached[m] || p.Count > 0 || (p.Required() && p.State != model.Upcoming)
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
		switch {
		case p.State == model.Excused:
			count = pick(lang, "免", "exc.") // excused: said in words, not by the grey alone
		case p.Count == 0 && (p.State == model.Upcoming || p.State == model.Exempt):
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

// ledgerWidth is the most the ledger's columns add up to, in Excel's
// units: printed on A4 landscape (277 mm between the margins) it is
// shrunk to about 85%, so the text stays about 9 pt.
const ledgerWidth = 165

// ledgerFlexible are the ledger's columns that wrap: the duty, topic,
// people, place, note and evidence; the others (序号, date, period,
// category) are as wide as their text.
var ledgerFlexible = []bool{4: true, 5: true, 6: true, 7: true, 8: true, 9: true}

// summaryWidth is the most the summary's columns add up to: its twelve
// months take 72 of them, and printed it is shrunk to about 75%.
const summaryWidth = 190

// summaryFlexible are the summary's columns that wrap: the duty, basis,
// requirement, status and missed periods.
var summaryFlexible = []bool{2: true, 3: true, 4: true, 8: true, 9: true}

// fitSheet fits a sheet's columns within budget: the short ones to their
// text (ws, at most limit), and the room left shared by the flexible
// ones by what their text needs (fitColumns), each at least least wide
// (or its text's width). The result is the width each column is given, as
// newSheet writes it (the widest line less the two of padding).
func fitSheet(ws widths, rows [][]xcell, flexible []bool, least, limit, budget int) widths {
	const step = 10 // tenths of a unit
	cols := make([]column, len(ws))
	for i, w := range ws {
		natural := min(max(w+2, 6), limit) * step
		cols[i] = column{min: natural, max: natural, pad: step}
		if i < len(flexible) && flexible[i] {
			cols[i].min = min(natural, least*step)
		}
	}
	// A sample of the rows is measured: fitColumns looks at no more.
	stride := sampleStride(len(rows))
	cells := make([][]int, 0, fitSample)
	for r := 0; r < len(rows); r += stride {
		cells = append(cells, make([]int, len(ws)))
		for c, x := range rows[r] {
			if text, ok := x.value.(string); ok && c < len(flexible) && flexible[c] {
				cells[len(cells)-1][c] = min(cellUnits.width(text), fitCap*cellUnits.wide)
			}
		}
	}
	fitted := fitColumns(cols, cells, budget*step, step)
	out := make(widths, len(ws))
	for i, w := range fitted {
		out[i] = w/step - 2
	}
	return out
}

func writeLedgerSheet(w io.Writer, s model.Summary, ledger []model.LedgerRow) error {
	head := model.LedgerColumns(s.Lang)
	ws := make(widths, len(head))
	for i, h := range head {
		ws.fit(i, h)
	}
	ws[1] = max(ws[1], 10) // yyyy-mm-dd
	rows := make([][]xcell, len(ledger))
	for i, r := range ledger {
		with := r.With
		if with == "" && r.Kind == model.Talk {
			with = model.Blank // a talk that names nobody: a blank to fill, as in the Word attachment
		}
		rows[i] = []xcell{
			{xsNumber, r.No},
			{xsDate, r.Date},
			{xsNumber, r.Counts},
			{xsText, r.Category},
			{xsWrap, r.Duty},
			{xsWrap, r.Topic},
			{xsWrap, with},
			{xsWrap, r.Place},
			{xsWrap, r.Note},
			{xsWrap, r.Evidence},
		}
		for c, v := range []string{r.Counts, r.Category, r.Duty, r.Topic, with, r.Place, r.Note, r.Evidence} {
			ws.fit(c+2, v)
		}
	}
	ws[0] = max(ws[0], len(ledger)/10+1)
	ws = fitSheet(ws, rows, ledgerFlexible, 10, 50, ledgerWidth)
	cols := sheetWidths(ws, 50)
	title, header := sheetTitle(s, [2]string{"履职台账", "Duty ledger"})
	sw := newSheet(w, sheetSpec{ws: ws, limit: 50, lastCol: len(head) - 1, rows: len(ledger) + 2, filterRows: len(ledger) + 2, header: header})
	sw.title(title)
	sw.add(headerCells(head), max(24, rowHeight(headerCells(head), cols)))
	for _, row := range rows {
		// Each row is as high as its longest wrapped text: a long topic,
		// list of people or note prints whole rather than hidden under
		// the next row.
		sw.add(row, rowHeight(row, cols))
	}
	return sw.end(s.Lang)
}
