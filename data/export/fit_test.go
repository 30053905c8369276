package export

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"taizhang/model"
)

// Texts of the lengths a real ledger holds: a long topic, ten people, a
// short note, a note of 2 000 characters.
var (
	longTopic  = "传达学习《中国共产党纪律处分条例》第三章并结合本科室实际开展讨论交流"
	manyPeople = "张伟、李娜、王芳、刘洋、陈静、杨帆、赵磊、黄丽、周杰、吴敏"
	shortNote  = "谈话时长约40分钟"
	hugeNote   = func() string {
		s := strings.Repeat("本次学习围绕条例第三章逐条展开，结合本科室在公务接待、办公用房和公车使用方面的实际进行对照检查，参会同志逐一发言。", 60)
		return string([]rune(s)[:2000])
	}()
)

// longTextSummary is a year of a study duty whose records carry those
// texts, with evidence on some (so the ledger has its evidence column).
func longTextSummary(t *testing.T) model.Summary {
	t.Helper()
	duty := model.Duty{ID: 1, Title: "组织科室政治理论学习", Category: model.Study}
	var recs []model.Record
	var dates []model.Date
	ev := map[int64][]model.Evidence{}
	for m := 1; m <= 10; m++ {
		d := model.NewDate(2026, time.Month(m), 10)
		dates = append(dates, d)
		r := model.Record{ID: int64(m), DutyID: 1, Date: d, Topic: longTopic, With: manyPeople, Place: "三楼小会议室", Note: shortNote}
		if m == 4 {
			r.Note = hugeNote
		}
		if m%2 == 0 {
			ev[r.ID] = []model.Evidence{{ID: int64(m), RecordID: r.ID, Paper: "科室档案柜第" + strconv.Itoa(m) + "盒"}}
		}
		recs = append(recs, r)
	}
	tr := model.Tracked{Duty: duty, Target: model.Target{Year: 2026, Cadence: model.Month, Min: 1}, Dates: dates}
	ys := model.EvaluateYear(2026, model.Now(model.NewDate(2026, 11, 30)), []model.Tracked{tr})
	s := model.BuildSummary(ys, recs, model.Profile{Name: "王建国", Post: "科长"}, model.Chinese)
	s.Evidence = ev
	return s
}

// The ledger sheet's rows are as high as their wrapped text: read back,
// a row with a long topic and ten people is taller than one line and
// tall enough for its lines at the column's width (a Chinese character
// two units at least), the 2 000-character note's row is as high as a
// row can be, and the columns add up to what prints on A4 landscape at
// a readable size.
func TestXLSXLedgerRowHeights(t *testing.T) {
	s := longTextSummary(t)
	var b bytes.Buffer
	if err := WriteXLSX(&b, s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, sheet := SheetNames(model.Chinese)
	total := 0.0
	width := map[string]float64{}
	for c := 0; c < 10; c++ {
		w, err := f.GetColWidth(sheet, colName(c))
		if err != nil {
			t.Fatal(err)
		}
		width[colName(c)] = w
		total += w
	}
	if total > 170 {
		t.Errorf("the ledger's columns add up to %v: printed on A4 landscape the text would be under 9 pt", total)
	}
	for _, c := range []string{"E", "F", "G", "I"} {
		if width[c] < 10 {
			t.Errorf("column %s is %v wide", c, width[c])
		}
	}
	// The lines a text needs in a column, counting a Chinese character
	// as two units and a column's text as one unit narrower than it.
	need := func(text, col string) int {
		units := 0
		for _, r := range text {
			if utf8.RuneLen(r) > 1 {
				units += 2
			} else {
				units++
			}
		}
		return int(math.Ceil(float64(units) / (width[col] - 1)))
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows[2:] {
		r := i + 3
		h, err := f.GetRowHeight(sheet, r)
		if err != nil {
			t.Fatal(err)
		}
		if row[5] != longTopic {
			t.Fatalf("row %d topic %q", r, row[5])
		}
		lines := max(need(longTopic, "F"), need(manyPeople, "G"), need(row[8], "I"))
		switch {
		case row[8] == hugeNote:
			if h != 409 {
				t.Errorf("row %d (the 2 000-character note) is %v pt high, want Excel's most, 409", r, h)
			}
		case h <= 15 || h < float64(15*lines):
			t.Errorf("row %d is %v pt high, want at least %d lines of 15 pt for its topic, people and note", r, h, lines)
		}
	}
}

func TestMeasureLines(t *testing.T) {
	m := measure{wide: 2, narrow: 1}
	for _, c := range []struct {
		text  string
		width int
		want  int
	}{
		{"", 10, 0},
		{"谈话", 10, 1},
		{"谈话时长约40分钟", 16, 1}, // 7 Chinese, 2 digits: 16
		{"谈话时长约40分钟", 15, 2},
		{"谈话时长约40分钟", 4, 4},
		{"一二三四五六七八九十", 2, 10},
		{"talk with the staff", 10, 2},  // "talk with " / "the staff"
		{"talk with the staff", 8, 3},   // "talk " / "with the " / "staff"
		{"abcdefghijklmnopqrst", 10, 2}, // a word wider than the line breaks at its edge
		{"第一行\n第二行", 20, 2},             // a line of its own each
		{"第一行\n\n第三行", 20, 3},           // an empty line is a line
		{"一二三四五六七八九十", 1, 10},           // never narrower than one character
		{"学习《行政处罚法》 and more", 12, 3},   // 学习《行政 / 处罚法》 and / more
	} {
		if got := m.lines(c.text, c.width); got != c.want {
			t.Errorf("lines(%q, %d) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}

// fitColumns keeps within the total and the columns' bounds, gives the
// room to the column whose text needs it, and does not let one very long
// cell take it all.
func TestFitColumns(t *testing.T) {
	cols := []column{{min: 4, max: 4}, {min: 4, max: 100}, {min: 4, max: 100}, {min: 4, max: 100}}
	// Thirty rows: a long text in column 1, a short one in 2; one row has a
	// huge (capped) text in column 3.
	var cells [][]int
	for r := 0; r < 30; r++ {
		row := []int{4, 40, 6, 0}
		if r == 3 {
			row[3] = 100
		}
		cells = append(cells, row)
	}
	w := fitColumns(cols, cells, 60, 1)
	sum := 0
	for i, x := range w {
		sum += x
		if x < cols[i].min || x > cols[i].max {
			t.Errorf("column %d is %d, outside %d..%d", i, x, cols[i].min, cols[i].max)
		}
	}
	if sum > 60 {
		t.Errorf("widths %v add up to %d, over 60", w, sum)
	}
	if w[2] != 6 {
		t.Errorf("the short column is %d, want its text's 6: %v", w[2], w)
	}
	// Every row's 40 on one line (30 lines) and the long cell in 10 (10
	// lines) beats 2 lines a row and the long cell in 4: the widening
	// the column needs is paid for by the long cell's.
	if w[1] < 40 || w[3] < 10 {
		t.Errorf("widths %v: want the column every row needs on one line (40) and the long cell what is left", w)
	}
	// Mins that do not fit are scaled down to the total.
	if w := fitColumns(cols, cells, 8, 1); w[0]+w[1]+w[2]+w[3] > 8 {
		t.Errorf("scaled widths %v", w)
	}
}

// The summary sheet's 22 columns print on A4 landscape at a readable size
// (they added up to about 250 units, shrinking the print to 55%): the
// wrapping columns share what the months leave, and a row is as high as
// its wrapped basis, requirement or status.
func TestXLSXSummaryFitsPage(t *testing.T) {
	s := longTextSummary(t)
	s.Duties[0].Duty.Basis = "《中国共产党支部工作条例（试行）》第十九条、《关于新形势下党内政治生活的若干准则》（中央规定）"
	var b bytes.Buffer
	if err := WriteXLSX(&b, s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, _ := SheetNames(model.Chinese)
	total := 0.0
	for c := 0; c < 22; c++ {
		w, _ := f.GetColWidth(sheet, colName(c))
		total += w
	}
	if total > 190 {
		t.Errorf("the summary's columns add up to %v: printed on A4 landscape the text would be under 8 pt", total)
	}
	basis, _ := f.GetColWidth(sheet, "D")
	if h, _ := f.GetRowHeight(sheet, 3); h < 15*math.Ceil(float64(2*len([]rune(s.Duties[0].Duty.Basis)))/(basis-1)) {
		t.Errorf("the duty's row is %v pt high for a basis of %d characters in a column %v wide", h, len([]rune(s.Duties[0].Duty.Basis)), basis)
	}
}
