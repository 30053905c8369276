package export

import (
	"bytes"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
)

// CoverageSheetName is the workbook's third sheet, written when per-person
// duties have people: people down, per-person duties across, the records
// with each person in each cell, blank where the person is not required.
func CoverageSheetName(lang model.Lang) string {
	if lang == model.English {
		return "Talk coverage"
	}
	return "谈话覆盖"
}

// coverageGrid is the 谈话覆盖 sheet's content.
type coverageGrid struct {
	duties []model.SummaryDuty
	people []string          // labels, in order of first appearance
	count  []map[string]int  // per duty: records with each required person
	short  []map[string]bool // per duty: the people not yet covered
}

// coverageOf gathers the grid, or nil when no per-person duty has anyone
// required.
func coverageOf(s model.Summary) *coverageGrid {
	g := &coverageGrid{}
	seen := map[string]bool{}
	for _, sd := range s.Duties {
		c := sd.Coverage
		if c == nil || len(c.Required) == 0 {
			continue
		}
		counts, short := map[string]int{}, map[string]bool{}
		for _, p := range c.Required {
			counts[p.Label] = p.Count
			if !seen[p.Label] {
				seen[p.Label] = true
				g.people = append(g.people, p.Label)
			}
		}
		for _, m := range c.Missing {
			short[m] = true
		}
		g.duties = append(g.duties, sd)
		g.count = append(g.count, counts)
		g.short = append(g.short, short)
	}
	if len(g.duties) == 0 {
		return nil
	}
	return g
}

func (g *coverageGrid) layout(lang model.Lang) sheetLayout {
	return sheetLayout{CoverageSheetName(lang), len(g.duties), len(g.people) + 2}
}

// withCoverageSheet adds the third worksheet to the content types and the
// workbook's relationships (the sheets are rId1 to rId3, in order, as the
// workbook names them).
func withCoverageSheet(types, rels []byte) ([]byte, []byte) {
	sheet2 := []byte(`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
	sheet3 := bytes.ReplaceAll(sheet2, []byte("sheet2"), []byte("sheet3"))
	types = bytes.Replace(types, sheet2, append(append([]byte{}, sheet2...), sheet3...), 1)
	rels = bytes.Replace(rels, []byte(`Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"`),
		[]byte(`Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"`), 1)
	rels = bytes.Replace(rels, []byte(`</Relationships>`),
		[]byte(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>`), 1)
	return types, rels
}

// write draws the grid: 姓名 and one column per per-person duty; a count
// is green when the person has their N, red when the period is over
// without it, and a person not required is left blank.
func (g *coverageGrid) write(w io.Writer, s model.Summary) error {
	name := "姓名"
	if s.Lang == model.English {
		name = "Name"
	}
	head := []string{name}
	for _, sd := range g.duties {
		head = append(head, sd.Duty.Title+"（"+sd.Requirement+"）")
	}
	ws := make(widths, len(head))
	for i, h := range head {
		ws.fit(i, h)
	}
	for _, p := range g.people {
		ws.fit(0, p)
	}
	for i := 1; i < len(ws); i++ {
		ws[i] = min(ws[i], 24)
	}
	title, header := sheetTitle(s, [2]string{"谈话覆盖情况", "Talk coverage"})
	// The title is merged across the sheet: with one or two duties the
	// columns are widened so that it is not cut (it is set larger).
	total := 0
	for _, x := range ws {
		total += x + 2
	}
	if need := ansi.StringWidth(title) * 13 / 10; total < need {
		for i := 1; i < len(ws); i++ {
			ws[i] += (need - total) / (len(ws) - 1)
		}
	}
	sw := newSheet(w, sheetSpec{paneCols: 1, ws: ws, limit: 60, lastCol: len(head) - 1, rows: len(g.people) + 4,
		filterRows: len(g.people) + 2, header: header})
	sw.title(title)
	cols := sheetWidths(ws, 60)
	sw.add(headerCells(head), max(36, rowHeight(headerCells(head), cols)))
	row := make([]xcell, len(head))
	for _, p := range g.people {
		row[0] = xcell{xsText, p}
		for j, sd := range g.duties {
			n, required := g.count[j][p]
			switch {
			case !required:
				row[j+1] = xcell{xsNumber, nil}
			case !g.short[j][p]:
				row[j+1] = xcell{xsMet, n}
			case sd.Verdict == model.VerdictMissed:
				row[j+1] = xcell{xsMissed, n}
			default:
				row[j+1] = xcell{xsOpen, n}
			}
		}
		sw.add(row, 0)
	}
	// Under the people: each duty's coverage (3/6人), and the names its
	// talks gave that count for no one in the group — what an inspector
	// asks about when a talk in the ledger did not count.
	covered := make([]xcell, len(head))
	outside := make([]xcell, len(head))
	covered[0] = xcell{xsTotal, pick(s.Lang, "覆盖", "Covered")}
	outside[0] = xcell{xsTotal, pick(s.Lang, "名单外", "Not in the group")}
	for j, sd := range g.duties {
		covered[j+1] = xcell{xsTotal, sd.Coverage.Ratio(s.Lang)}
		outside[j+1] = xcell{xsWrap, strings.Join(sd.Coverage.Outside, pick(s.Lang, "、", ", "))}
	}
	sw.add(covered, 0)
	sw.add(outside, rowHeight(outside, cols))
	return sw.end(s.Lang)
}
