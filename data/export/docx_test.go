package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"taizhang/model"
)

// node is a parsed XML element: enough of a tree to find the numbers
// GB/T 9704 asks for.
type node struct {
	name string
	attr map[string]string
	kids []*node
	text string
}

func parseXML(t *testing.T, name string, body []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch v := tok.(type) {
		case xml.StartElement:
			n := &node{name: v.Name.Local, attr: map[string]string{}}
			for _, a := range v.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(v)
		}
	}
	return root
}

// all returns the descendants of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// first returns the first descendant named name, or an empty node.
func (n *node) first(name string) *node {
	if all := n.all(name); len(all) > 0 {
		return all[0]
	}
	return &node{attr: map[string]string{}}
}

func (n *node) has(name string) bool { return len(n.all(name)) > 0 }

func (n *node) num(t *testing.T, attr string) int {
	t.Helper()
	v, err := strconv.Atoi(n.attr[attr])
	if err != nil {
		t.Fatalf("<%s %s=%q> is not a number", n.name, attr, n.attr[attr])
	}
	return v
}

// plain is the text of n's w:t descendants.
func (n *node) plain() string {
	var b strings.Builder
	for _, tn := range n.all("t") {
		b.WriteString(tn.text)
	}
	return b.String()
}

// docxParts unzips a docx and parses every part.
func docxParts(t *testing.T, raw []byte) map[string]*node {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]*node{}
	for _, zf := range z.File {
		parts[zf.Name] = parseXML(t, zf.Name, readZip(t, zf))
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml"} {
		if _, ok := parts[want]; !ok {
			t.Errorf("missing part %s", want)
		}
	}
	return parts
}

func twipsToMM(tw int) float64 { return float64(tw) * 25.4 / 1440 }

func style(t *testing.T, styles *node, id string) *node {
	t.Helper()
	for _, s := range styles.all("style") {
		if s.attr["styleId"] == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

// paragraphs are the body's paragraphs outside tables, with their text.
func paragraphs(body *node) []*node {
	var out []*node
	for _, k := range body.kids {
		if k.name == "p" {
			out = append(out, k)
		}
	}
	return out
}

func pStyle(p *node) string { return p.first("pStyle").attr["val"] }

// Every number GB/T 9704-2012 sets for the page, the grid, the type and
// the page numbers, read back from the package.
func TestDocxGBT9704(t *testing.T) {
	raw := render(t, Word, model.Chinese)
	parts := docxParts(t, raw)
	doc := parts["word/document.xml"]
	sect := doc.first("sectPr")

	// §5.1, §5.2.1: A4, margins 37/35/28/26 mm, a 版心 of 156 × 225 mm.
	pg := sect.first("pgSz")
	if pg.num(t, "w") != 11906 || pg.num(t, "h") != 16838 {
		t.Errorf("page %s × %s twips, not A4", pg.attr["w"], pg.attr["h"])
	}
	mar := sect.first("pgMar")
	for side, want := range map[string]float64{"top": 37, "bottom": 35, "left": 28, "right": 26} {
		if got := twipsToMM(mar.num(t, side)); math.Abs(got-want) > 0.02 {
			t.Errorf("margin %s %.2f mm, want %v", side, got, want)
		}
	}
	textW := 11906 - mar.num(t, "left") - mar.num(t, "right")
	textH := 16838 - mar.num(t, "top") - mar.num(t, "bottom")
	if math.Abs(twipsToMM(textW)-156) > 0.05 || math.Abs(twipsToMM(textH)-225) > 0.05 {
		t.Errorf("版心 %.1f × %.1f mm", twipsToMM(textW), twipsToMM(textH))
	}

	// §5.2.3: 22 lines of 28 characters, from a grid of lines and characters.
	grid := sect.first("docGrid")
	if grid.attr["type"] != "linesAndChars" {
		t.Errorf("docGrid type %q, want linesAndChars", grid.attr["type"])
	}
	pitch := grid.num(t, "linePitch")
	if textH/pitch != 22 || math.Abs(float64(pitch)/20-28.95) > 0.01 {
		t.Errorf("line pitch %d twips: %d lines", pitch, textH/pitch)
	}
	charPitchPt := 16 + float64(grid.num(t, "charSpace"))/4096
	if n := int(float64(textW) / 20 / charPitchPt); n != 28 {
		t.Errorf("the grid holds %d characters a line (pitch %.3f pt)", n, charPitchPt)
	}

	styles := parts["word/styles.xml"]
	defaults := styles.first("docDefaults")
	if defaults.first("sz").attr["val"] != "32" || defaults.first("rFonts").attr["eastAsia"] != "仿宋_GB2312" {
		t.Errorf("body type: %v %v", defaults.first("sz").attr, defaults.first("rFonts").attr)
	}
	// Latin text is tagged en-US, so numbers and words are not broken
	// as Chinese is; Chinese is tagged zh-CN.
	if l := defaults.first("lang").attr; l["val"] != "en-US" || l["eastAsia"] != "zh-CN" {
		t.Errorf("language tags %v", l)
	}
	if sp := defaults.first("spacing").attr; sp["line"] != strconv.Itoa(pitch) || sp["lineRule"] != "exact" {
		t.Errorf("body lines %v, want exactly %d", sp, pitch)
	}
	normal := style(t, styles, "Normal")
	if normal.first("sz").attr["val"] != "32" || normal.first("ind").attr["firstLineChars"] != "200" {
		t.Error("Normal style: not 三号 with a two-character indent")
	}
	// A 16 pt character drawn narrow enough to fit the grid's pitch, so
	// that LibreOffice gives it one cell; no narrower than 95%.
	if w, _ := strconv.Atoi(normal.first("w").attr["val"]); 16*float64(w)/100 > float64(textW)/20/28 || w < 95 {
		t.Errorf("the body's glyphs are %d%% wide: not within the grid's pitch", w)
	}
	for id, want := range map[string][2]string{
		"Title":           {"方正小标宋简体", "44"},
		"Heading1":        {"黑体", ""},
		"Heading2":        {"楷体_GB2312", ""},
		"Lead":            {"楷体_GB2312", ""},
		"AttachmentLabel": {"黑体", ""},
	} {
		s := style(t, styles, id)
		if f := s.first("rFonts").attr["eastAsia"]; f != want[0] {
			t.Errorf("%s in %q, want %s", id, f, want[0])
		}
		if want[1] != "" && s.first("sz").attr["val"] != want[1] {
			t.Errorf("%s size %s", id, s.first("sz").attr["val"])
		}
	}
	// Table text leaves the grid, so a row is as high as its text.
	for _, id := range []string{"TableText", "LedgerText", "Title"} {
		if v := style(t, styles, id).first("snapToGrid").attr["val"]; v != "0" && id != "LedgerText" {
			t.Errorf("%s snaps to the grid", id)
		}
	}
	// §7.5: page numbers in 4号 half-width 宋体, "— 1 —", the middle of
	// the line 7 mm below the 版心; odd pages right, even pages left,
	// one character in.
	footer := style(t, styles, "Footer")
	if f := footer.first("rFonts").attr; f["ascii"] != "宋体" || f["eastAsia"] != "宋体" || footer.first("sz").attr["val"] != "28" {
		t.Errorf("footer type %v size %v", f, footer.first("sz").attr)
	}
	lineTw, _ := strconv.Atoi(footer.first("spacing").attr["line"])
	below := 35 - twipsToMM(mar.num(t, "footer")+lineTw/2)
	if math.Abs(below-7) > 0.1 {
		t.Errorf("page number %.2f mm below the 版心, want 7", below)
	}
	if !parts["word/settings.xml"].has("evenAndOddHeaders") {
		t.Error("no evenAndOddHeaders: even pages would not get their own footer")
	}
	for name, side := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		f := parts[name]
		p := f.first("p")
		if p.first("jc").attr["val"] != side || p.first("ind").attr[side] != "280" {
			t.Errorf("%s: %v %v", name, p.first("jc").attr, p.first("ind").attr)
		}
		if txt := p.plain(); txt != "— 1 —" || f.first("instrText").text != " PAGE " {
			t.Errorf("%s reads %q", name, txt)
		}
	}
	refs := sect.all("footerReference")
	if len(refs) != 2 || refs[0].attr["type"] != "default" || refs[1].attr["type"] != "even" {
		t.Error("footers are not assigned to odd and even pages")
	}

	body := doc.first("body")
	ps := paragraphs(body)
	if pStyle(ps[0]) != "Title" || ps[0].plain() != "2026年度个人履职情况" {
		t.Errorf("first paragraph %s %q", pStyle(ps[0]), ps[0].plain())
	}
	// The summary table: the duty column widest, one row a duty, the
	// header repeated on each page, rows not split.
	tables := body.all("tbl")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want the summary and the ledger", len(tables))
	}
	cols := tables[0].all("gridCol")
	widest, sum := 0, 0
	for i, c := range cols {
		sum += c.num(t, "w")
		if c.num(t, "w") > cols[widest].num(t, "w") {
			widest = i
		}
	}
	if widest != 1 || sum != textW {
		t.Errorf("summary columns: widest %d, total %d of %d", widest, sum, textW)
	}
	rows := tables[0].all("tr")
	if len(rows) != 8 || !rows[0].has("tblHeader") || len(tables[0].all("cantSplit")) != 8 {
		t.Errorf("summary table: %d rows", len(rows))
	}
	if got := rows[0].plain(); got != "序号事项要求完成情况状态" {
		t.Errorf("summary header %q", got)
	}
	if got := rows[1].plain(); got != "1会前学法每月1次10/12 共11次未达标" {
		t.Errorf("first duty row %q", got)
	}

	// 三、: a shortfall is never parted from the line for its reasons.
	var item, next *node
	for i, p := range ps {
		if p.plain() == "1. 会前学法：8月、10月未开展。" {
			item, next = p, ps[i+1]
		}
	}
	if item == nil || !item.has("keepNext") || next.plain() != "原因及整改措施：" || !next.has("keepNext") {
		t.Error("the first shortfall is not kept with its reasons line")
	}

	// §7.3.4, §7.3.5.2: 附件说明, then the 署名 two characters in from
	// the right and the 成文日期 under it, starting two characters right
	// of the name's start (the date is the longer: it stands two in).
	var note, name, date int
	for i, p := range ps {
		switch p.plain() {
		case "附件：履职台账":
			note = i
		case "张三":
			name = i
		case "2027年1月15日":
			date = i
		}
	}
	if !(note > 0 && name == note+2 && date == name+1) {
		t.Fatalf("附件说明 at %d, 署名 at %d, 成文日期 at %d", note, name, date)
	}
	if ps[note].first("ind").attr["firstLineChars"] == "0" {
		t.Error("附件说明 is not indented two characters")
	}
	nameInd, dateInd := ps[name].first("ind"), ps[date].first("ind")
	// 张三 is 2 characters, 2027年1月15日 6.5 (digits are half-width).
	if ps[name].first("jc").attr["val"] != "right" || nameInd.attr["rightChars"] != "850" || dateInd.attr["rightChars"] != "200" {
		t.Errorf("署名 indent %v, 成文日期 indent %v", nameInd.attr, dateInd.attr)
	}

	// §7.3.7, §8: the attachment on a new page, 附件 in 黑体 at the top
	// left, the title centred on the third line, every record listed.
	var label int
	for i, p := range ps {
		if p.plain() == "附件" {
			label = i
		}
	}
	if label == 0 || pStyle(ps[label]) != "AttachmentLabel" || !ps[label].has("pageBreakBefore") ||
		ps[label+1].plain() != "" || pStyle(ps[label+2]) != "Title" || ps[label+2].plain() != "履职台账" {
		t.Error("the attachment does not start a page with 附件 and its title on the third line")
	}
	ledger := tables[1].all("tr")
	if len(ledger) != 1+32 || !ledger[0].has("tblHeader") {
		t.Errorf("ledger table has %d rows, want a header and 32 records", len(ledger))
	}
	if got := ledger[0].plain(); got != "序号日期事项主题/内容对象/参加人员地点计入备注" {
		t.Errorf("ledger header %q", got)
	}
	// The talk that names nobody leaves a blank; the note is kept.
	text := doc.plain()
	for _, want := range []string{"节前廉洁提醒 <b>&amp; | *加粗*＿＿＿", "备注第一行 备注第二行", "特此报告。"} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	core := parts["docProps/core.xml"]
	if title := core.first("title").text; title != "2026年度个人履职情况" {
		t.Errorf("core title %q", title)
	}
	// Word's 属性 name the officer as the author, as the workbook does, and
	// the as-of day as when it was made.
	if c := core.first("creator").text; c == "" || c != core.first("lastModifiedBy").text || !strings.Contains(text, c) {
		t.Errorf("core creator %q, last modified by %q", c, core.first("lastModifiedBy").text)
	}
	if c := core.first("created").text; !strings.HasSuffix(c, "T00:00:00Z") || core.first("modified").text != c {
		t.Errorf("core created %q", c)
	}
	// The same document makes the same bytes.
	if again := render(t, Word, model.Chinese); !bytes.Equal(raw, again) {
		t.Error("two renderings of one document differ")
	}
}

// The report layout in Word: the skeleton's headings in their faces and
// the placeholders left for the officer.
func TestDocxReport(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDocx(&b, documentOf(t, fixedLedger(t), fixedToday, model.Chinese, model.ReportLayout)); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, b.Bytes())
	ps := paragraphs(parts["word/document.xml"].first("body"))
	styles := map[string]string{}
	var text []string
	for _, p := range ps {
		styles[p.plain()] = pStyle(p)
		text = append(text, p.plain())
	}
	for want, st := range map[string]string{
		"2026年度述责述廉报告":                 "Title",
		"某某市某某局副局长\u3000张三":            "Subtitle",
		"一、加强政治理论学习":                   "Heading1",
		"二、履行“一岗双责”和全面从严治党责任":          "Heading1",
		"三、廉洁自律情况":                     "Heading1",
		"四、存在的问题和不足":                   "Heading1",
		"五、下一步打算":                      "Heading1",
		"（一）开展谈话情况":                    "Heading2",
		"以上报告，请予审议。":                   "Normal",
		"（四）全年未参加警示教育，未达到全年不少于1次的要求。":  "Normal",
		"（二）四季度未参加支部党员大会，未达到每季度1次的要求。": "Normal",
	} {
		got, ok := styles[want]
		if !ok {
			t.Errorf("report lacks %q:\n%s", want, strings.Join(text, "\n"))
			continue
		}
		if got != st {
			t.Errorf("%q in style %s, want %s", want, got, st)
		}
	}
	if n := strings.Count(strings.Join(text, "\n"), "【请填写："); n < 5 {
		t.Errorf("%d placeholders in the report", n)
	}
}

// office finds LibreOffice, or skips: CI installs it (.ci/run).
func office(t *testing.T) string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils to run this check")
	return ""
}

// convert turns files into PDF with LibreOffice in one run, returning the
// PDFs' paths.
func convert(t *testing.T, files map[string][]byte) map[string]string {
	t.Helper()
	soffice := office(t)
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; apt-get install poppler-utils to run this check", tool)
		}
	}
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}
	out := map[string]string{}
	for name, raw := range files {
		src := filepath.Join(dir, name)
		if err := os.WriteFile(src, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, src)
		out[name] = strings.TrimSuffix(src, filepath.Ext(src)) + ".pdf"
	}
	c, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(c, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, msg)
	}
	for name, pdf := range out {
		if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Fatalf("LibreOffice made no PDF of %s (%v): %s", name, err, msg)
		}
	}
	return out
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatalf("pdfinfo gave no page count: %s", out)
	return 0
}

// pdfText is the text of pages first to last (1-based), lines as laid out.
func pdfText(t *testing.T, pdf string, first, last int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-f", fmt.Sprint(first), "-l", fmt.Sprint(last), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// gridProbe is a document of plain Chinese text, to count the lines on a
// page and the characters on a line.
func gridProbe() model.Document {
	d := model.Document{Summary: model.Summary{Lang: model.Chinese, AsOf: fixedToday}}
	// One paragraph of 200 characters: a first line of 26 after the
	// indent, then lines of 28.
	d.Blocks = append(d.Blocks, model.Block{Kind: model.ParaBlock, Text: strings.Repeat("本人列入台账的履职事项", 20)})
	for i := 0; i < 40; i++ {
		d.Blocks = append(d.Blocks, model.Block{Kind: model.ParaBlock, Text: "行"})
	}
	d.Attachment = model.Attachment{Label: "附件", Title: "履职台账", Empty: "无"}
	return d
}

// The documents as LibreOffice lays them out: 28 characters a line and 22
// lines a page on the grid, the page number where §7.5 puts it, the
// summary and the report on the expected number of pages with their text.
func TestDocxLibreOffice(t *testing.T) {
	s := fixedLedger(t)
	var sum, rep, probe bytes.Buffer
	for _, w := range []struct {
		b *bytes.Buffer
		d model.Document
	}{
		{&sum, documentOf(t, s, fixedToday, model.Chinese, model.SummaryLayout)},
		{&rep, documentOf(t, s, fixedToday, model.Chinese, model.ReportLayout)},
		{&probe, gridProbe()},
	} {
		if err := WriteDocx(w.b, w.d); err != nil {
			t.Fatal(err)
		}
	}
	pdfs := convert(t, map[string][]byte{"summary.docx": sum.Bytes(), "report.docx": rep.Bytes(), "probe.docx": probe.Bytes()})

	// The grid: the long paragraph breaks after 26, then 28 characters;
	// page 1 holds 22 lines.
	var lines []string
	for _, l := range strings.Split(pdfText(t, pdfs["probe.docx"], 1, 1), "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, " ", "")); l != "" && !strings.HasPrefix(l, "—") {
			lines = append(lines, l)
		}
	}
	if len(lines) < 3 || len([]rune(lines[0])) != 26 || len([]rune(lines[1])) != 28 {
		t.Errorf("the grid does not give 28 characters a line: %q", lines[:min(3, len(lines))])
	}
	if len(lines) != 22 {
		t.Errorf("page 1 holds %d lines, want 22", len(lines))
	}
	// The page number: "— 1 —" with the middle of its line 7 mm below
	// the 版心 (28 mm above the bottom edge), at the right of page 1.
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", pdfs["probe.docx"], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var yMid, xMax float64
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, ">1</word>") {
			var x0, y0, x1, y1 float64
			fmt.Sscanf(l[strings.Index(l, "xMin"):], `xMin="%g" yMin="%g" xMax="%g" yMax="%g"`, &x0, &y0, &x1, &y1)
			yMid, xMax = (y0+y1)/2, x1
		}
	}
	const ptToMM = 25.4 / 72
	if fromBottom := (841.89 - yMid) * ptToMM; math.Abs(fromBottom-28) > 1.5 {
		t.Errorf("the page number's middle is %.1f mm above the bottom edge, want 28 (7 mm below the 版心)", fromBottom)
	}
	if right := (595.28 - xMax) * ptToMM; right < 26 || right > 26+15 {
		t.Errorf("page 1's number ends %.1f mm from the right edge: not at the right of the 版心", right)
	}

	// The summary of the fixed year: body and attachment, in order.
	pages := pdfPages(t, pdfs["summary.docx"])
	if pages < 4 || pages > 6 {
		t.Errorf("the summary runs to %d pages", pages)
	}
	all := strings.ReplaceAll(pdfText(t, pdfs["summary.docx"], 1, pages), " ", "")
	last := -1
	for _, want := range []string{"2026年度个人履职情况", "一、总体情况", "二、分项完成情况", "三、未达标事项", "特此报告。", "附件：履职台账", "张三", "2027年1月15日", "附件", "履职台账", "王科长"} {
		i := strings.Index(all[last+1:], want)
		if i < 0 {
			t.Errorf("the summary's PDF lacks %q after position %d", want, last)
			continue
		}
		last += 1 + i
	}
	if pages := pdfPages(t, pdfs["report.docx"]); pages < 4 || pages > 7 {
		t.Errorf("the report runs to %d pages", pages)
	}
	if txt := strings.ReplaceAll(pdfText(t, pdfs["report.docx"], 1, 99), " ", ""); !strings.Contains(txt, "以上报告，请予审议。") || !strings.Contains(txt, "【请填写：") {
		t.Error("the report's PDF lacks its closing line or placeholders")
	}
}
