package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"taizhang/model"
	"taizhang/model/plan/docx"
	"taizhang/model/plan/docx/docxtest"
)

// check is what every reading must give: text in UTF-8, or a refusal that
// is an input error.
func check(t *testing.T, b []byte) {
	t.Helper()
	s, err := docx.Text(b)
	if err != nil {
		if _, ok := model.AsInput(err); !ok || !errors.Is(err, docx.ErrNotDocx) {
			t.Fatalf("error %v is not an input error", err)
		}
		return
	}
	if !utf8.ValidString(s) {
		t.Fatalf("text is not UTF-8: %q", s)
	}
	if len(s) > 9<<20 {
		t.Fatalf("%d bytes of text", len(s))
	}
}

// FuzzDocx feeds whole files: built documents, cut short and changed.
func FuzzDocx(f *testing.F) {
	good := docxtest.FromText("一、学习\n（一）每月学法1次\n1.每季度听取汇报1次\n序号\t任务\t频次\n")
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 600)))
	f.Fuzz(func(t *testing.T, b []byte) { check(t, b) })
}

// FuzzParts feeds the parts inside a sound zip: the document, its
// numbering and its styles, so the fuzzer reaches the XML and the
// numbering rather than the zip's checksums.
func FuzzParts(f *testing.F) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	f.Add(`<w:document `+w+`><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>学法</w:t></w:r></w:p></w:body></w:document>`,
		`<w:numbering `+w+`><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>`,
		`<w:styles `+w+`><w:style w:type="paragraph" w:styleId="1"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`)
	f.Add(`<w:document `+w+`><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:fldChar w:fldCharType="separate"/><w:t>表</w:t><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`,
		`<w:numbering `+w+`><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="1"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		`<w:styles `+w+`><w:style w:type="numbering" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`)
	f.Add(`<w:document `+w+`><w:body><w:p><w:r><w:t>&lt;&#x1b;[31m</w:t><w:br/><w:tab/></w:r></w:p></w:body>`, `<`, `&bad;`)
	f.Fuzz(func(t *testing.T, doc, numbering, styles string) {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		for name, body := range map[string]string{"word/document.xml": doc, "word/numbering.xml": numbering, "word/styles.xml": styles} {
			wr, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			wr.Write([]byte(body))
		}
		z.Close()
		check(t, buf.Bytes())
	})
}
