package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"taizhang/model"
)

func TestColName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 8: "I", 20: "U", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := colName(i); got != want {
			t.Errorf("colName(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	for d, want := range map[model.Date]int{
		model.NewDate(1970, 1, 1): 25569,
		model.NewDate(2026, 1, 8): 46030,
		model.NewDate(1900, 3, 1): 61, // after Excel's phantom 29 February 1900
	} {
		if got := excelSerial(d); got != want {
			t.Errorf("excelSerial(%s) = %d, want %d", d, got, want)
		}
	}
}

// Every part of the workbook is well-formed XML, and the same summary
// gives the same bytes.
func TestXLSXPackage(t *testing.T) {
	raw := render(t, Excel, model.Chinese)
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, zf := range z.File {
		names[zf.Name] = true
		_, elems := xmlText(t, zf.Name, readZip(t, zf))
		_ = elems
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		if !names[want] {
			t.Errorf("the workbook has no %s", want)
		}
	}
	if again := render(t, Excel, model.Chinese); !bytes.Equal(raw, again) {
		t.Error("two renderings of one summary differ")
	}
}

// hostileSummary is a year with text no spreadsheet cell should take as
// it is: control characters, an escape sequence, leading spaces, a
// formula, text longer than a cell holds.
func hostileSummary(t *testing.T) (model.Summary, string) {
	t.Helper()
	long := strings.Repeat("长", maxCellChars+100)
	duty := model.Duty{ID: 1, Title: "  会前学法\x01", Category: model.Study}
	tr := model.Tracked{Duty: duty, Target: model.Target{Year: 2026, Cadence: model.Month, Min: 1},
		Dates: []model.Date{model.NewDate(2026, 1, 5), model.NewDate(2026, 2, 5)}}
	recs := []model.Record{
		{ID: 1, DutyID: 1, Date: model.NewDate(2026, 1, 5), Topic: "=HYPERLINK(\"http://x\")", Note: long},
		{ID: 2, DutyID: 1, Date: model.NewDate(2026, 2, 5), Topic: "\x1b[31m红\x1b[0m 学习", With: "张三\x00李四"},
	}
	ys := model.EvaluateYear(2026, model.Now(model.NewDate(2026, 3, 1)), []model.Tracked{tr})
	return model.BuildSummary(ys, recs, model.Profile{}, model.Chinese), long
}

func TestXLSXHostileText(t *testing.T) {
	s, long := hostileSummary(t)
	var b bytes.Buffer
	if err := WriteXLSX(&b, s); err != nil {
		t.Fatal(err)
	}
	raw := b.Bytes()
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		body := readZip(t, zf)
		xmlText(t, zf.Name, body)
		if bytes.ContainsAny(body, "\x00\x01\x1b") {
			t.Errorf("%s holds a control character", zf.Name)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("台账")
	if err != nil || len(rows) != 4 {
		t.Fatalf("台账: %d rows, %v", len(rows), err)
	}
	rows = rows[1:] // the header, then the records
	if got := rows[1][5]; got != "=HYPERLINK(\"http://x\")" {
		t.Errorf("the formula-like topic reads back as %q", got)
	}
	if formula, _ := f.GetCellFormula("台账", "F3"); formula != "" {
		t.Errorf("F3 is a formula: %q", formula)
	}
	note := rows[1][8]
	if n := len(utf16.Encode([]rune(note))); n != maxCellChars || !strings.HasPrefix(long, note) {
		t.Errorf("the long note is %d characters, want it cut to %d", n, maxCellChars)
	}
	sum, err := f.GetRows("汇总")
	if err != nil || len(sum) != 5 || !strings.Contains(sum[2][2], "会前学法") {
		t.Fatalf("汇总 = %q, %v", sum, err)
	}
}

// LibreOffice opens the workbook and reads both sheets as Excel would
// show them: dates as dates, counts as numbers, text as text.
func TestXLSXLibreOffice(t *testing.T) {
	office := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		t.Skip("LibreOffice (soffice) is not installed, so the xlsx was not opened; apt-get install libreoffice-calc-nogui to run this check")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "ledger.xlsx")
	if err := os.WriteFile(src, render(t, Excel, model.Chinese), 0o600); err != nil {
		t.Fatal(err)
	}
	c, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Sheet -1 writes every sheet to its own file: ledger-汇总.csv, ledger-台账.csv.
	cmd := exec.CommandContext(c, office, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`, "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice failed to open the xlsx: %v\n%s", err, out)
	}
	read := func(sheet string) [][]string {
		raw, err := os.ReadFile(filepath.Join(dir, "ledger-"+sheet+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("LibreOffice wrote no %s sheet (%v): %s %v", sheet, err, out, entries)
		}
		rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	sum := read("汇总")
	if len(sum) != 11 || sum[2][2] != "会前学法" || sum[2][5] != "11" || sum[2][9] != "8月、10月" || sum[9][1] != "合计" {
		t.Errorf("LibreOffice reads 汇总 as %q", sum)
	}
	led := read("台账")
	if len(led) != 34 || led[2][1] != "2026-01-08" || led[2][0] != "1" {
		t.Errorf("LibreOffice reads 台账 as %q", led[:min(len(led), 3)])
	}
	for _, r := range led {
		if strings.HasPrefix(r[5], "=1+2") {
			return
		}
	}
	t.Error("the =1+2 topic did not come through as text")
}

// The workbook prints and says whose it is: landscape A4 fitted to the
// width, the title and header rows repeated, a header naming the officer,
// the year and the as-of day, 第N页 共M页 in the footer, an autofilter,
// the properties from the profile, a dimension and columns that match the
// cells.
func TestXLSXPrintable(t *testing.T) {
	raw := render(t, Excel, model.Chinese)
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]*node{}
	for _, zf := range z.File {
		parts[zf.Name] = parseXML(t, zf.Name, readZip(t, zf))
		if zf.Modified.Year() != 2027 {
			t.Errorf("%s is stamped %v, not the as-of day", zf.Name, zf.Modified)
		}
	}
	core := parts["docProps/core.xml"]
	if c := core.first("creator").text; c != "张三" {
		t.Errorf("creator %q, want the officer", c)
	}
	if c := core.first("created").text; c != "2027-01-15T00:00:00Z" || core.first("modified").text != c {
		t.Errorf("created %q", c)
	}
	if strings.Contains(string(readZip(t, z.File[0])), "xuri") {
		t.Error("the workbook names the library's author")
	}
	names := parts["xl/workbook.xml"].all("definedName")
	got := map[string]string{}
	for _, n := range names {
		got[n.attr["name"]+"/"+n.attr["localSheetId"]] = n.text
	}
	for k, want := range map[string]string{
		"_xlnm.Print_Titles/0":    "'汇总'!$1:$2",
		"_xlnm.Print_Titles/1":    "'台账'!$1:$2",
		"_xlnm._FilterDatabase/0": "'汇总'!$A$2:$V$9",
		"_xlnm._FilterDatabase/1": "'台账'!$A$2:$J$34",
	} {
		if got[k] != want {
			t.Errorf("defined name %s = %q, want %q", k, got[k], want)
		}
	}
	for sheet, want := range map[string]struct{ dim, filter, header string }{
		"xl/worksheets/sheet1.xml": {"A1:V11", "A2:V9", "&L张三（副局长）&C2026年度履职情况汇总&R截至2027年1月15日"},
		"xl/worksheets/sheet2.xml": {"A1:J34", "A2:J34", "&L张三（副局长）&C2026年度履职台账&R截至2027年1月15日"},
	} {
		ws := parts[sheet]
		if !ws.has("sheetPr") || ws.first("pageSetUpPr").attr["fitToPage"] != "1" {
			t.Errorf("%s is not fitted to the page", sheet)
		}
		ps := ws.first("pageSetup").attr
		if ps["orientation"] != "landscape" || ps["fitToWidth"] != "1" || ps["fitToHeight"] != "0" || ps["paperSize"] != "9" {
			t.Errorf("%s page setup %v", sheet, ps)
		}
		if h := ws.first("oddHeader").text; h != want.header {
			t.Errorf("%s header %q", sheet, h)
		}
		if f := ws.first("oddFooter").text; f != "&C第&P页 共&N页" {
			t.Errorf("%s footer %q", sheet, f)
		}
		if f := ws.first("autoFilter").attr["ref"]; f != want.filter {
			t.Errorf("%s autofilter %q, want %q", sheet, f, want.filter)
		}
		// The dimension is the range the cells really cover.
		maxRow, maxCol := 0, 0
		for _, c := range ws.all("c") {
			ref := c.attr["r"]
			i := strings.IndexAny(ref, "0123456789")
			row, _ := strconv.Atoi(ref[i:])
			col := 0
			for _, ch := range ref[:i] {
				col = col*26 + int(ch-'A'+1)
			}
			maxRow, maxCol = max(maxRow, row), max(maxCol, col)
		}
		if dim := ws.first("dimension").attr["ref"]; dim != want.dim || dim != "A1:"+colName(maxCol-1)+strconv.Itoa(maxRow) {
			t.Errorf("%s dimension %q, cells reach %s%d", sheet, dim, colName(maxCol-1), maxRow)
		}
		last := 0
		for _, c := range ws.all("col") {
			if n, _ := strconv.Atoi(c.attr["min"]); n <= last {
				t.Errorf("%s: <col> elements out of order at %d", sheet, n)
			} else {
				last = n
			}
		}
	}
}

// The same ledger exported twice through Write gives the same bytes.
func TestXLSXSameBytes(t *testing.T) {
	s := fixedLedger(t)
	dir := t.TempDir()
	var files [2][]byte
	for i := range files {
		o := Options{Year: 2026, AsOf: fixedToday, Today: fixedToday, Format: Excel, Path: filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)),
			Now: time.Date(2027, 1, 15, 9, i, 0, 0, time.Local)}
		path, _, err := Write(ctx, s, o)
		if err != nil {
			t.Fatal(err)
		}
		if files[i], err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two exports of one ledger a minute apart differ")
	}
}
