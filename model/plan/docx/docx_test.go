package docx_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	"taizhang/model"
	"taizhang/model/plan/docx"
	"taizhang/model/plan/docx/docxtest"
)

// read is Text on a built document, failing the test on an error.
func read(t *testing.T, d *docxtest.Doc) []string {
	t.Helper()
	s, err := docx.Text(d.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(s, "\n")
}

func same(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// The formats Word numbers headings and lists in, drawn as Word draws them.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		format, text string
		start        int
		want         []string // the first three, then the 11th, 20th and 21st
	}{
		{"decimal", "%1.", 1, []string{"1.", "2.", "3.", "11.", "20.", "21."}},
		{"decimal", "%1、", 1, []string{"1、", "2、", "3、", "11、", "20、", "21、"}},
		{"decimal", "（%1）", 1, []string{"（1）", "（2）", "（3）", "（11）", "（20）", "（21）"}},
		{"decimal", "(%1)", 1, []string{"(1)", "(2)", "(3)", "(11)", "(20)", "(21)"}},
		{"decimalFullWidth", "%1．", 1, []string{"１．", "２．", "３．", "１１．", "２０．", "２１．"}},
		{"decimalEnclosedCircle", "%1", 1, []string{"①", "②", "③", "⑪", "⑳", "21"}},
		{"decimalEnclosedCircleChinese", "%1", 1, []string{"①", "②", "③", "⑪", "⑳", "21"}},
		{"decimalEnclosedParen", "%1", 1, []string{"⑴", "⑵", "⑶", "⑾", "⒇", "21"}},
		{"decimalZero", "%1.", 1, []string{"01.", "02.", "03.", "11.", "20.", "21."}},
		{"chineseCounting", "%1、", 1, []string{"一、", "二、", "三、", "十一、", "二十、", "二十一、"}},
		{"chineseCounting", "（%1）", 1, []string{"（一）", "（二）", "（三）", "（十一）", "（二十）", "（二十一）"}},
		{"chineseCountingThousand", "第%1条", 1, []string{"第一条", "第二条", "第三条", "第十一条", "第二十条", "第二十一条"}},
		{"chineseCountingThousand", "%1、", 99, []string{"九十九、", "一百、", "一百零一、", "一百零九、", "一百一十八、", "一百一十九、"}},
		{"taiwaneseCountingThousand", "%1、", 1, []string{"一、", "二、", "三、", "十一、", "二十、", "二十一、"}},
		{"ideographTraditional", "%1、", 1, []string{"甲、", "乙、", "丙、", "11、", "20、", "21、"}},
		{"ideographZodiac", "%1.", 1, []string{"子.", "丑.", "寅.", "戌.", "20.", "21."}},
		{"chineseLegalSimplified", "%1、", 1, []string{"壹、", "贰、", "叁、", "壹拾壹、", "贰拾、", "贰拾壹、"}},
		{"ideographDigital", "%1", 1, []string{"一", "二", "三", "一一", "二〇", "二一"}},
		{"upperLetter", "%1.", 1, []string{"A.", "B.", "C.", "K.", "T.", "U."}},
		{"lowerRoman", "%1)", 1, []string{"i)", "ii)", "iii)", "xi)", "xx)", "xxi)"}},
		{"bullet", "", 1, []string{"", "", "", "", "", ""}},
		{"none", "附%1", 1, []string{"附", "附", "附", "附", "附", "附"}},
		{"ordinal", "%1", 1, []string{"1", "2", "3", "11", "20", "21"}},
	}
	for _, tt := range tests {
		t.Run(tt.format+" "+tt.text, func(t *testing.T) {
			d := &docxtest.Doc{}
			d.Abstract(0, docxtest.Level{Format: tt.format, Text: tt.text, Start: tt.start, Restart: -1, Suffix: "nothing"})
			d.Num(1, 0, nil)
			for i := 1; i <= 21; i++ {
				d.Body.WriteString(docxtest.NumP(1, 0, "事项"))
			}
			got := read(t, d)
			picked := []string{got[0], got[1], got[2], got[10], got[19], got[20]}
			var want []string
			for _, w := range tt.want {
				want = append(want, w+"事项")
			}
			same(t, picked, want...)
		})
	}
}

// An outline 一、 （一） 1. （1）: each level restarts under the one above
// it, a level set never to restart runs on, a list instance with a start
// override restarts, two instances of one definition continue each other,
// and a number at level 3 draws the levels above it (%1.%2.%3).
func TestNumberingLevels(t *testing.T) {
	outline := func(d *docxtest.Doc, restart2 int) {
		d.Abstract(0,
			docxtest.Level{Format: "chineseCounting", Text: "%1、", Restart: -1, Suffix: "nothing"},
			docxtest.Level{Format: "chineseCounting", Text: "（%2）", Restart: -1, Suffix: "nothing"},
			docxtest.Level{Format: "decimal", Text: "%3.", Restart: restart2, Suffix: "nothing"},
			docxtest.Level{Format: "decimal", Text: "%1.%2.%3.%4", Restart: -1, Suffix: "space", Legal: true})
	}
	t.Run("levels restart", func(t *testing.T) {
		d := &docxtest.Doc{}
		outline(d, -1)
		d.Num(1, 0, nil)
		for _, p := range [][2]int{{0, 0}, {1, 0}, {2, 0}, {2, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 0}, {0, 0}, {2, 0}, {1, 0}} {
			d.Body.WriteString(docxtest.NumP(1, p[0], "甲"))
		}
		same(t, read(t, d), "一、甲", "（一）甲", "1.甲", "2.甲", "（二）甲", "1.甲", "1.2.1.1 甲", "1.2.1.2 甲", "二、甲", "1.甲", "（一）甲")
	})
	t.Run("a level that never restarts", func(t *testing.T) {
		d := &docxtest.Doc{}
		outline(d, 0)
		d.Num(1, 0, nil)
		for _, l := range []int{1, 2, 2, 1, 2, 0, 2} {
			d.Body.WriteString(docxtest.NumP(1, l, "乙"))
		}
		same(t, read(t, d), "（一）乙", "1.乙", "2.乙", "（二）乙", "3.乙", "一、乙", "4.乙")
	})
	t.Run("start override and continued instances", func(t *testing.T) {
		d := &docxtest.Doc{}
		outline(d, -1)
		d.Num(1, 0, nil)
		d.Num(2, 0, nil)               // the same list continued
		d.Num(3, 0, map[int]int{0: 1}) // restarted at 一
		d.Num(4, 0, map[int]int{2: 7}) // 1. set to start at 7
		d.Body.WriteString(docxtest.NumP(1, 0, "丙") + docxtest.NumP(1, 0, "丙") + docxtest.NumP(2, 0, "丙") +
			docxtest.P("正文") + docxtest.NumP(3, 0, "丙") + docxtest.NumP(3, 0, "丙") +
			docxtest.NumP(4, 2, "丙") + docxtest.NumP(4, 2, "丙") + docxtest.NumP(0, 0, "不编号"))
		same(t, read(t, d), "一、丙", "二、丙", "三、丙", "正文", "一、丙", "二、丙", "7.丙", "8.丙", "不编号")
	})
	t.Run("numbering from the paragraph style", func(t *testing.T) {
		d := &docxtest.Doc{}
		outline(d, -1)
		d.Num(1, 0, nil)
		d.Styles.WriteString(`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`)
		d.Body.WriteString(docxtest.StyleP("1", "总体要求") + docxtest.StyleP("2", "学习") + docxtest.StyleP("2", "谈话") + docxtest.StyleP("1", "保障"))
		same(t, read(t, d), "一、总体要求", "（一）学习", "（二）谈话", "二、保障")
	})
	t.Run("a tab after the number", func(t *testing.T) {
		d := &docxtest.Doc{}
		d.Abstract(0, docxtest.Level{Format: "decimal", Text: "%1.", Restart: -1})
		d.Num(1, 0, nil)
		d.Body.WriteString(docxtest.NumP(1, 0, "每月学法1次"))
		same(t, read(t, d), "1. 每月学法1次")
	})
	t.Run("definitions missing", func(t *testing.T) {
		d := &docxtest.Doc{}
		d.Num(1, 9, nil) // its definition is not there
		d.Body.WriteString(docxtest.NumP(1, 0, "甲") + docxtest.NumP(5, 0, "乙") + docxtest.NumP(1, 12, "丙"))
		same(t, read(t, d), "甲", "乙", "丙")
	})
}

// What Word shows is read; what it does not show, or shows apart from the
// running text, is not.
func TestContent(t *testing.T) {
	d := &docxtest.Doc{}
	r := func(s string) string { return `<w:r><w:t>` + s + `</w:t></w:r>` }
	d.Body.WriteString(
		// a tracked insertion is kept, a deletion is not
		`<w:p>` + r("每月") + `<w:ins w:id="1" w:author="a">` + r("开展") + `</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>组织</w:delText></w:r></w:del>` + r("学法1次") + `</w:p>` +
			// a moved-away copy is not read, the moved-to one is
			`<w:p><w:moveFrom w:id="3" w:author="a">` + r("旧处") + `</w:moveFrom><w:moveTo w:id="4" w:author="a">` + r("新处") + `</w:moveTo></w:p>` +
			// a field: its result, not its instruction
			`<w:p>` + r("见第") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Ref1 \h </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("页") + `</w:p>` +
			`<w:p><w:fldSimple w:instr=" DATE ">` + r("2024年1月5日") + `</w:fldSimple></w:p>` +
			// a footnote's mark and a comment's are not text; the note is elsewhere
			`<w:p>` + r("每季度听取汇报") + `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` + r("1次") + `</w:p>` +
			// a text box inside a drawing, and its VML fallback
			`<w:p>` + r("正文") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent><w:p>` + r("文本框里每周1次") +
			`</w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>` + r("文本框里每周1次") +
			`</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` + r("继续") + `</w:p>` +
			// hidden text
			`<w:p>` + r("可见") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>也可见</w:t></w:r></w:p>` +
			// tabs, breaks and hyphens inside a paragraph
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` + r("甲") + `<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r></w:p>` +
			// math and a content control
			`<w:p><w:sdt><w:sdtContent>` + r("控件内文字") + `</w:sdtContent></w:sdt></w:p>` +
			// a changed paragraph's old numbering is not its numbering
			`<w:p><w:pPr><w:pPrChange w:id="5" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` + r("原来编号") + `</w:p>` +
			`<w:p/>` + r("段外文字") + `<w:p>` + r("末段") + `</w:p>`)
	d.Abstract(0, docxtest.Level{Format: "decimal", Text: "%1.", Restart: -1})
	d.Num(1, 0, nil)
	same(t, read(t, d), "每月开展学法1次", "新处", "见第3页", "2024年1月5日", "每季度听取汇报1次", "正文继续", "可见也可见",
		"甲\t乙\n丙-丁", "控件内文字", "原来编号", "", "末段")
}

// Table rows are lines, cells apart by tabs as in the text form; a cell's
// paragraphs stay in its column, and a table inside a cell is flattened
// into that cell.
func TestTables(t *testing.T) {
	d := &docxtest.Doc{}
	tc := func(s ...string) string {
		out := `<w:tc><w:tcPr><w:tcW w:w="1" w:type="dxa"/></w:tcPr>`
		for _, p := range s {
			out += docxtest.P(p)
		}
		return out + `</w:tc>`
	}
	d.Abstract(0, docxtest.Level{Format: "decimal", Text: "%1", Restart: -1, Suffix: "nothing"})
	d.Num(1, 0, nil)
	numbered := `<w:tc>` + docxtest.NumP(1, 0, "") + `</w:tc>`
	d.Body.WriteString(docxtest.P("表一") + `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid>` +
		`<w:tr><w:trPr/>` + tc("序号") + tc("任务") + tc("频次") + `</w:tr>` +
		`<w:tr>` + numbered + tc("中心组学习") + tc("每月", "1次") + `</w:tr>` +
		`<w:tr>` + numbered + tc("谈话") + `<w:tc><w:tbl><w:tr>` + tc("每季度") + tc("1次") + `</w:tr><w:tr>` + tc("年终") + tc("述职") + `</w:tr></w:tbl></w:tc></w:tr>` +
		`<w:tr>` + tc("") + tc("") + tc("") + `</w:tr>` +
		`</w:tbl>` + docxtest.P("表后"))
	same(t, read(t, d), "表一", "序号\t任务\t频次", "1\t中心组学习\t每月  1次", "2\t谈话\t每季度\t1次  年终\t述职", "\t\t", "表后")
}

// Files that are not a Word document this reader can read are refused with
// one sentence saying what to do.
func TestRefused(t *testing.T) {
	good := docxtest.FromText("一、每月学法1次\n")
	zipOf := func(files map[string]string, method uint16) []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		for name, body := range files {
			w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
		z.Close()
		return buf.Bytes()
	}
	textHeavy := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		strings.Repeat(`<w:p><w:r><w:t>`+strings.Repeat("学", 1000)+`</w:t></w:r></w:p>`, 3000) + `</w:body></w:document>`
	deep := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		strings.Repeat("<w:sdt><w:sdtContent>", 2000) + `</w:body></w:document>`
	locked := *bytes.NewBuffer(nil)
	{
		z := zip.NewWriter(&locked)
		w, _ := z.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Flags: 1, Method: zip.Store})
		w.Write([]byte("secret"))
		z.Close()
	}
	flipped := append([]byte(nil), good...)
	for i := len(flipped) / 3; i < len(flipped)/3+40; i++ {
		flipped[i] ^= 0x5A
	}
	tests := []struct {
		name string
		in   []byte
		says string
	}{
		{"old .doc", docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(false), "1Table": make([]byte, 4096)}), "DocxOldDoc"},
		{"old .doc with a password", docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(true)}), "DocxPassword"},
		{"protected .docx", docxtest.Compound(map[string][]byte{"EncryptionInfo": make([]byte, 4096), "EncryptedPackage": make([]byte, 4096)}), "DocxPassword"},
		{"old .xls", docxtest.Compound(map[string][]byte{"Workbook": make([]byte, 4096)}), "DocxNotWord"},
		{"OLE header only", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 600)), "DocxDamaged"},
		{"zip-encrypted part", locked.Bytes(), "DocxPassword"},
		{"cut short", good[:len(good)/2], "DocxDamaged"},
		{"bytes changed", flipped, "DocxDamaged"},
		{"empty zip", zipOf(nil, zip.Deflate), "DocxNotWord"},
		{"a spreadsheet", zipOf(map[string]string{"xl/workbook.xml": "<workbook/>"}, zip.Deflate), "DocxNotWord"},
		{"not XML", zipOf(map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}, zip.Deflate), "DocxDamaged"},
		{"no body", zipOf(map[string]string{"word/document.xml": `<?xml version="1.0"?><root/>`}, zip.Deflate), "DocxDamaged"},
		{"too deep", zipOf(map[string]string{"word/document.xml": deep}, zip.Deflate), "DocxDamaged"},
		{"zip bomb", bomb(t), "DocxUnpacksTooMuch"},
		{"too much text", zipOf(map[string]string{"word/document.xml": textHeavy}, zip.Deflate), "DocxTextTooBig"},
		{"over 20 MB", append(append([]byte(nil), good...), make([]byte, docx.MaxFile)...), "DocxTooBig"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := docx.Text(tt.in)
			ie, ok := model.AsInput(err)
			if !ok || !errors.Is(err, docx.ErrNotDocx) {
				t.Fatalf("error %v is not an input error", err)
			}
			// The front ends phrase the kind.
			if string(ie.Kind) != tt.says {
				t.Errorf("refusal %v, want the kind %s", err, tt.says)
			}
		})
	}
}

// bomb is a small zip whose document unpacks to 64 MB.
func bomb(t *testing.T) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, err := z.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("每"), 1<<20)
	for range 64 / 3 {
		w.Write(chunk)
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	z.Close()
	if buf.Len() > 1<<20 {
		t.Errorf("the zip bomb is %d bytes, not small", buf.Len())
	}
	return buf.Bytes()
}

// An OLE container whose sector chains or directory loop back on
// themselves is refused, not followed forever.
func TestCompoundLoops(t *testing.T) {
	b := docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(false)})
	le := binary.LittleEndian
	cases := map[string]func(c []byte){
		"stream chain loops":         func(c []byte) { le.PutUint32(c[512+4*2:], 2) },
		"stream chain loops late":    func(c []byte) { le.PutUint32(c[512+4*9:], 2) },
		"directory chain loops":      func(c []byte) { le.PutUint32(c[512+4*1:], 1) },
		"root is its own child":      func(c []byte) { le.PutUint32(c[1024+0x4C:], 0) },
		"entry is its own sibling":   func(c []byte) { le.PutUint32(c[1024+128+0x48:], 1) },
		"stream starts past the end": func(c []byte) { le.PutUint32(c[1024+128+0x74:], 1<<20) },
	}
	for name, spoil := range cases {
		c := append([]byte(nil), b...)
		spoil(c)
		if _, err := docx.Text(c); err == nil {
			t.Errorf("%s: read", name)
		} else if _, ok := model.AsInput(err); !ok {
			t.Errorf("%s: %v is not an input error", name, err)
		}
	}
}
