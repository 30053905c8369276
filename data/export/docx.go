package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"taizhang/model"
)

// The Word summary is a hand-built OOXML package: a handful of fixed parts
// (styles, settings, fonts, footers, relationships) and document.xml
// generated here, every piece of text escaped by encoding/xml. The layout
// follows GB/T 9704-2012, the standard for party and government documents:
// A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 22 lines
// of 28 characters; the title in 方正小标宋简体 二号 (22 pt) centred, the body
// in 仿宋_GB2312 三号 (16 pt), first-level headings (一、) in 黑体 and
// second-level ones (（一）) in 楷体_GB2312; page numbers "— 1 —" in 宋体
// 四号, right on odd pages and left on even ones. Fonts a machine lacks
// are substituted through the font table's alternate names (仿宋, 楷体).

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHd = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// twips per millimetre, for the margins: 1 mm = 1440/25.4 twips.
func mm(v float64) int { return int(v*1440/25.4 + 0.5) }

var (
	pageW, pageH = 11906, 16838 // A4
	marginTop    = mm(37)
	marginBottom = mm(35)
	marginLeft   = mm(28)
	marginRight  = mm(26)
	textWidth    = pageW - marginLeft - marginRight
	// 22 lines in the 225 mm of text height.
	linePitch = (pageH - marginTop - marginBottom) / 22
)

// tableCols are the summary table's column widths in twips, summing to
// the text width; 事项 takes what the others leave.
func tableCols() []int {
	cols := []int{840, 0, 1340, 2300, 1340, 1060}
	rest := textWidth
	for _, c := range cols {
		rest -= c
	}
	cols[1] = rest
	return cols
}

const contentTypes = xmlHd + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xmlHd + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

// settings: odd and even pages get their own footers, as GB/T 9704 puts
// page numbers on the outer edge; Chinese punctuation is compressed.
const settings = xmlHd + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// fontTable names each Chinese font with the alternate a Windows 10 or
// WPS machine is likely to have, and GB2312 as its character set.
const fontTable = xmlHd + `<w:fonts xmlns:w="` + nsW + `">` +
	`<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

func fonts(eastAsia string) string {
	return `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="` + eastAsia + `" w:cs="Times New Roman"/>`
}

func size(halfPoints int) string {
	n := strconv.Itoa(halfPoints)
	return `<w:sz w:val="` + n + `"/><w:szCs w:val="` + n + `"/>`
}

// styles: sizes are in half-points (三号 16 pt = 32, 二号 22 pt = 44,
// 四号 14 pt = 28); body lines are exactly one grid line apart; paragraphs
// open with a two-character indent.
func styles() string {
	line := strconv.Itoa(linePitch)
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	return xmlHd + `<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts("仿宋_GB2312") + `<w:kern w:val="2"/>` + size(32) +
		`<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:line="` + line + `" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:before="0" w:after="` + line + `" w:line="` + strconv.Itoa(linePitch*5/4) + `" w:lineRule="exact"/>` + noIndent + `<w:jc w:val="center"/></w:pPr>` +
		`<w:rPr>` + fonts("方正小标宋简体") + size(44) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + noIndent + `<w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("楷体_GB2312") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + fonts("楷体_GB2312") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:line="240" w:lineRule="auto"/>` + noIndent + `<w:jc w:val="left"/></w:pPr><w:rPr>` + size(28) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:line="240" w:lineRule="auto"/>` + noIndent + `</w:pPr><w:rPr>` + fonts("宋体") + size(28) + `</w:rPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

// footer is "— N —" with a PAGE field, one character in from the outer edge.
func footer(align string) string {
	ind := `<w:ind w:right="280"/>`
	if align == "left" {
		ind = `<w:ind w:left="280"/>`
	}
	return xmlHd + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind +
		`<w:jc w:val="` + align + `"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}

// coreProps carries the title only: no author, so the file does not
// name the officer in its metadata.
func coreProps(title string) string {
	var b bytes.Buffer
	b.WriteString(xmlHd + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	xml.EscapeText(&b, []byte(title))
	b.WriteString(`</dc:title></cp:coreProperties>`)
	return b.String()
}

// docWriter builds document.xml.
type docWriter struct {
	b bytes.Buffer
}

func (d *docWriter) raw(s string) { d.b.WriteString(s) }

// text writes s escaped by encoding/xml, which also turns characters XML
// cannot hold into U+FFFD.
func (d *docWriter) text(s string) { xml.EscapeText(&d.b, []byte(s)) }

func (d *docWriter) run(s string) {
	d.raw(`<w:r><w:t xml:space="preserve">`)
	d.text(s)
	d.raw(`</w:t></w:r>`)
}

func (d *docWriter) para(style, s string) {
	d.paraAligned(style, "", s)
}

func (d *docWriter) paraAligned(style, align, s string) {
	d.raw(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
	if align != "" {
		d.raw(`<w:jc w:val="` + align + `"/>`)
	}
	d.raw(`</w:pPr>`)
	if s != "" {
		d.run(model.CleanLine(s))
	}
	d.raw(`</w:p>`)
}

// table writes the summary table as a real Word table: full borders, the
// header row repeated on every page, rows never split across pages.
func (d *docWriter) table(s model.Summary) {
	cols := tableCols()
	center := map[int]bool{0: true, 4: true, 5: true}
	d.raw(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		d.raw(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	d.raw(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		d.raw(`<w:gridCol w:w="` + strconv.Itoa(c) + `"/>`)
	}
	d.raw(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		d.raw(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			d.raw(`<w:tblHeader/>`)
		}
		d.raw(`</w:trPr>`)
		for i, c := range cells {
			d.raw(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(cols[i]) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
			switch {
			case header:
				d.para("TableHeading", c)
			case center[i]:
				d.paraAligned("TableText", "center", c)
			default:
				d.para("TableText", c)
			}
			d.raw(`</w:tc>`)
		}
		d.raw(`</w:tr>`)
	}
	row(s.Columns, true)
	for _, duty := range s.Duties {
		row(duty.Row, false)
	}
	d.raw(`</w:tbl>`)
}

func (d *docWriter) sectPr() {
	d.raw(`<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`)
	d.raw(fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, pageW, pageH))
	d.raw(fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
		marginTop, marginRight, marginBottom, marginLeft, mm(23)))
	d.raw(`<w:pgNumType w:start="1"/><w:cols w:space="425"/>`)
	d.raw(fmt.Sprintf(`<w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`, linePitch))
}

func documentXML(s model.Summary) []byte {
	d := &docWriter{}
	d.b.Grow(4096 + 400*len(s.Duties))
	d.raw(xmlHd + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	d.para("Title", s.Title)
	if s.ProfileLine != "" {
		d.para("Subtitle", s.ProfileLine)
	}
	d.para("Subtitle", s.Period)
	d.para("Normal", "")
	d.para("Normal", s.Intro)
	d.para("Heading1", s.Headings[0])
	d.para("Normal", s.Overview)
	d.para("Heading1", s.Headings[1])
	if len(s.Duties) > 0 {
		d.table(s)
	}
	for _, duty := range s.Duties {
		d.para("Heading2", duty.Heading)
		d.para("Normal", duty.Paragraph)
		for i, it := range duty.Items {
			d.para("Normal", fmt.Sprintf("%d. %s", i+1, it))
		}
	}
	d.para("Heading1", s.Headings[2])
	if len(s.Missed) == 0 {
		d.para("Normal", s.NoneMissed)
	}
	for i, m := range s.Missed {
		d.para("Normal", fmt.Sprintf("%d. %s", i+1, m.Text))
		d.para("Normal", s.ReasonPrompt)
		d.para("Normal", "") // room for the reasons
	}
	d.sectPr()
	d.raw(`</w:body></w:document>`)
	return d.b.Bytes()
}

// WriteDocx writes the summary as a Word document.
func WriteDocx(w io.Writer, s model.Summary) error {
	z := zip.NewWriter(w)
	// A fixed timestamp (the as-of day) keeps the same summary byte-identical.
	when := s.AsOf.Time().Add(12 * time.Hour)
	parts := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", []byte(coreProps(s.Title))},
		{"word/document.xml", documentXML(s)},
		{"word/styles.xml", []byte(styles())},
		{"word/settings.xml", []byte(settings)},
		{"word/fontTable.xml", []byte(fontTable)},
		{"word/footer1.xml", []byte(footer("right"))},
		{"word/footer2.xml", []byte(footer("left"))},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
	}
	for _, p := range parts {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.body); err != nil {
			return err
		}
	}
	return z.Close()
}
