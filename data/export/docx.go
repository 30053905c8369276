package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"taizhang/model"
)

// The Word summary is a hand-built OOXML package: a handful of fixed parts
// (styles, settings, fonts, footers, relationships) and document.xml
// generated here, every piece of text escaped by encoding/xml. The layout
// follows GB/T 9704-2012, the standard for party and government documents:
// A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 版心 of
// 156 × 225 mm); a grid of 22 lines of 28 characters (§5.2.3); the title
// in 方正小标宋简体 二号 (22 pt) centred, the body in 仿宋_GB2312 三号 (16 pt)
// on fixed 28.95 pt lines, first-level headings (一、) in 黑体 and
// second-level ones (（一）) in 楷体_GB2312; page numbers "— 1 —" in 半角宋体
// 四号 7 mm below the 版心, one character in from the right on odd pages
// and from the left on even ones (§7.5); the 署名 and 成文日期 as §7.3.5.2
// places them; the attachment on a new page under 附件 in 黑体 at the top
// left (§7.3.7, §8). Latin text is tagged en-US and Chinese zh-CN, so that
// numbers and English words are not broken like Chinese. Fonts a machine
// lacks are substituted through the font table's alternate names (仿宋,
// 楷体).

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHd = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// twips per millimetre: 1 mm = 1440/25.4 twips.
func mm(v float64) int { return int(v*1440/25.4 + 0.5) }

// The page, in twips.
var (
	pageW, pageH = 11906, 16838 // A4
	marginTop    = mm(37)
	marginBottom = mm(35)
	marginLeft   = mm(28)
	marginRight  = mm(26)
	textWidth    = pageW - marginLeft - marginRight // 156 mm
	textHeight   = pageH - marginTop - marginBottom // 225 mm
	// 22 lines in the 225 mm of text height: 28.95 pt.
	linePitch = textHeight / 22
	// 28 characters in the 156 mm of a line. The grid's character pitch
	// is the body size (16 pt) plus charSpace/4096 pt; rounding down keeps
	// 28 pitches inside the line.
	charSpace = int(math.Floor((float64(textWidth)/20/28 - 16) * 4096))
	charPitch = float64(textWidth) / 28 // twips
	// bodyScale is the body glyphs' width in percent: the largest that
	// keeps a 16 pt character within the grid's pitch.
	bodyScale = int(math.Floor(charPitch / (16 * 20) * 100))
	// The page number's line is 14 pt (四号) high; its middle, where the
	// dashes sit, is 7 mm below the 版心: 28 mm above the page's edge.
	footerLine     = 280
	footerDistance = mm(28) - footerLine/2
)

// Sizes in half-points.
const (
	size2  = 44 // 二号 22 pt: the title
	size3  = 32 // 三号 16 pt: the body
	size4  = 28 // 四号 14 pt: page numbers
	size4s = 24 // 小四 12 pt: the summary table
	size5  = 21 // 五号 10.5 pt: the ledger table
)

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
// page numbers on the outer edge; punctuation is not compressed, so that
// every line holds its 28 characters.
const settings = xmlHd + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
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

// styles: body lines exactly one grid line apart; paragraphs open with a
// two-character indent; table text leaves the grid (snapToGrid off), so
// a row is as high as its text and the table reads at a glance.
func styles() string {
	line := strconv.Itoa(linePitch)
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	offGrid := `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>` + noIndent
	return xmlHd + `<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts("仿宋_GB2312") + `<w:kern w:val="2"/>` + size(size3) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="` + line + `" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:ind w:firstLineChars="200" w:firstLine="` + strconv.Itoa(int(2*charPitch)-1) + `"/></w:pPr>` +
		// The size is repeated here: LibreOffice takes the grid's
		// character width from the Normal style itself. Word fits a 16 pt
		// character into the grid's 15.79 pt pitch by charSpace; LibreOffice
		// measures the glyph when it breaks lines and gives one wider than
		// the pitch two cells (14 characters a line), so the body's glyphs
		// are drawn 98% wide (15.68 pt), a difference no reader sees.
		`<w:rPr><w:w w:val="` + strconv.Itoa(bodyScale) + `"/>` + size(size3) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/>` + noIndent + `<w:jc w:val="center"/></w:pPr>` +
		`<w:rPr>` + fonts("方正小标宋简体") + `<w:w w:val="100"/>` + size(size2) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/>` + noIndent + `<w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("楷体_GB2312") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + fonts("楷体_GB2312") + `</w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="Lead"><w:name w:val="Run-in Heading"/><w:qFormat/><w:rPr>` + fonts("楷体_GB2312") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="AttachmentLabel"><w:name w:val="Attachment Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/>` + noIndent + `<w:jc w:val="left"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + offGrid + `<w:jc w:val="left"/></w:pPr><w:rPr><w:w w:val="100"/>` + size(size4s) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="LedgerText"><w:name w:val="Ledger Text"/><w:basedOn w:val="TableText"/><w:qFormat/>` +
		`<w:rPr>` + size(size5) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="LedgerHeading"><w:name w:val="Ledger Heading"/><w:basedOn w:val="LedgerText"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr>` + fonts("黑体") + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + strconv.Itoa(footerLine) + `" w:lineRule="exact"/>` + noIndent + `</w:pPr>` +
		`<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:w w:val="100"/>` + size(size4) + `</w:rPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>` +
		`<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

// footer is "— N —": the page number in half-width 宋体 between two 一字线
// (the dashes tagged East Asian, so they are full-width), one character in
// from the outer edge.
func footer(align string) string {
	side := "right"
	if align == "left" {
		side = "left"
	}
	ind := `<w:ind w:` + side + `Chars="100" w:` + side + `="` + strconv.Itoa(footerLine) + `"/>`
	dash := func(s string) string {
		return `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	return xmlHd + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind +
		`<w:jc w:val="` + align + `"/></w:pPr>` + dash("— ") +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		dash(" —") + `</w:p></w:ftr>`
}

// coreProps are a document's properties (Word's and Excel's 属性) from the
// summary and the profile: its title, the officer as its author, and the
// as-of day as the time it was made, so that the same ledger gives the
// same bytes.
func coreProps(s model.Summary) []byte {
	var b bytes.Buffer
	when := s.AsOf.Time().Format("2006-01-02") + "T00:00:00Z"
	b.WriteString(xmlHd + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	xml.EscapeText(&b, []byte(s.Title))
	b.WriteString(`</dc:title>`)
	if s.Signer != "" {
		b.WriteString(`<dc:creator>`)
		xml.EscapeText(&b, []byte(s.Signer))
		b.WriteString(`</dc:creator><cp:lastModifiedBy>`)
		xml.EscapeText(&b, []byte(s.Signer))
		b.WriteString(`</cp:lastModifiedBy>`)
	}
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + when + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + when + `</dcterms:modified></cp:coreProperties>`)
	return b.Bytes()
}

// docWriter streams document.xml (a year's attachment is thousands of
// table rows: it is written into the zip as it is made, not held whole).
type docWriter struct {
	b       *bufio.Writer
	english bool
}

func (d *docWriter) raw(s string) { d.b.WriteString(s) }

// text writes s escaped by encoding/xml, which also turns characters XML
// cannot hold into U+FFFD. Text with nothing to escape is written as it is.
func (d *docWriter) text(s string) {
	if strings.ContainsAny(s, "<>&'\"\r\t") || !utf8.ValidString(s) || hasControl(s) {
		xml.EscapeText(d.b, []byte(s))
		return
	}
	d.b.WriteString(s)
}

// hasControl reports whether s holds a character XML cannot carry as it is.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 && s[i] != '\n' {
			return true
		}
	}
	return strings.ContainsRune(s, '\uFFFE') || strings.ContainsRune(s, '\uFFFF')
}

func (d *docWriter) run(style, s string) {
	d.raw(`<w:r>`)
	if style != "" {
		d.raw(`<w:rPr><w:rStyle w:val="`)
		d.raw(style)
		d.raw(`"/></w:rPr>`)
	}
	d.raw(`<w:t xml:space="preserve">`)
	d.text(model.CleanLine(s))
	d.raw(`</w:t></w:r>`)
}

// para is a paragraph of a style; extra is more paragraph properties
// (alignment, indents, keepNext) in schema order after the style. An
// English run-in heading is followed by a space.
func (d *docWriter) para(style, extra, lead, s string) {
	d.raw(`<w:p><w:pPr><w:pStyle w:val="`)
	d.raw(style)
	d.raw(`"/>`)
	d.raw(extra)
	d.raw(`</w:pPr>`)
	if lead != "" {
		d.run("Lead", lead)
		if d.english {
			d.raw(`<w:r><w:t xml:space="preserve"> </w:t></w:r>`)
		}
	}
	if s != "" {
		d.run("", s)
	}
	d.raw(`</w:p>`)
}

// table writes a real Word table: full borders, the columns cols wide,
// the header row repeated on every page, rows kept whole on a page. When
// under is given, it names for each row the columns whose text is too
// long for its column: the cell says 见下行 and the text follows in a row
// of its own across the table, under the column's name, kept with its
// record and free to run onto the next page (a row taller than a page
// cannot be kept whole: Word would cut it off at the page's foot).
func (d *docWriter) table(t *model.Table, text, heading string, cols []int, under func(r int) []int) {
	d.raw(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		d.raw(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	d.raw(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="` + strconv.Itoa(cellMargin) + `" w:type="dxa"/><w:right w:w="` + strconv.Itoa(cellMargin) + `" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		d.raw(`<w:gridCol w:w="` + strconv.Itoa(c) + `"/>`)
	}
	d.raw(`</w:tblGrid>`)
	keep, center := `<w:keepNext/>`, `<w:jc w:val="center"/>`
	tcPr := make([]string, len(cols))
	for i, c := range cols {
		tcPr[i] = `<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(c) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`
	}
	seeBelow := "见下行"
	if d.english {
		seeBelow = "see below"
	}
	row := func(cells []string, header bool, moved []int) {
		d.raw(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			d.raw(`<w:tblHeader/>`)
		}
		d.raw(`</w:trPr>`)
		extra := ""
		if len(moved) > 0 {
			extra = keep // the record stays on the page where its long text starts
		}
		for i, c := range cells {
			if i >= len(tcPr) {
				break
			}
			if slices.Contains(moved, i) {
				c = seeBelow
			}
			d.raw(tcPr[i])
			switch {
			case header:
				d.para(heading, "", "", c)
			case i < len(t.Center) && t.Center[i]:
				d.para(text, extra+center, "", c)
			default:
				d.para(text, extra, "", c)
			}
			d.raw(`</w:tc>`)
		}
		d.raw(`</w:tr>`)
		sep := "："
		if d.english {
			sep = ": "
		}
		for k, i := range moved {
			d.raw(`<w:tr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:gridSpan w:val="` + strconv.Itoa(len(cols)) + `"/></w:tcPr>`)
			x := ""
			if k < len(moved)-1 {
				x = keep
			}
			d.para(text, x, "", t.Columns[i]+sep+cells[i])
			d.raw(`</w:tc></w:tr>`)
		}
	}
	row(t.Columns, true, nil)
	for r, cells := range t.Rows {
		var moved []int
		if under != nil {
			moved = under(r)
		}
		row(cells, false, moved)
	}
	d.raw(`</w:tbl>`)
}

// cellMargin is a table cell's left and right margin: 1 mm.
const cellMargin = 57

// ledgerUnits measures text of the ledger table (五号, 10.5 pt) in twips:
// a Chinese character is 210, a Latin letter or digit about half.
var ledgerUnits = measure{wide: 210, narrow: 110}

// ledgerPad is what a cell's width loses to its margins, with a little to
// spare for a font a shade wider than measured.
const ledgerPad = 2*cellMargin + 30

// ledgerMoveLines is the most lines a ledger cell takes in its column; a
// longer text (a note of a page) is set under its record across the
// table, where it takes a sixth of the lines (and may run onto the next
// page), rather than making the record a column of a few characters
// running over pages.
const ledgerMoveLines = 12

// ledgerLayout fits the attachment's columns to the text width by their
// content and says which cells are set under their records. The centred
// columns (序号, the date, where it counts) are as wide as their widest
// text, so a date never breaks; the others at least three characters (or
// their longest word) and share the rest by what their text needs
// (fitColumns). A text that would still take more than ledgerMoveLines
// goes under its record and counts for nothing in the widths. What is
// left when every cell fits on its line is shared by the wrapping columns
// in proportion.
func ledgerLayout(t *model.Table) (cols []int, under map[int][]int) {
	n := len(t.Columns)
	m := ledgerUnits
	fit := make([]column, n)
	// The widths are fitted to a sample of the rows (every stride-th);
	// every row is looked at for what it needs at the least and for text
	// to set under it.
	stride := sampleStride(len(t.Rows))
	cells := make([][]int, (len(t.Rows)+stride-1)/stride)
	texts := make([][]string, len(t.Rows))
	for i := range cells {
		cells[i] = make([]int, n)
	}
	for r, row := range t.Rows {
		texts[r] = make([]string, n)
		for c := 0; c < n && c < len(row); c++ {
			texts[r][c] = model.CleanLine(row[c])
		}
	}
	flexible := make([]bool, n)
	for c := range fit {
		head := t.Columns[c]
		need := m.width(head)
		if strings.ContainsRune(head, ' ') {
			need = m.longestWord(head)
		}
		flexible[c] = c >= len(t.Center) || !t.Center[c]
		if flexible[c] {
			need = max(m.longestWord(head), 3*m.wide)
		}
		for r := range texts {
			text := texts[r][c]
			switch {
			case !flexible[c]:
				need = max(need, min(m.width(text), 6*m.wide))
			case r%stride == 0:
				need = max(need, min(m.longestWord(text), 6*m.wide))
				cells[r/stride][c] = min(m.width(text), fitCap*m.wide)
			}
		}
		fit[c] = column{min: need + ledgerPad, max: need + ledgerPad, pad: ledgerPad}
		if flexible[c] {
			fit[c].max = textWidth
		}
	}
	under = map[int][]int{}
	// Fitted, then the texts that still take too many lines are set under
	// their records and the rest fitted again without them, at most three
	// times: the texts moved in the last round are those too long for the
	// widths the document has.
	moved := map[[2]int]bool{}
	// tooLong reports whether a text takes more than ledgerMoveLines at
	// width room: short texts by their bytes, long ones by their width
	// (no wrapping fits more than a line's width on a line), the rest by
	// wrapping them.
	textW := make([]int, len(texts)*n)
	tooLong := func(r, c, room int) bool {
		text := texts[r][c]
		if len(text)*m.perByte() <= room*ledgerMoveLines/2 {
			return false
		}
		if textW[r*n+c] == 0 {
			textW[r*n+c] = m.width(text) + 1
		}
		if (textW[r*n+c]-1)/max(room, 1) > ledgerMoveLines {
			return true
		}
		return m.lines(text, room) > ledgerMoveLines
	}
	for round := 1; ; round++ {
		cols = fitColumns(fit, cells, textWidth, m.wide/4)
		fill(cols, flexible)
		more := false
		for r := range texts {
			for c, text := range texts[r] {
				if text == "" || !flexible[c] || moved[[2]int{r, c}] {
					continue
				}
				if tooLong(r, c, cols[c]-ledgerPad) {
					under[r] = append(under[r], c)
					moved[[2]int{r, c}] = true
					if r%stride == 0 {
						cells[r/stride][c] = 0
					}
					more = true
				}
			}
		}
		if !more || round == 3 {
			break
		}
	}
	// A text moved in an earlier round may fit the final widths: it stays
	// under its record only if it does not.
	for r, cs := range under {
		var keep []int
		for _, c := range cs {
			if tooLong(r, c, cols[c]-ledgerPad) {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 {
			delete(under, r)
		} else {
			under[r] = keep
		}
	}
	return cols, under
}

// fill shares what the columns leave of the text width among the
// flexible ones in proportion to their widths, so the table fills the
// line.
func fill(cols []int, flexible []bool) {
	rest, share := textWidth, 0
	for c, x := range cols {
		rest -= x
		if flexible[c] {
			share += x
		}
	}
	last := -1
	for c := range cols {
		if flexible[c] && share > 0 {
			cols[c] += rest * cols[c] / share
			last = c
		}
	}
	if last >= 0 {
		sum := 0
		for _, x := range cols {
			sum += x
		}
		cols[last] += textWidth - sum
	}
}

// tableWidths shares the text width among n columns by weight.
func tableWidths(weights []int, n int) []int {
	total := 0
	for i := 0; i < n; i++ {
		total += weightAt(weights, i)
	}
	cols := make([]int, n)
	rest := textWidth
	for i := range cols {
		cols[i] = textWidth * weightAt(weights, i) / total
		rest -= cols[i]
	}
	cols[n-1] += rest
	return cols
}

func weightAt(w []int, i int) int {
	if i < len(w) && w[i] > 0 {
		return w[i]
	}
	return 1
}

// width is s's width in characters of the body font: a Chinese character
// is one, a Latin letter or digit half.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// rightIndent is a right indent of n characters.
func rightIndent(n float64) string {
	return fmt.Sprintf(`<w:ind w:rightChars="%d" w:right="%d" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`,
		int(n*100+0.5), int(n*charPitch+0.5))
}

// signature places the 署名 and 成文日期 as GB/T 9704 §7.3.5.2 asks of a
// document without a seal: the name two characters in from the right, the
// date on the next line starting two characters right of the name's
// start; when the date is the longer, the date is two characters in and
// the name moves left to keep the two-character step.
func (d *docWriter) signature(name, date string) {
	nw, dw := width(name), width(date)
	nameRight, dateRight := 2.0, 2.0
	if dw+2 > nw {
		nameRight = 2 + dw + 2 - nw
	} else {
		dateRight = 2 + nw - 2 - dw
	}
	d.para("Normal", `<w:keepNext/>`+rightIndent(nameRight), "", name)
	d.para("Normal", rightIndent(dateRight), "", date)
}

func (d *docWriter) sectPr() {
	d.raw(`<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`)
	d.raw(fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, pageW, pageH))
	d.raw(fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
		marginTop, marginRight, marginBottom, marginLeft, footerDistance))
	d.raw(`<w:pgNumType w:start="1"/><w:cols w:space="425"/>`)
	d.raw(fmt.Sprintf(`<w:docGrid w:type="linesAndChars" w:linePitch="%d" w:charSpace="%d"/></w:sectPr>`, linePitch, charSpace))
}

// writeDocument writes document.xml to w.
func writeDocument(w io.Writer, doc model.Document) error {
	d := &docWriter{b: bufio.NewWriterSize(w, 64<<10), english: doc.Lang == model.English}
	d.raw(xmlHd + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	keep := `<w:keepNext/>`
	for _, b := range doc.Blocks {
		switch b.Kind {
		case model.TitleBlock:
			d.para("Title", "", "", b.Text)
		case model.BylineBlock:
			d.para("Subtitle", "", "", b.Text)
		case model.Heading1Block:
			d.para("Heading1", "", "", b.Text)
		case model.Heading2Block:
			d.para("Heading2", "", "", b.Text)
		case model.TableBlock:
			d.table(b.Table, "TableText", "TableHeading", tableWidths(b.Table.Weights, len(b.Table.Columns)), nil)
		case model.BlankBlock:
			d.para("Normal", "", "", "")
		case model.SignatureBlock:
			d.signature(doc.SignName, doc.SignDate)
		default:
			extra := ""
			if b.KeepNext {
				extra = keep
			}
			d.para("Normal", extra, b.Lead, b.Text)
		}
	}
	// The attachment starts a page: 附件 on its first line at the top
	// left, its title centred on the third.
	a := doc.Attachment
	d.para("AttachmentLabel", `<w:pageBreakBefore/>`, "", a.Label)
	d.para("Normal", keep, "", "")
	d.para("Title", "", "", a.Title)
	d.para("Normal", keep, "", "")
	if len(a.Table.Rows) == 0 {
		d.para("Normal", "", "", a.Empty)
	} else {
		cols, under := ledgerLayout(&a.Table)
		d.table(&a.Table, "LedgerText", "LedgerHeading", cols, func(r int) []int { return under[r] })
		d.para("Normal", "", "", "")
	}
	d.sectPr()
	d.raw(`</w:body></w:document>`)
	return d.b.Flush()
}

// WriteDocx writes the document as a Word file.
func WriteDocx(w io.Writer, doc model.Document) error {
	z := zip.NewWriter(w)
	// A year's attachment is megabytes of repetitive XML: the fastest
	// deflate level compresses it nearly as well in a fraction of the time.
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	// A fixed timestamp (the as-of day) keeps the same document byte-identical.
	when := doc.AsOf.Time().Add(12 * time.Hour)
	parts := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreProps(doc.Summary)},
		{"word/document.xml", nil}, // streamed
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
		if p.body == nil {
			err = writeDocument(fw, doc)
		} else {
			_, err = fw.Write(p.body)
		}
		if err != nil {
			return err
		}
	}
	return z.Close()
}
