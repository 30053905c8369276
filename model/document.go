package model

import (
	"fmt"
	"strings"
)

// Layout is the shape of the year-end document: the summary of the duties
// (个人履职情况), or the 述责述廉 report the officer completes.
type Layout string

// The layouts.
const (
	SummaryLayout Layout = "summary"
	ReportLayout  Layout = "report"
)

// ParseLayout reads summary or report (and their Chinese names).
func ParseLayout(s string) (Layout, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "summary", "履职情况":
		return SummaryLayout, true
	case "report", "述责述廉":
		return ReportLayout, true
	}
	return "", false
}

// BlockKind is what a block of the document is, which decides its type
// face and place on the page (GB/T 9704).
type BlockKind int

// The kinds of block.
const (
	TitleBlock      BlockKind = iota // 2号小标宋, centred
	BylineBlock                      // centred under the title, 楷体
	ParaBlock                        // a body paragraph; Lead (（一）会前学法。) in 楷体
	Heading1Block                    // 一、总体情况, 黑体
	Heading2Block                    // （一）开展谈话情况, 楷体
	TableBlock                       // the duties at a glance
	BlankBlock                       // an empty line: room to write
	AttachNoteBlock                  // 附件：履职台账, under the body
	SignatureBlock                   // 署名 with 成文日期 under it (GB/T 9704 §7.3.5.2)
)

// Block is one paragraph, heading or table of a document.
type Block struct {
	Kind BlockKind
	Lead string // a run-in heading before Text: （一）; in English a space follows it
	Text string
	// KeepNext keeps the block on the page of the one after it: a
	// shortfall with the line where its reasons are written.
	KeepNext bool
	Table    *Table
}

// Table is a table of a document: its header, rows, relative column
// widths and the columns set centred.
type Table struct {
	Columns []string
	Rows    [][]string
	Weights []int
	Center  []bool
}

// Attachment is 附件：履职台账, on pages of its own after the body: every
// record of the year.
type Attachment struct {
	Label string // 附件
	Title string // 履职台账
	Table Table
	Empty string // shown instead of the table when there is no record
}

// Document is a year-end document as content, in the order it is read;
// every format (Markdown, text, Word) lays out the same blocks.
type Document struct {
	Summary
	Layout     Layout
	Blocks     []Block
	SignName   string // 署名
	SignDate   string // 成文日期: 2027年1月8日
	Attachment Attachment
}

// Placeholder marks what only the officer can write: 【请填写：学习体会】.
// The check before export counts them, and --strict refuses while any
// remain.
func Placeholder(what string, lang Lang) string {
	if lang == English {
		return "【Fill in: " + what + "】"
	}
	return "【请填写：" + what + "】"
}

// Placeholders counts the placeholders left in the document.
func (d Document) Placeholders() int {
	n := 0
	count := func(s string) {
		n += strings.Count(s, "【请填写：") + strings.Count(s, "【Fill in: ")
	}
	for _, b := range d.Blocks {
		count(b.Lead)
		count(b.Text)
	}
	count(d.SignName)
	return n
}

// BuildDocument lays out the summary s as a document of the given layout,
// signed and dated written (the 成文日期).
func BuildDocument(s Summary, layout Layout, written Date) Document {
	d := Document{Summary: s, Layout: layout}
	d.SignName = s.Signer
	if d.SignName == "" {
		d.SignName = Blank + Blank
	}
	d.SignDate = longDate(written, s.Lang)
	if layout == ReportLayout {
		d.report()
	} else {
		d.summary()
	}
	d.closing()
	d.Attachment = attachment(s)
	return d
}

func (d *Document) add(k BlockKind, lead, text string) {
	d.Blocks = append(d.Blocks, Block{Kind: k, Lead: lead, Text: text})
}

func (d *Document) keep(lead, text string) {
	d.Blocks = append(d.Blocks, Block{Kind: ParaBlock, Lead: lead, Text: text, KeepNext: true})
}

func (d *Document) zh(zh, en string) string {
	if d.Lang == English {
		return en
	}
	return zh
}

// summaryTable is the duties at a glance: number, duty, requirement,
// credited/required and status, the duty column widest. (The weights are
// the twips each column needs in 小四 on a 156 mm line: two characters for
// the number, 全年不少于12次 for the requirement, 10/12（共11次） for the
// progress, 临期 · 全年未达标 on two lines for the status; the duty takes
// the rest.)
func summaryTable(s Summary) *Table {
	cols := []string{s.Columns[0], s.Columns[1], s.Columns[3], s.Columns[4], s.Columns[5]}
	t := &Table{Columns: cols, Weights: []int{700, 3145, 1900, 1600, 1500}, Center: []bool{true, false, false, true, true}}
	if s.Lang == English {
		t.Weights = []int{700, 2545, 2300, 1700, 1600}
	}
	for _, sd := range s.Duties {
		t.Rows = append(t.Rows, []string{sd.Row[0], sd.Row[1], sd.Row[3], sd.Row[4], sd.Row[5]})
	}
	return t
}

// summary is the layout of 个人履职情况 (DESIGN §6).
func (d *Document) summary() {
	s := d.Summary
	d.add(TitleBlock, "", s.Title)
	if s.ProfileLine != "" {
		d.add(BylineBlock, "", s.ProfileLine)
	}
	d.add(BylineBlock, "", s.Period)
	d.add(BlankBlock, "", "")
	d.add(ParaBlock, "", s.Intro)
	d.add(Heading1Block, "", s.Headings[0])
	d.add(ParaBlock, "", s.Overview)
	d.add(Heading1Block, "", s.Headings[1])
	if len(s.Duties) > 0 {
		d.Blocks = append(d.Blocks, Block{Kind: TableBlock, Table: summaryTable(s)})
	}
	for i, sd := range s.Duties {
		// The Chinese sentence names the duty with its verb; the English
		// one needs the title before it.
		lead := "（" + Numeral(i+1, d.Lang) + "）"
		if d.Lang == English {
			lead = sd.Heading + "."
		}
		d.add(ParaBlock, lead, sd.Paragraph)
	}
	d.add(Heading1Block, "", s.Headings[2])
	if s.Partial {
		d.add(Heading2Block, "", d.zh("（一）未达标事项", "(1) Shortfalls"))
	}
	d.missed()
	if s.Partial {
		d.add(Heading2Block, "", d.zh("（二）进度滞后事项", "(2) Behind pace"))
		if len(s.Lagging) == 0 {
			d.add(ParaBlock, "", s.NoneMissed)
		}
		for i, l := range s.Lagging {
			d.add(ParaBlock, "", fmt.Sprintf("%d. %s", i+1, l.Text))
		}
	}
	d.notes(3)
}

// missed lists the missed periods, each kept with the line under which
// the officer writes the reasons.
func (d *Document) missed() {
	s := d.Summary
	if len(s.Missed) == 0 {
		d.add(ParaBlock, "", s.NoneMissed)
	}
	for i, m := range s.Missed {
		d.keep("", fmt.Sprintf("%d. %s", i+1, m.Text))
		d.keep("", s.ReasonPrompt)
		d.add(BlankBlock, "", "")
	}
}

// notes is 说明事项 as section n+1, when there is anything to say.
func (d *Document) notes(n int) {
	if len(d.Summary.Notes) == 0 {
		return
	}
	d.add(Heading1Block, "", fmt.Sprintf(d.zh("%s、说明事项", "%s. Notes"), Numeral(n+1, d.Lang)))
	for _, note := range d.Summary.Notes {
		d.add(ParaBlock, "", note)
	}
}

// closing is the closing line, 附件说明, 署名 and 成文日期.
func (d *Document) closing() {
	if d.Layout == ReportLayout {
		d.add(ParaBlock, "", d.zh("以上报告，请予审议。", "I submit this report for your review."))
	} else {
		d.add(ParaBlock, "", d.zh("特此报告。", "Respectfully submitted."))
	}
	d.add(BlankBlock, "", "")
	d.add(AttachNoteBlock, "", d.zh("附件：履职台账", "Attachment: Duty ledger"))
	d.add(BlankBlock, "", "")
	d.add(SignatureBlock, "", "")
}

// reportGroups are the parts of 二、履行"一岗双责" by category, in order.
var reportGroups = []struct {
	cats   []Category
	zh, en string
}{
	{[]Category{Talk}, "开展谈话情况", "Talks"},
	{[]Category{Lesson}, "党课情况", "Party lessons"}, // a leader gives them, a section chief attends
	{[]Category{Meeting}, "参加和主持会议情况", "Meetings"},
	{[]Category{Report}, "报告工作情况", "Reports"},
	{[]Category{Research}, "调查研究情况", "Research"},
	{[]Category{Education}, "警示教育情况", "Warning education"},
	{[]Category{Other}, "其他履职事项", "Other duties"},
}

// integrity reports whether a duty belongs under 廉洁自律: the personal
// matters report.
func integrity(sd SummaryDuty) bool {
	return strings.Contains(sd.Duty.Title, "个人有关事项")
}

// report is the 述责述廉 skeleton (DESIGN §6): the officer's figures under
// each part, and a placeholder wherever only the officer can write.
func (d *Document) report() {
	s := d.Summary
	en := d.Lang == English
	ph := func(zh, en string) string { return Placeholder(d.zh(zh, en), d.Lang) }
	d.add(TitleBlock, "", fmt.Sprintf(d.zh("%d年度述责述廉报告", "Report on Responsibility and Integrity for %d"), s.Year))
	var byline []string
	for _, f := range [][3]string{{s.Unit, "单位", "unit"}, {s.Post, "职务", "post"}, {s.Signer, "姓名", "name"}} {
		if f[0] != "" {
			byline = append(byline, f[0])
		} else {
			byline = append(byline, ph(f[1], "your "+f[2]))
		}
	}
	sep := "\u3000"
	if en {
		sep = ", "
	} else if s.Unit != "" && s.Post != "" {
		byline[0] += byline[1] // 某某局副局长　张三
		byline = append(byline[:1], byline[2])
	}
	d.add(BylineBlock, "", strings.Join(byline, sep))
	d.add(BlankBlock, "", "")
	when := fmt.Sprintf(d.zh("%d年度", "in %d"), s.Year)
	if s.Partial {
		when = fmt.Sprintf(d.zh("%d年截至%s", "in %d up to %s"), s.Year, shortDate(s.AsOf, s.Year, s.Lang))
	}
	d.add(ParaBlock, "", fmt.Sprintf(d.zh("根据%s要求，现将本人%s履行全面从严治党责任和廉洁自律情况报告如下。",
		"As required by %s, I report on how I carried out my responsibility for strict Party governance and kept to the rules of integrity %s."),
		ph("通知或会议名称", "the notice or meeting"), when))

	var study, integ []SummaryDuty
	rest := map[Category][]SummaryDuty{}
	for _, sd := range s.Duties {
		switch {
		case integrity(sd):
			integ = append(integ, sd)
		case sd.Duty.Category == Study:
			study = append(study, sd)
		default:
			rest[sd.Duty.Category] = append(rest[sd.Duty.Category], sd)
		}
	}
	say := func(sd SummaryDuty) {
		if en {
			d.add(ParaBlock, sd.Duty.Title+":", sd.Paragraph)
		} else {
			d.add(ParaBlock, "", sd.Paragraph)
		}
	}

	d.add(Heading1Block, "", d.zh("一、加强政治理论学习", "1. Political and theoretical study"))
	for _, sd := range study {
		say(sd)
	}
	d.add(ParaBlock, "", ph("学习的主要内容、交流发言和撰写心得体会等情况", "what you studied, your talks and written reflections"))

	d.add(Heading1Block, "", d.zh("二、履行“一岗双责”和全面从严治党责任", "2. One post, two duties: strict Party governance"))
	k := 0
	for _, g := range reportGroups {
		var ds []SummaryDuty
		for _, c := range g.cats {
			ds = append(ds, rest[c]...)
		}
		if len(ds) == 0 {
			continue
		}
		k++
		d.add(Heading2Block, "", fmt.Sprintf(d.zh("（%s）%s", "(%s) %s"), Numeral(k, d.Lang), d.zh(g.zh, g.en)))
		for _, sd := range ds {
			say(sd)
		}
	}
	d.add(ParaBlock, "", ph("分管领域落实全面从严治党责任的其他做法和成效", "what else you did for strict Party governance in your portfolio, and its results"))

	d.add(Heading1Block, "", d.zh("三、廉洁自律情况", "3. Integrity and self-discipline"))
	for _, sd := range integ {
		say(sd)
	}
	d.add(ParaBlock, "", ph("遵守中央八项规定及其实施细则精神、廉洁从政、家风建设等情况",
		"how you kept the eight-point rules, clean conduct in office and your family's conduct"))

	d.add(Heading1Block, "", d.zh("四、存在的问题和不足", "4. Problems and shortcomings"))
	k = 0
	for _, sd := range s.Duties {
		if sd.Shortfall == "" {
			continue
		}
		k++
		// （一） rather than 1.: a shortfall may open with a number (7至10月…)
		d.keep("", fmt.Sprintf(d.zh("（%s）%s。", "(%s) %s."), Numeral(k, s.Lang), sd.Shortfall))
		d.add(ParaBlock, "", ph("原因", "the reasons"))
	}
	for _, l := range s.Lagging {
		k++
		d.keep("", fmt.Sprintf(d.zh("（%s）%s", "(%s) %s"), Numeral(k, s.Lang), l.Text))
		d.add(ParaBlock, "", ph("原因", "the reasons"))
	}
	if k == 0 && len(s.Duties) > 0 {
		d.add(ParaBlock, "", d.zh("台账所列履职事项均已按要求完成。", "Every duty in the ledger was done as required."))
	}
	d.add(ParaBlock, "", ph("其他方面的问题和不足", "other problems and shortcomings"))

	d.add(Heading1Block, "", d.zh("五、下一步打算", "5. Next steps"))
	d.add(ParaBlock, "", ph("下一步的打算和整改措施", "your plans and remedies"))
	if len(s.Notes) > 0 {
		d.add(Heading1Block, "", d.zh("说明事项", "Notes"))
		for _, n := range s.Notes {
			d.add(ParaBlock, "", n)
		}
	}
}

// attachment is 附件：履职台账: every record of the year with where it
// counts; a talk that names nobody leaves a blank to fill.
func attachment(s Summary) Attachment {
	a := Attachment{Label: "附件", Title: "履职台账", Empty: "本期间没有履职记录。"}
	cols := []string{"序号", "日期", "事项", "主题/内容", "对象/参加人员", "地点", "计入", "备注"}
	if s.Lang == English {
		a = Attachment{Label: "Attachment", Title: "Duty ledger", Empty: "No record in the period."}
		cols = []string{"No.", "Date", "Duty", "Topic", "With / reported to", "Place", "Counts for", "Note"}
	}
	// Weights: the twips each column needs in 五号 on a 156 mm line with
	// 1 mm cell margins (序号, 12月20日, 一季度 on one line); the duty takes
	// the most, then the topic.
	a.Table = Table{Columns: cols, Weights: []int{560, 1110, 2100, 1750, 1150, 850, 760, 565},
		Center: []bool{true, true, false, false, false, false, true, false}}
	rows := s.Ledger()
	withEvidence := false
	for _, r := range rows {
		withEvidence = withEvidence || r.Evidence != ""
	}
	if withEvidence {
		// The evidence takes a column of its own, its room taken from the
		// topic, the duty and the note.
		a.Table.Columns = append(a.Table.Columns, map[bool]string{true: "Evidence", false: "佐证材料"}[s.Lang == English])
		a.Table.Weights = []int{560, 1110, 1850, 1400, 1000, 700, 760, 565, 900}
		a.Table.Center = append(a.Table.Center, false)
	}
	for _, r := range rows {
		with := r.With
		if with == "" && r.Kind == Talk {
			with = Blank
		}
		row := []string{fmt.Sprint(r.No), shortDate(r.Date, s.Year, s.Lang), r.Duty, r.Topic, with, r.Place, r.Counts, CleanLine(r.Note)}
		if withEvidence {
			row = append(row, r.Evidence)
		}
		a.Table.Rows = append(a.Table.Rows, row)
	}
	return a
}
