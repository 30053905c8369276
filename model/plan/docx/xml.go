package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// The namespaces of WordprocessingML: transitional (what Word writes) and
// strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

type tokKind uint8

const (
	startTag tokKind = iota + 1
	endTag
	charData
)

// tok is one XML token, reduced to what the reader needs.
type tok struct {
	kind  tokKind
	local string
	w     bool // the element is in the WordprocessingML namespace
	attrs []xml.Attr
	text  []byte
}

// attr returns the value of the attribute called local, in any namespace.
func (t tok) attr(local string) string {
	for _, a := range t.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xmlReader walks a part's tokens with a bound on nesting.
type xmlReader struct {
	d     *xml.Decoder
	depth int
}

var errTooDeep = errors.New("elements nested too deeply")

func newXML(data []byte) *xmlReader {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		// a part may be stored in UTF-16; its declaration then says so
		if u, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			data = u
		}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "utf8", "ascii", "us-ascii":
			return r, nil // already turned into UTF-8 above
		}
		return nil, errors.New("unsupported encoding " + label)
	}
	return &xmlReader{d: d}
}

// next returns the next start tag, end tag or character data.
func (x *xmlReader) next() (tok, error) {
	for {
		t, err := x.d.Token()
		if err != nil {
			return tok{}, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if x.depth++; x.depth > maxDepth {
				return tok{}, errTooDeep
			}
			return tok{kind: startTag, local: t.Name.Local, w: isW(t.Name.Space), attrs: t.Attr}, nil
		case xml.EndElement:
			x.depth--
			return tok{kind: endTag, local: t.Name.Local, w: isW(t.Name.Space)}, nil
		case xml.CharData:
			return tok{kind: charData, text: t}, nil
		}
	}
}

func isW(space string) bool { return space == nsW || space == nsWStrict }

// val reads w:val, treating a missing value as the attribute's default.
func (t tok) val() string { return t.attr("val") }

// on reads a toggle property such as w:vanish: present and not switched
// off by val="false", "0" or "off".
func (t tok) on() bool {
	switch strings.ToLower(t.val()) {
	case "false", "0", "off":
		return false
	}
	return true
}

// skipper passes over the contents of an element that do not count: start
// it on the element's start tag, and it takes every token up to the
// matching end tag.
type skipper int

// start skips the element whose start tag was just read.
func (s *skipper) start() { *s = 1 }

// over reports whether t lies inside a skipped element, keeping count of
// the depth.
func (s *skipper) over(t tok) bool {
	if *s == 0 {
		return false
	}
	switch t.kind {
	case startTag:
		*s++
	case endTag:
		*s--
	}
	return true
}
