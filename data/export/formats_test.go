package export

import (
	"archive/zip"
	"bytes"

	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"

	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"taizhang/model"
)

func render(t *testing.T, f Format, lang model.Lang) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, f, summaryOf(t, fixedLedger(t), fixedToday, lang)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestXLSX(t *testing.T) {
	raw := render(t, Excel, model.Chinese)
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "汇总" || got[1] != "台账" {
		t.Fatalf("sheets = %q", got)
	}
	sum, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) != 2+7+2 {
		t.Errorf("汇总 has %d rows, want a title, a header, 7 duties, 合计 and the legend", len(sum))
	}
	if sum[0][0] != "张三（副局长）2026年度履职情况汇总（截至2027年1月15日）" {
		t.Errorf("汇总 title = %q", sum[0][0])
	}
	wantHead := append(SummaryColumns(model.Chinese), "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月")
	if strings.Join(sum[1], ",") != strings.Join(wantHead, ",") {
		t.Errorf("汇总 header = %q", sum[1])
	}
	// 依据 is in 汇总; the status is in words; a missed month is marked ✗.
	if r := sum[2]; r[2] != "会前学法" || r[3] != "《2022年党风廉政建设工作计划》第4条" || r[5] != "11" || r[7] != "10" ||
		r[8] != "未达标" || r[9] != "8月、10月" || r[10+7] != "0 ✗" || r[10] != "1 ✓" {
		t.Errorf("会前学法 row = %q", r)
	}
	if r := sum[9]; r[1] != "合计" || r[5] != "32" || r[6] != "35" || r[7] != "30" || r[8] != "完成率85.7%" {
		t.Errorf("合计 row = %q", r)
	}
	if !strings.HasPrefix(sum[10][0], "说明：") {
		t.Errorf("no legend under the table: %q", sum[10])
	}
	// In a mid-year summary the months not reached are blank, not a 0
	// that reads as missed; June, reached, shows its count.
	var mid bytes.Buffer
	if err := Render(&mid, Excel, summaryOf(t, fixedLedger(t), model.NewDate(2026, 6, 30), model.Chinese)); err != nil {
		t.Fatal(err)
	}
	fm, err := excelize.OpenReader(&mid)
	if err != nil {
		t.Fatal(err)
	}
	defer fm.Close()
	for cell, want := range map[string]string{"P2": "6月", "Q2": "7月", "V2": "12月", "P3": "1 ✓", "Q3": "", "V3": ""} {
		if got, _ := fm.GetCellValue("汇总", cell); got != want {
			t.Errorf("mid-year 汇总 %s = %q, want %q", cell, got, want)
		}
	}
	// A quarterly duty's quarters are cells merged across their months.
	merges, err := f.GetMergeCells("汇总")
	if err != nil {
		t.Fatal(err)
	}
	if len(merges) == 0 {
		t.Error("no period is merged across its months")
	}
	led, err := f.GetRows("台账")
	if err != nil {
		t.Fatal(err)
	}
	if len(led) != 2+32 {
		t.Errorf("台账 has %d rows, want a title, a header and 32 records (one before a start date)", len(led))
	}
	if strings.Join(led[1], ",") != "序号,日期,计入期间,类别,事项,主题/内容,对象/参加人员,地点,备注,佐证材料" {
		t.Errorf("台账 header = %q", led[1])
	}
	led = led[1:] // from here on, rows as under the header
	for _, sheet := range []string{"汇总", "台账"} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 2 {
			t.Errorf("%s title and header not frozen: %+v %v", sheet, p, err)
		}
		if w, _ := f.GetColWidth(sheet, "C"); w < 6 {
			t.Errorf("%s column C width %v", sheet, w)
		}
	}
	if w, _ := f.GetColWidth("台账", "E"); w < float64(2*len([]rune("与分管科室负责人提醒谈话")))-1 {
		t.Errorf("台账 duty column is %v wide, too narrow for its Chinese titles", w)
	}
	// Dates are real dates: a serial number with a date format.
	for row := 3; row <= len(led)+1; row++ {
		cell := "B" + strconv.Itoa(row)
		raw, _ := f.GetCellValue("台账", cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("台账", cell)
		if _, err := time.Parse("2006-01-02", shown); err != nil || strings.Contains(raw, "-") {
			t.Fatalf("%s = %q shown as %q: not a date cell", cell, raw, shown)
		}
		style, _ := f.GetCellStyle("台账", cell)
		st, err := f.GetStyle(style)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Fatalf("%s has no date format: %+v", cell, st)
		}
	}
	if led[1][1] != "2026-01-08" || led[3][1] != "2026-02-01" {
		t.Errorf("first dates %q %q", led[1][1], led[3][1])
	}
	// A topic beginning with = stays text; nothing anywhere is a formula.
	found := false
	for r, row := range led {
		for c, v := range row {
			name, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if formula, _ := f.GetCellFormula("台账", name); formula != "" {
				t.Errorf("台账!%s is a formula: %q", name, formula)
			}
			if strings.HasPrefix(v, "=1+2") {
				found = true
				if ct, _ := f.GetCellType("台账", name); ct != excelize.CellTypeInlineString {
					t.Errorf("台账!%s = %q has type %v, want text", name, v, ct)
				}
			}
		}
	}
	if !found {
		t.Error("the =1+2 topic is missing from 台账")
	}
	// The package itself holds no formula element in any sheet.
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			body := readZip(t, zf)
			if bytes.Contains(body, []byte("<f>")) || bytes.Contains(body, []byte("<f ")) {
				t.Errorf("%s holds a formula", zf.Name)
			}
		}
	}
	// English sheet and column names.
	en, err := excelize.OpenReader(bytes.NewReader(render(t, Excel, model.English)))
	if err != nil {
		t.Fatal(err)
	}
	defer en.Close()
	if got := en.GetSheetList(); got[0] != "Summary" || got[1] != "Ledger" {
		t.Errorf("English sheets %q", got)
	}
}

// A weekly duty's records fall in the month of their ISO week's Thursday,
// so the month cells add up to 完成 even for weeks that cross a year's
// or a month's edge.
func TestXLSXWeeklyMonths(t *testing.T) {
	weekly := model.Duty{ID: 1, Title: "周例会", Category: model.Meeting}
	dates := []model.Date{
		model.NewDate(2025, 12, 28), // ISO 2025-W52: not 2026's
		model.NewDate(2025, 12, 29), // 2026-W01, Thursday 1 January
		model.NewDate(2025, 12, 31),
		model.NewDate(2026, 1, 1),
		model.NewDate(2026, 3, 30),  // W14, Thursday 2 April
		model.NewDate(2026, 12, 28), // W53, Thursday 31 December
		model.NewDate(2027, 1, 3),
	}
	tr := model.Tracked{Duty: weekly, Target: model.Target{Year: 2026, Cadence: model.Week, Min: 1}, Dates: dates}
	var recs []model.Record
	for i, d := range dates {
		recs = append(recs, model.Record{ID: int64(i + 1), DutyID: 1, Date: d, Topic: "例会"})
	}
	// From July: the February record is in the ledger and was done, but
	// is not credited.
	late := model.Tracked{Duty: model.Duty{ID: 2, Title: "周学习", Category: model.Study},
		Target: model.Target{Year: 2026, Cadence: model.Week, Min: 1, Start: model.NewDate(2026, 7, 1)},
		Dates:  []model.Date{model.NewDate(2026, 2, 2), model.NewDate(2026, 7, 6)}}
	for _, d := range late.Dates {
		recs = append(recs, model.Record{ID: int64(len(recs) + 1), DutyID: 2, Date: d, Topic: "学习"})
	}
	ys := model.EvaluateYear(2026, model.Now(fixedToday), []model.Tracked{tr, late})
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.BuildSummary(ys, recs, model.Profile{}, model.Chinese)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总")
	if err != nil || len(rows) != 2+2+2 {
		t.Fatalf("汇总: %d rows, %v", len(rows), err)
	}
	rows = rows[1:] // the header, then the duties
	fixed := len(SummaryColumns(model.Chinese))
	monthsOf := func(row []string, wantDone int) []int {
		months := make([]int, 12)
		sum := 0
		for m := range months {
			months[m], _ = strconv.Atoi(row[fixed+m])
			sum += months[m]
		}
		if done, _ := strconv.Atoi(row[5]); done != wantDone || sum != done {
			t.Errorf("%s: 开展次数 %s, month cells %v add up to %d", row[2], row[5], months, sum)
		}
		return months
	}
	byTitle := map[string][]string{rows[1][2]: rows[1], rows[2][2]: rows[2]}
	if months := monthsOf(byTitle["周例会"], 6); months[0] != 3 || months[2] != 0 || months[3] != 1 || months[11] != 2 {
		t.Errorf("month cells %v, want 3 in January, 1 in April, 2 in December", months)
	}
	if months := monthsOf(byTitle["周学习"], 2); months[1] != 1 || months[6] != 1 {
		t.Errorf("周学习 month cells %v, want 1 in February and 1 in July", months)
	}
}

func readZip(t *testing.T, zf *zip.File) []byte {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xmlText parses a part with encoding/xml, failing on any error, and
// returns its character data joined, with the names of its elements.
func xmlText(t *testing.T, name string, body []byte) (string, map[string]int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var text strings.Builder
	elems := map[string]int{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			elems[v.Name.Local]++
		case xml.CharData:
			text.Write(v)
		}
	}
	return text.String(), elems
}

func TestCSV(t *testing.T) {
	raw := render(t, CSV, model.Chinese)
	if !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+32 || strings.Join(rows[0], ",") != "序号,日期,计入期间,类别,事项,主题/内容,对象/参加人员,地点,备注,佐证材料" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	var injected []string
	for _, r := range rows[1:] {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q would be read as a formula", c)
			}
		}
		if r[1] == "2026-03-20" {
			injected = r
		}
	}
	if injected == nil || injected[5] != "'=1+2 学习《行政复议法》" || injected[6] != "'-王五" || injected[7] != "'@会议室" ||
		injected[8] != "备注第一行\n备注第二行" || injected[4] != "会前学法" || injected[2] != "3月" {
		t.Errorf("the injected row reads back as %q", injected)
	}
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "": ""} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
