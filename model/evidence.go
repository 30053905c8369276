package model

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxEvidenceSize is the largest file a record may carry: a scanned
// minutes book or a phone video clip fits; a whole film does not.
const MaxEvidenceSize = 50 << 20

// MaxEvidenceName is the longest original file name kept, in characters.
const MaxEvidenceName = 200

// Evidence is one item of evidence (佐证材料) on a record: a file stored in
// the ledger, or, when Paper is set, where the paper original is kept.
type Evidence struct {
	ID       int64
	RecordID int64
	Name     string // the file's original name, cleaned
	Size     int64
	Type     string // media type, e.g. image/jpeg
	SHA256   string // of the bytes, in lower-case hex
	Paper    string // the paper locator: 党小组会议记录本第12页
	Added    time.Time
}

// IsFile reports whether the item is a stored file rather than a paper
// locator.
func (e Evidence) IsFile() bool { return e.Paper == "" }

// Label is how the item is named in a list: the file's name, or the paper
// locator marked as such.
func (e Evidence) Label(lang Lang) string {
	if e.IsFile() {
		return CleanLine(e.Name)
	}
	if lang == English {
		return "paper: " + CleanLine(e.Paper)
	}
	return "纸质：" + CleanLine(e.Paper)
}

// EvidenceLabels joins the labels of items for one cell: 会议记录.pdf；签到表.jpg.
func EvidenceLabels(items []Evidence, lang Lang) string {
	sep := "；"
	if lang == English {
		sep = "; "
	}
	parts := make([]string, len(items))
	for i, e := range items {
		parts[i] = e.Label(lang)
	}
	return strings.Join(parts, sep)
}

// CheckPaper cleans a paper locator and refuses an empty or overlong one.
func CheckPaper(s string) (string, error) {
	s = CleanLine(s)
	switch {
	case s == "":
		return s, RefuseField("paper", nil, KindPaperEmpty)
	case utf8.RuneCountInString(s) > MaxText:
		return s, longer("paper", KindFieldPaper, MaxText)
	}
	return s, nil
}

// EvidenceName cleans a file's original name for storing: only the last
// element of a path, no control characters, never empty, at most
// MaxEvidenceName characters with the extension kept.
func EvidenceName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = CleanLine(path.Base(name))
	if name == "." || name == "/" || name == "" || name == ".." {
		name = "file"
	}
	return cutKeepingExt(name, MaxEvidenceName)
}

// cutKeepingExt shortens name to max characters, keeping its extension
// when the extension is short enough to be one.
func cutKeepingExt(name string, max int) string {
	if utf8.RuneCountInString(name) <= max {
		return name
	}
	ext := path.Ext(name)
	if utf8.RuneCountInString(ext) > 16 || ext == name {
		ext = ""
	}
	stem := []rune(strings.TrimSuffix(name, ext))
	keep := max - utf8.RuneCountInString(ext)
	if keep < 1 {
		keep = 1
	}
	if len(stem) > keep {
		stem = stem[:keep]
	}
	return string(stem) + ext
}

// windowsReserved are the device names Windows will not open as files,
// whatever the extension (CON.txt is the console too).
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM0": true, "COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT0": true, "LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
	"COM¹": true, "COM²": true, "COM³": true, "LPT¹": true, "LPT²": true, "LPT³": true,
}

// SafeFileName makes one path element that every file system an officer
// meets accepts and that cannot climb out of the folder it is written to:
// no path separators, no characters Windows refuses (<>:"/\|?*), no control
// or bidirectional characters, no leading dots (no hidden file, no ..), no
// trailing dots or spaces, no reserved device name (CON, NUL, COM1, …, with
// or without an extension), and at most max characters with a short
// extension kept. An empty result becomes "_".
func SafeFileName(name string, max int) string {
	name = CleanLine(name)
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
			b.WriteRune('_')
		case unicode.IsControl(r) || isBidiControl(r) || r == utf8.RuneError:
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.TrimLeft(b.String(), ". ")
	if max < 8 {
		max = 8
	}
	name = cutKeepingExt(name, max)
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "_"
	}
	stem := name
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	if windowsReserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		name = "_" + name
	}
	return name
}

// HumanSize writes a byte count the way a file manager does: 980 B, 12.5 KB, 3.2 MB.
func HumanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	case n < 1024*1024*1024:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1024*1024*1024))
}

// MediaType names a file's type from its extension, for the kinds of files
// kept as evidence, or, when the extension says nothing, from the first
// bytes of content.
func MediaType(name string, content []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := mediaTypes[ext]; ok {
		return t
	}
	head := content[:min(len(content), 512)]
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	if looksLikeText(head, len(content) > len(head)) {
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// magic are the opening bytes of the file kinds evidence comes in.
var magic = []struct{ prefix, kind string }{
	{"%PDF-", "application/pdf"},
	{"\x89PNG\r\n\x1a\n", "image/png"},
	{"\xff\xd8\xff", "image/jpeg"},
	{"GIF87a", "image/gif"}, {"GIF89a", "image/gif"},
	{"BM", "image/bmp"},
	{"II*\x00", "image/tiff"}, {"MM\x00*", "image/tiff"},
	{"PK\x03\x04", "application/zip"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"},
	{"{\\rtf", "application/rtf"},
	{"Rar!", "application/vnd.rar"},
	{"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"},
	{"ID3", "audio/mpeg"},
	{"#!AMR", "audio/amr"},
}

var mediaTypes = map[string]string{
	".pdf": "application/pdf", ".ofd": "application/ofd",
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
	".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff", ".heic": "image/heic", ".heif": "image/heif",
	".doc": "application/msword", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls": "application/vnd.ms-excel", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt": "application/vnd.ms-powerpoint", ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".wps": "application/vnd.ms-works", ".et": "application/vnd.ms-excel", ".dps": "application/vnd.ms-powerpoint",
	".txt": "text/plain; charset=utf-8", ".md": "text/markdown", ".csv": "text/csv", ".rtf": "application/rtf",
	".zip": "application/zip", ".rar": "application/vnd.rar", ".7z": "application/x-7z-compressed",
	".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".wav": "audio/wav", ".amr": "audio/amr",
	".mp4": "video/mp4", ".mov": "video/quicktime", ".avi": "video/x-msvideo",
}

// looksLikeText reports UTF-8 text with no NUL; a head cut from a longer
// file may end inside a character.
func looksLikeText(head []byte, cut bool) bool {
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for i := 0; i <= 3 && i < len(head); i++ {
		if utf8.Valid(head[:len(head)-i]) {
			return true
		}
		if !cut {
			return false
		}
	}
	return false
}
