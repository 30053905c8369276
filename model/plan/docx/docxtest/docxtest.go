// Package docxtest builds Word documents for tests: the parts Word writes
// (content types, relationships, styles, numbering, the document), with
// list numbering as Word stores it (w:numPr on the paragraph or its style,
// w:abstractNum and w:num with overrides). FromText turns a plan text into
// the document an office system would have sent: its 一、 （一） 1. items
// become real list numbering and its tab-separated lines a table.
package docxtest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// Doc is a document being built: raw XML for the body, the numbering
// definitions and the styles.
type Doc struct {
	Body      strings.Builder
	Numbering strings.Builder // w:abstractNum and w:num elements
	Styles    strings.Builder // w:style elements
	NoRels    bool            // leave out the relationship parts
	Extra     map[string]string
}

// Bytes is the .docx file.
func (d *Doc) Bytes() []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			panic(err)
		}
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	put("[Content_Types].xml", head+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`+
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`+
		`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`+
		`</Types>`)
	if !d.NoRels {
		put("_rels/.rels", head+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>`+
			`</Relationships>`)
		put("word/_rels/document.xml.rels", head+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`+
			`</Relationships>`)
	}
	put("word/styles.xml", head+`<w:styles `+ns+`>`+
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>`+
		`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>`+
		d.Styles.String()+`</w:styles>`)
	put("word/numbering.xml", head+`<w:numbering `+ns+`>`+d.Numbering.String()+`</w:numbering>`)
	put("word/document.xml", head+`<w:document `+ns+`><w:body>`+d.Body.String()+
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)
	for name, body := range d.Extra {
		put(name, body)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Runs is text as Word stores it: cut into runs of a few characters, as
// editing leaves it, with spelling marks and a bookmark between them.
func Runs(text string) string {
	var b strings.Builder
	rs := []rune(text)
	for i := 0; i < len(rs); i += 7 {
		j := min(i+7, len(rs))
		if i > 0 && i%21 == 0 {
			b.WriteString(`<w:proofErr w:type="gramStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>`)
		}
		b.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>`)
		for k, part := range strings.Split(string(rs[i:j]), "\t") {
			if k > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				b.WriteString(`<w:t xml:space="preserve">` + html.EscapeString(part) + `</w:t>`)
			}
		}
		b.WriteString(`</w:r>`)
	}
	return b.String()
}

// P is a plain paragraph.
func P(text string) string { return `<w:p>` + Runs(text) + `</w:p>` }

// NumP is a paragraph numbered by list numID at level ilvl.
func NumP(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, ilvl, numID, Runs(text))
}

// StyleP is a paragraph of a style.
func StyleP(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + Runs(text) + `</w:p>`
}

// Level is one level of a list definition.
type Level struct {
	Format, Text string
	Start        int
	Restart      int // w:lvlRestart; -1 leaves it out
	Suffix       string
	Legal        bool // w:isLgl: the numbers of every level in decimal
}

// Abstract writes a list definition.
func (d *Doc) Abstract(id int, levels ...Level) {
	fmt.Fprintf(&d.Numbering, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, id)
	for i, l := range levels {
		fmt.Fprintf(&d.Numbering, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>`, i, max(l.Start, 1), l.Format)
		if l.Restart >= 0 && l.Restart != i {
			fmt.Fprintf(&d.Numbering, `<w:lvlRestart w:val="%d"/>`, l.Restart)
		}
		if l.Legal {
			d.Numbering.WriteString(`<w:isLgl/>`)
		}
		if l.Suffix != "" {
			fmt.Fprintf(&d.Numbering, `<w:suff w:val="%s"/>`, l.Suffix)
		}
		fmt.Fprintf(&d.Numbering, `<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>`+
			`<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`, html.EscapeString(l.Text))
	}
	d.Numbering.WriteString(`</w:abstractNum>`)
}

// Num writes a list instance of a definition, with start overrides by level.
func (d *Doc) Num(id, abstract int, starts map[int]int) {
	fmt.Fprintf(&d.Numbering, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, id, abstract)
	for lvl := 0; lvl < 9; lvl++ {
		if s, ok := starts[lvl]; ok {
			fmt.Fprintf(&d.Numbering, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, lvl, s)
		}
	}
	d.Numbering.WriteString(`</w:num>`)
}

// kinds are the list numbers FromText turns into numbering: the outline
// 一、 （一） 1. （1） is one multi-level list, the others lists of their own.
var kinds = []struct {
	re       *regexp.Regexp
	abstract int
	level    int
	format   string
	text     string
}{
	{regexp.MustCompile(`^([一二三四五六七八九十]+)、`), 1, 0, "chineseCounting", "%1、"},
	{regexp.MustCompile(`^（([一二三四五六七八九十]+)）`), 1, 1, "chineseCounting", "（%2）"},
	{regexp.MustCompile(`^([0-9]+)\.`), 1, 2, "decimal", "%3."},
	{regexp.MustCompile(`^（([0-9]+)）`), 1, 3, "decimal", "（%4）"},
	{regexp.MustCompile(`^([0-9]+)、`), 2, 0, "decimal", "%1、"},
	{regexp.MustCompile(`^([0-9]+)．`), 3, 0, "decimal", "%1．"},
	{regexp.MustCompile(`^\(([0-9]+)\)`), 4, 0, "decimal", "(%1)"},
	{regexp.MustCompile(`^第([一二三四五六七八九十]+)条`), 5, 0, "chineseCountingThousand", "第%1条"},
}

// FromText builds the document an office system sends for a plan text:
// each line a paragraph; a numbered line a list paragraph whose number
// Word draws (the number is taken out of its text); lines holding tabs the
// rows of a table. A number the list would not draw there starts a new
// list instance with a start override, as Word's "set numbering value"
// does; one that cannot be drawn stays as text.
func FromText(text string) []byte {
	d := &Doc{}
	d.Abstract(1,
		Level{Format: "chineseCounting", Text: "%1、", Restart: -1, Suffix: "nothing"},
		Level{Format: "chineseCounting", Text: "（%2）", Restart: -1, Suffix: "nothing"},
		Level{Format: "decimal", Text: "%3.", Restart: -1, Suffix: "nothing"},
		Level{Format: "decimal", Text: "（%4）", Restart: -1, Suffix: "nothing"})
	d.Abstract(2, Level{Format: "decimal", Text: "%1、", Restart: -1, Suffix: "nothing"})
	d.Abstract(3, Level{Format: "decimal", Text: "%1．", Restart: -1, Suffix: "nothing"})
	d.Abstract(4, Level{Format: "decimal", Text: "(%1)", Restart: -1, Suffix: "nothing"})
	d.Abstract(5, Level{Format: "chineseCountingThousand", Text: "第%1条", Restart: -1, Suffix: "nothing"})
	// the outline's first level comes through the heading style, as Word's 标题 1 does
	d.Styles.WriteString(`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>` +
		`<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`)
	nums := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5} // abstract → the list instance in use
	next := 6
	for a := 1; a <= 5; a++ {
		d.Num(a, a, nil)
	}
	// the running counts, as Word keeps them: by definition and level
	counts := map[int]*[9]int{}
	for a := 1; a <= 5; a++ {
		counts[a] = &[9]int{}
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.Contains(l, "\t") {
			d.Body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
			for ; i < len(lines) && strings.Contains(lines[i], "\t"); i++ {
				d.Body.WriteString(`<w:tr>`)
				for _, c := range strings.Split(lines[i], "\t") {
					d.Body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + P(c) + `</w:tc>`)
				}
				d.Body.WriteString(`</w:tr>`)
			}
			d.Body.WriteString(`</w:tbl>`)
			i--
			continue
		}
		done := false
		for _, k := range kinds {
			m := k.re.FindStringSubmatchIndex(l)
			if m == nil || m[1] == len(l) {
				continue
			}
			want := parse(l[m[2]:m[3]])
			if want < 1 {
				continue
			}
			c := counts[k.abstract]
			got := c[k.level] + 1
			numID := nums[k.abstract]
			if got != want {
				numID = next
				next++
				d.Num(numID, k.abstract, map[int]int{k.level: want})
				nums[k.abstract] = numID
			}
			c[k.level] = want
			for j := k.level + 1; j < 9; j++ {
				c[j] = 0
			}
			rest := l[m[1]:]
			if k.abstract == 1 && k.level == 0 && numID == 1 {
				d.Body.WriteString(StyleP("1", rest))
			} else {
				d.Body.WriteString(NumP(numID, k.level, rest))
			}
			done = true
			break
		}
		if !done {
			d.Body.WriteString(P(l))
		}
	}
	return d.Bytes()
}

// parse reads 1 to 99 in digits or Chinese.
func parse(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := func(r rune) int { return strings.IndexRune("零一二三四五六七八九", r) / 3 }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return -1
}

// FIB is the start of a WordDocument stream: its file information block,
// with the encryption flag set or not.
func FIB(encrypted bool) []byte {
	b := make([]byte, 4096)
	binary.LittleEndian.PutUint16(b[0:], 0xA5EC)
	if encrypted {
		binary.LittleEndian.PutUint16(b[10:], 0x0100)
	}
	return b
}

// Compound builds a minimal OLE compound file (the container of .doc files
// and of password-protected Office files) holding the streams given: at
// most three, each a multiple of 512 bytes and at least 4096 bytes long,
// so that none lives in the mini stream.
func Compound(streams map[string][]byte) []byte {
	const sector = 512
	const (
		free   = 0xFFFFFFFF
		end    = 0xFFFFFFFE
		fatSec = 0xFFFFFFFD
	)
	names := make([]string, 0, len(streams))
	for n := range streams {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 3 {
		panic("at most three streams")
	}
	// sector 0: the FAT; sector 1: the directory; then the streams
	fat := make([]uint32, sector/4)
	for i := range fat {
		fat[i] = free
	}
	fat[0], fat[1] = fatSec, end
	var data []byte
	starts := make([]uint32, len(names))
	next := uint32(2)
	for i, n := range names {
		s := streams[n]
		if len(s) < 4096 || len(s)%sector != 0 {
			panic(fmt.Sprintf("stream %s: %d bytes", n, len(s)))
		}
		starts[i] = next
		k := uint32(len(s) / sector)
		for j := uint32(0); j < k; j++ {
			if j+1 < k {
				fat[next+j] = next + j + 1
			} else {
				fat[next+j] = end
			}
		}
		next += k
		data = append(data, s...)
	}
	head := make([]byte, sector)
	copy(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le := binary.LittleEndian
	le.PutUint16(head[0x18:], 0x3E)
	le.PutUint16(head[0x1A:], 3)
	le.PutUint16(head[0x1C:], 0xFFFE)
	le.PutUint16(head[0x1E:], 9)
	le.PutUint16(head[0x20:], 6)
	le.PutUint32(head[0x2C:], 1) // FAT sectors
	le.PutUint32(head[0x30:], 1) // first directory sector
	le.PutUint32(head[0x38:], 4096)
	le.PutUint32(head[0x3C:], end) // no mini FAT
	le.PutUint32(head[0x44:], end) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(head[0x4C+4*i:], free)
	}
	le.PutUint32(head[0x4C:], 0)
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, left, right, child, start uint32, size uint64) {
		e := dir[i*128 : (i+1)*128]
		u := []rune(name)
		for k, r := range u {
			le.PutUint16(e[2*k:], uint16(r))
		}
		le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], left)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint64(e[0x78:], size)
	}
	entry(0, "Root Entry", 5, free, free, 1, end, 0)
	for i, n := range names {
		right := uint32(free)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, free, right, free, starts[i], uint64(len(streams[n])))
	}
	fatBytes := make([]byte, sector)
	for i, v := range fat {
		le.PutUint32(fatBytes[4*i:], v)
	}
	out := append(append(append(head, fatBytes...), dir...), data...)
	if len(out) > 0 && next*sector+sector != uint32(len(out)) {
		panic(fmt.Sprintf("layout: %d sectors, %d bytes", next, len(out)))
	}
	return out
}
