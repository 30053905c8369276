// Package docx reads the text of a Word document (.docx, .docm, .dotx) the
// way an officer sees it in Word: paragraphs in order, with the numbers
// Word draws in front of numbered headings and list items (一、 （二） 3.)
// restored from the numbering definitions, table rows as lines whose cells
// are separated by tabs, field results kept, insertions kept and tracked
// deletions, text boxes, footnotes, comments and hidden text left out.
//
// It uses only archive/zip and encoding/xml: bytes in, text out, no I/O.
// Every part is read through a cap, so a zip bomb costs at most a few
// dozen megabytes before it is refused. The old binary Word format (.doc),
// a password-protected document and a damaged one are refused with an
// input error that says what to do.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"taizhang/model"
)

// Limits on what is read.
const (
	// MaxFile is the largest file read: a plan with pictures is a few
	// megabytes, and a file many times that is not a plan.
	MaxFile = 20 << 20
	// maxPart is the most a single part may unpack to.
	maxPart = 48 << 20
	// maxTotal is the most all parts together may unpack to.
	maxTotal = 96 << 20
	// maxText is the most text the document may hold.
	maxText = 8 << 20
	// maxDepth bounds how deeply elements nest; Word nests a few dozen deep.
	maxDepth = 512
)

// ErrNotDocx is the sentinel inside every error Text returns.
var ErrNotDocx = errors.New("not a readable Word document")

// IsZip reports bytes that open like a zip archive (a .docx is one).
func IsZip(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// IsOLE reports bytes that open like an OLE compound file: the old Office
// formats (.doc, .xls) and an Office file protected by a password.
func IsOLE(b []byte) bool { return bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) }

// Text returns the text of a Word document, one line per paragraph and per
// table row. It refuses, with an input error, anything it cannot read as a
// Word document.
func Text(b []byte) (string, error) {
	lines, err := Paragraphs(b)
	if err != nil {
		return "", err
	}
	return strings.Join(lines, "\n"), nil
}

// Paragraphs returns the document's paragraphs and table rows in order.
// A paragraph's line breaks stay in it as "\n".
func Paragraphs(b []byte) ([]string, error) {
	switch {
	case len(b) > MaxFile:
		return nil, tooBig()
	case IsOLE(b):
		return nil, oleError(b)
	case !IsZip(b) && !bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return nil, damaged()
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, damaged()
	}
	p := &pkg{files: map[string]*zip.File{}, left: maxTotal}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
		p.files[name] = f
	}
	main := p.mainPart()
	if main == "" {
		return nil, notWord()
	}
	doc, err := p.read(main)
	if err != nil {
		return nil, err
	}
	rels := p.rels(main)
	st := newStyles()
	if name := rels["styles"]; name != "" {
		if data, err := p.read(name); err == nil {
			st.parse(data)
		} else if !errors.Is(err, errMissing) {
			return nil, err
		}
	}
	nb := newNumbering(st)
	if name := rels["numbering"]; name != "" {
		if data, err := p.read(name); err == nil {
			nb.parse(data)
		} else if !errors.Is(err, errMissing) {
			return nil, err
		}
	}
	return walk(doc, nb, st)
}

// pkg is an opened zip with a budget of bytes left to unpack.
type pkg struct {
	files map[string]*zip.File
	left  int64
}

var errMissing = errors.New("no such part")

// read unpacks one part, within the caps.
func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, errMissing
	}
	if f.Flags&1 != 0 {
		return nil, locked() // zip-level encryption
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged()
	}
	defer rc.Close()
	limit := min(int64(maxPart), p.left)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return nil, bomb()
	}
	if err != nil {
		return nil, damaged()
	}
	p.left -= int64(len(data))
	return data, nil
}

// mainPart finds the document's main part through the package's
// relationships, or at the place Word puts it.
func (p *pkg) mainPart() string {
	if data, err := p.read("_rels/.rels"); err == nil {
		for _, r := range parseRels(data, "") {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				if _, ok := p.files[strings.ToLower(r.target)]; ok {
					return r.target
				}
			}
		}
	}
	if _, ok := p.files["word/document.xml"]; ok {
		return "word/document.xml"
	}
	return ""
}

// rels returns the parts the main part refers to, by kind (styles,
// numbering), falling back to the names Word uses.
func (p *pkg) rels(main string) map[string]string {
	dir, base := path.Split(main)
	out := map[string]string{}
	if data, err := p.read(dir + "_rels/" + base + ".rels"); err == nil {
		for _, r := range parseRels(data, dir) {
			for _, kind := range []string{"styles", "numbering"} {
				if strings.HasSuffix(r.typ, "/"+kind) && out[kind] == "" {
					out[kind] = r.target
				}
			}
		}
	}
	for _, kind := range []string{"styles", "numbering"} {
		if out[kind] == "" {
			out[kind] = dir + kind + ".xml"
		}
	}
	return out
}

type rel struct{ typ, target string }

// parseRels reads a relationships part; targets are made paths in the
// package, relative to dir unless they start with /.
func parseRels(data []byte, dir string) []rel {
	var out []rel
	x := newXML(data)
	for {
		t, err := x.next()
		if err != nil {
			return out
		}
		if t.kind != startTag || t.local != "Relationship" {
			continue
		}
		if strings.EqualFold(t.attr("TargetMode"), "External") {
			continue
		}
		target := t.attr("Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(path.Clean(target), "/")
		} else {
			target = strings.TrimPrefix(path.Clean("/"+dir+target), "/")
		}
		out = append(out, rel{typ: t.attr("Type"), target: target})
	}
}

func tooBig() error {
	return model.Refuse(ErrNotDocx, model.KindDocxTooBig)
}

func damaged() error {
	return model.Refuse(ErrNotDocx, model.KindDocxDamaged)
}

func notWord() error {
	return model.Refuse(ErrNotDocx, model.KindDocxNotWord)
}

func locked() error {
	return model.Refuse(ErrNotDocx, model.KindDocxPassword)
}

func bomb() error {
	return model.Refuse(ErrNotDocx, model.KindDocxUnpacksTooMuch)
}

func tooMuchText() error {
	return model.Refuse(ErrNotDocx, model.KindDocxTextTooBig)
}
