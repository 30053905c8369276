package plan

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"taizhang/model"
	"taizhang/model/plan/docx"
)

// MaxFile is the largest plan file read: a Word file with pictures may be
// a few megabytes; MaxText is the largest plain text.
const (
	MaxFile = docx.MaxFile
	MaxText = 8 << 20
)

// ErrNotText is the sentinel inside the errors Decode returns for bytes
// that are not a text it can read.
var ErrNotText = errors.New("not a readable plan text")

// Decode turns the bytes of a plan file into text. A Word document (.docx)
// is read by package docx, with its list numbering restored; an old .doc,
// a password-protected or damaged Word file is refused. UTF-8 is read as it is
// (a byte-order mark is dropped), as is UTF-16 with its byte-order mark
// (what Notepad saves as "Unicode"); anything else is tried as GB18030,
// which covers GBK and GB2312, the encodings Chinese Windows saves text in,
// and then as Big5, the Traditional one. Bytes that are none of these — a
// PDF or RTF file, UTF-16 without a mark, binary data — are refused with
// a sentence saying what to do, rather than guessed at and shown as
// mojibake.
func Decode(b []byte) (string, error) {
	switch {
	case docx.IsZip(b), docx.IsOLE(b), bytes.HasPrefix(b, []byte("PK\x05\x06")):
		s, err := docx.Text(b)
		if ie, ok := model.AsInput(err); ok {
			ie.Err = errors.Join(ErrNotText, ie.Err)
		}
		return s, err
	case len(b) > MaxText:
		return "", model.Refuse(ErrNotText, model.KindPlanTextTooBig)
	case bytes.HasPrefix(b, []byte(`{\rtf`)):
		return "", model.Refuse(ErrNotText, model.KindPlanRTF)
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "", model.Refuse(ErrNotText, model.KindPlanPDF)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		u, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil || !utf8.Valid(u) || bytes.ContainsRune(u, utf8.RuneError) || bytes.IndexByte(u, 0) >= 0 {
			return "", model.Refuse(ErrNotText, model.KindPlanUTF16)
		}
		b = u
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", notText()
	}
	if utf8.Valid(b) {
		if !plausible(string(b), false) {
			return "", notText()
		}
		return string(b), nil
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil && plausible(string(s), true) {
		return string(s), nil
	}
	if s, err := traditionalchinese.Big5.NewDecoder().Bytes(b); err == nil && plausible(string(s), true) {
		return string(s), nil
	}
	return "", model.Refuse(ErrNotText, model.KindPlanEncoding)
}

func notText() error {
	return model.Refuse(ErrNotText, model.KindPlanBinary)
}

// plausible reports whether decoded text reads as text: few control
// characters, and, for a legacy encoding, almost only the characters a
// Chinese document uses. A wrong guess decodes to replacement characters,
// private-use code points (Big5 punctuation read as GBK lands there) and
// scattered rare scripts.
func plausible(s string, legacy bool) bool {
	total, control, odd := 0, 0, 0
	for _, r := range s {
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v' || r == 0x1b:
		case legacy && r == utf8.RuneError:
			return false // a byte sequence the encoding does not have
		case unicode.IsControl(r):
			control++
		case legacy && !common(r):
			odd++
		}
	}
	if total == 0 {
		return true
	}
	return control*50 <= total && odd*100 <= total
}

// common reports the characters a Chinese plan is written in.
func common(r rune) bool {
	switch {
	case r < 0x80:
		return true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x323AF: // CJK ideographs, rare ones in names too
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0xFE30 && r <= 0xFE4F: // CJK punctuation, full width
		return true
	case r >= 0x2000 && r <= 0x206F, r >= 0x2100 && r <= 0x26FF: // punctuation, symbols, numbers, arrows, shapes
		return true
	case r >= 0x00A0 && r <= 0x024F, r >= 0x0391 && r <= 0x03C9, r >= 0x0401 && r <= 0x0451: // Latin, pinyin, Greek, Cyrillic in GBK
		return true
	case r >= 0x3040 && r <= 0x30FF, r >= 0x3100 && r <= 0x312F, r >= 0xF900 && r <= 0xFAFF: // kana, bopomofo, compatibility ideographs
		return true
	}
	return false
}
