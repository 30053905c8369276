package export

import (
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

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

// xlsxStyles are the cell styles of the workbook.
type xlsxStyles struct {
	header, text, wrap, number, date int
	state                            map[model.PeriodState]int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	dateFmt := "yyyy-mm-dd"
	var st xlsxStyles
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		s.Border = border
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	top := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: wrap}
	}
	st.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	st.text = mk(&excelize.Style{Alignment: top("left", false)})
	st.wrap = mk(&excelize.Style{Alignment: top("left", true)})
	st.number = mk(&excelize.Style{Alignment: top("center", false)})
	st.date = mk(&excelize.Style{Alignment: top("center", false), CustomNumFmt: &dateFmt})
	// Period cells are coloured by state, as on the dashboard.
	st.state = map[model.PeriodState]int{}
	for state, color := range map[model.PeriodState]string{model.Met: "C6EFCE", model.Missed: "FFC7CE", model.Open: "FFEB9C", model.Exempt: "EDEDED"} {
		st.state[state] = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
	}
	st.state[model.Upcoming] = st.number
	return st, err
}

// WriteXLSX writes the workbook: the summary sheet and the ledger sheet,
// each with a frozen header row and column widths fitted to their text.
// Every cell is a typed value (text, whole number or date), never a
// formula: a topic beginning with = is stored as text.
func WriteXLSX(w io.Writer, s model.Summary) error {
	f := excelize.NewFile()
	defer f.Close()
	sumName, ledName := SheetNames(s.Lang)
	if err := f.SetSheetName("Sheet1", sumName); err != nil {
		return err
	}
	if _, err := f.NewSheet(ledName); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	if err := writeSummarySheet(f, sumName, s, st); err != nil {
		return err
	}
	if err := writeLedgerSheet(f, ledName, s, st); err != nil {
		return err
	}
	// The summary sheet is already the active one. (SetActiveSheet here
	// would parse the streamed sheets back into memory and serialise them
	// again, which quadruples the time.)
	return f.Write(w)
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

func (ws widths) apply(sw *excelize.StreamWriter, limit int) error {
	for i, w := range ws {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w+2, 6), limit))); err != nil {
			return err
		}
	}
	return nil
}

func writeSummarySheet(f *excelize.File, name string, s model.Summary, st xlsxStyles) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	head := SummaryColumns(s.Lang)
	fixed := len(head)
	for m := 0; m < 12; m++ {
		head = append(head, model.Month.Label(model.Period{Index: m, Start: model.NewDate(s.Year, time.Month(1+m), 1)}, s.Lang))
	}
	rows := make([][]any, len(s.Duties))
	ws := make(widths, len(head))
	for i, h := range head {
		ws.fit(i, h)
	}
	var merges [][2]string
	for i, d := range s.Duties {
		missed := model.MissedPeriods(d.DutyYear, s.Lang)
		row := []any{
			excelize.Cell{StyleID: st.number, Value: i + 1},
			excelize.Cell{StyleID: st.text, Value: d.Duty.Category.Name(s.Lang)},
			excelize.Cell{StyleID: st.text, Value: d.Duty.Title},
			excelize.Cell{StyleID: st.text, Value: d.Requirement},
			excelize.Cell{StyleID: st.number, Value: d.Done},
			excelize.Cell{StyleID: st.number, Value: d.Required},
			excelize.Cell{StyleID: st.number, Value: d.Credited},
			excelize.Cell{StyleID: st.text, Value: d.Status.Name(s.Lang)},
			excelize.Cell{StyleID: st.text, Value: missed},
		}
		for c := 1; c < fixed; c++ {
			if v, ok := row[c].(excelize.Cell).Value.(string); ok {
				ws.fit(c, v)
			}
		}
		months, spans := monthCells(d, st)
		row = append(row, months...)
		for _, sp := range spans {
			a, _ := excelize.CoordinatesToCellName(fixed+sp[0]+1, i+2)
			b, _ := excelize.CoordinatesToCellName(fixed+sp[1]+1, i+2)
			merges = append(merges, [2]string{a, b})
		}
		rows[i] = row
	}
	if err := ws.apply(sw, maxColumnWidth); err != nil {
		return err
	}
	// The duty stays in view while scrolling across the months.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(head, st.header), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
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
func monthCells(d model.SummaryDuty, st xlsxStyles) ([]any, [][2]int) {
	cells := make([]any, 12)
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
			cells[m] = excelize.Cell{StyleID: st.number}
			if reached[m] {
				cells[m] = excelize.Cell{StyleID: st.number, Value: counts[m]}
			}
		}
		return cells, nil
	}
	for _, p := range d.Periods {
		first, last := int(p.Start.Month())-1, int(p.End.Month())-1
		style := st.state[p.State]
		var count any = p.Count
		if p.Count == 0 && (p.State == model.Upcoming || p.State == model.Exempt) {
			count = nil // not reached (or not required): blank, not a 0 that reads as missed
		}
		cells[first] = excelize.Cell{StyleID: style, Value: count}
		for m := first + 1; m <= last; m++ {
			cells[m] = excelize.Cell{StyleID: style} // covered by the merge; styled so borders and fill run on
		}
		if last > first {
			spans = append(spans, [2]int{first, last})
		}
	}
	return cells, spans
}

func headerCells(head []string, style int) []any {
	out := make([]any, len(head))
	for i, h := range head {
		out[i] = excelize.Cell{StyleID: style, Value: h}
	}
	return out
}

func writeLedgerSheet(f *excelize.File, name string, s model.Summary, st xlsxStyles) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
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
	if err := ws.apply(sw, 50); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(head, st.header), excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	row := make([]any, len(head))
	for i, r := range ledger {
		row[0] = excelize.Cell{StyleID: st.number, Value: r.No}
		row[1] = excelize.Cell{StyleID: st.date, Value: r.Date.Time()}
		row[2] = excelize.Cell{StyleID: st.text, Value: r.Category}
		row[3] = excelize.Cell{StyleID: st.wrap, Value: r.Duty}
		row[4] = excelize.Cell{StyleID: st.wrap, Value: r.Basis}
		row[5] = excelize.Cell{StyleID: st.wrap, Value: r.Topic}
		row[6] = excelize.Cell{StyleID: st.wrap, Value: r.With}
		row[7] = excelize.Cell{StyleID: st.wrap, Value: r.Place}
		row[8] = excelize.Cell{StyleID: st.wrap, Value: r.Note}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}
