package export

import (
	"bytes"
	"strings"
	"testing"

	"taizhang/model"
)

// longTextDocx is the Word summary of longTextSummary and its attachment
// table (the document's last).
func longTextDocx(t *testing.T) ([]byte, *node) {
	t.Helper()
	doc := model.BuildDocument(longTextSummary(t), model.SummaryLayout, model.NewDate(2026, 11, 30))
	var b bytes.Buffer
	if err := WriteDocx(&b, doc); err != nil {
		t.Fatal(err)
	}
	tables := docxParts(t, b.Bytes())["word/document.xml"].all("tbl")
	if len(tables) == 0 {
		t.Fatal("the document has no table")
	}
	return b.Bytes(), tables[len(tables)-1]
}

// The attachment's columns are sized by their content: the date as wide
// as 10月10日 on one line and no wider than it needs, the note wide enough
// for 谈话时长约40分钟 on two lines (it had two characters: six lines),
// the topic and the people the widest; the widths fill the text width,
// and every cell is as wide as its grid column.
func TestDocxLedgerColumnWidths(t *testing.T) {
	_, tbl := longTextDocx(t)
	var grid []int
	for _, g := range tbl.all("gridCol") {
		grid = append(grid, g.num(t, "w"))
	}
	rows := tbl.all("tr")
	col := map[string]int{}
	for i, tc := range rows[0].all("tc") {
		col[tc.plain()] = i
		if w := tc.first("tcW").num(t, "w"); i >= len(grid) || w != grid[i] {
			t.Errorf("header cell %d is %d wide, its grid column %v", i, w, grid)
		}
	}
	if len(grid) != 9 || len(col) != 9 {
		t.Fatalf("grid %v, header %v: want nine columns with 佐证材料", grid, col)
	}
	sum := 0
	for _, g := range grid {
		sum += g
	}
	if sum != textWidth {
		t.Errorf("the columns add up to %d twips, want the text width %d", sum, textWidth)
	}
	// 五号 is 10.5 pt: a Chinese character 210 twips, a digit 105; a
	// cell loses 2 × 57 to its margins.
	const wide, digit, margins = 210, 105, 114
	date := grid[col["日期"]]
	if date < 2*wide+4*digit+margins || date > 1500 {
		t.Errorf("the date column is %d twips: want 10月10日 on one line and no more", date)
	}
	if note := grid[col["备注"]]; note < (7*wide+2*digit)/2+margins {
		t.Errorf("the note column is %d twips (%.0f%% of the width): 谈话时长约40分钟 takes more than two lines",
			note, float64(note)*100/float64(textWidth))
	}
	for _, c := range []string{"主题/内容", "对象/参加人员"} {
		if grid[col[c]] <= grid[col["地点"]] || grid[col[c]] <= grid[col["日期"]] {
			t.Errorf("%s is %d twips, not wider than the place and the date: %v", c, grid[col[c]], grid)
		}
	}
}

// A note of 2 000 characters is not squeezed into its column: its cell
// says 见下行 and the note follows in a row of its own across the table,
// which may run onto the next page while the header row repeats; every
// other row is kept whole. Rendered, the document is a dozen pages,
// not thirty.
func TestDocxLedgerLongNote(t *testing.T) {
	raw, tbl := longTextDocx(t)
	rows := tbl.all("tr")
	if !rows[0].has("tblHeader") || !rows[0].has("cantSplit") {
		t.Error("the header row does not repeat on every page")
	}
	found := false
	for i, tr := range rows[1:] {
		cells := tr.all("tc")
		span := tr.first("gridSpan").attr["val"]
		switch {
		case span != "":
			if span != "9" || len(cells) != 1 || tr.has("cantSplit") {
				t.Errorf("row %d spans %q in %d cells (cantSplit %v)", i+1, span, len(cells), tr.has("cantSplit"))
			}
			if got := cells[0].plain(); got != "备注："+hugeNote {
				t.Errorf("the row under the record holds %.40q…", got)
			}
			prev := rows[i].all("tc")
			if prev[7].plain() != "见下行" {
				t.Errorf("the record's note cell says %q", prev[7].plain())
			}
			if !prev[0].has("keepNext") {
				t.Error("the record is not kept with its note")
			}
			found = true
		case !tr.has("cantSplit"):
			t.Errorf("row %d may break across pages", i+1)
		default:
			for _, tc := range cells {
				if strings.Contains(tc.plain(), hugeNote[:30]) {
					t.Errorf("row %d holds the long note in its column", i+1)
				}
			}
		}
	}
	if !found {
		t.Fatal("no row under a record holds the long note")
	}
	pdf := convert(t, map[string][]byte{"long.docx": raw})["long.docx"]
	if n := pdfPages(t, pdf); n > 12 {
		t.Errorf("the summary with a 2 000-character note is %d pages", n)
	}
}

// Whatever the text, the attachment's columns fill the text width, none
// is narrower than its margins, and a text set under its record is one
// the columns could not hold in ledgerMoveLines.
func FuzzLedgerLayout(f *testing.F) {
	f.Add("传达学习《条例》第三章", "张伟、李娜", "谈话时长约40分钟", "a very long English word: internationalisation", 3)
	f.Add("", "", strings.Repeat("长", 3000), "\n\n\t ", 40)
	f.Fuzz(func(t *testing.T, topic, with, note, evidence string, rows int) {
		rows = 1 + abs(rows)%50
		tbl := model.Table{Columns: []string{"序号", "日期", "事项", "主题/内容", "对象/参加人员", "地点", "计入", "备注", "佐证材料"},
			Center: []bool{true, true, false, false, false, false, true, false, false}}
		for r := 0; r < rows; r++ {
			tbl.Rows = append(tbl.Rows, []string{"1", "12月31日", topic[:len(topic)*r/rows], topic, with, evidence, "一季度", note, evidence})
		}
		cols, under := ledgerLayout(&tbl)
		sum := 0
		for _, c := range cols {
			if c < 2*cellMargin {
				t.Fatalf("a column %d twips wide: %v", c, cols)
			}
			sum += c
		}
		if sum != textWidth {
			t.Fatalf("columns %v add up to %d, not %d", cols, sum, textWidth)
		}
		for r, moved := range under {
			for _, c := range moved {
				if ledgerUnits.lines(model.CleanLine(tbl.Rows[r][c]), cols[c]-ledgerPad) <= ledgerMoveLines {
					t.Fatalf("row %d column %d set under its record though it fits", r, c)
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
