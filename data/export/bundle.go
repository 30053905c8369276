package export

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"taizhang/data"
	"taizhang/model"
)

// bundleWords are the names inside the bundle, in one language.
type bundleWords struct {
	folder, ledger, index, evidence string
	heading, counts, none, want     string
	no, noneAtAll                   string
}

func bundleNames(lang model.Lang, year int) bundleWords {
	if lang == model.English {
		return bundleWords{
			folder:    fmt.Sprintf("Inspection bundle %d", year),
			ledger:    fmt.Sprintf("2_Duty ledger %d.xlsx", year),
			index:     "3_Evidence index.txt",
			evidence:  "Evidence",
			heading:   "Evidence index, %d",
			counts:    "%d records, %d with evidence; %d files (%s in all), %d paper items.",
			none:      "(no evidence)",
			want:      "(no evidence; it should have: %s)",
			no:        "No. %s",
			noneAtAll: "No record in the period.",
		}
	}
	return bundleWords{
		folder:    fmt.Sprintf("%d年度履职检查材料", year),
		ledger:    fmt.Sprintf("2_%d年度履职台账.xlsx", year),
		index:     "3_佐证材料清单.txt",
		evidence:  "佐证材料",
		heading:   "%d年度佐证材料清单",
		counts:    "共%d条记录，其中%d条有佐证材料；文件%d个（合计%s），纸质材料%d项。",
		none:      "（无佐证材料）",
		want:      "（无佐证材料；应有：%s）",
		no:        "序号%s",
		noneAtAll: "本期间没有履职记录。",
	}
}

// Limits on the names inside the bundle, in characters: short enough that
// the folder, a file name and the place it is unpacked to stay well within
// Windows' 260-character paths.
const (
	maxDutyInName = 20
	maxOrigInName = 60
	maxEntryName  = 110
)

// BundleName is the name an evidence file gets in the bundle:
// 序号_日期_事项_原名 (003_2026-03-05_党小组会_会议记录.pdf), each part made
// safe for Windows and for zip readers, the whole at most maxEntryName
// characters with the extension kept.
func BundleName(no string, date model.Date, duty, orig string) string {
	name := no + "_" + date.String() + "_" + model.SafeFileName(duty, maxDutyInName) + "_" + model.SafeFileName(orig, maxOrigInName)
	return model.SafeFileName(name, maxEntryName)
}

// storedAsIs are the types already compressed: deflating them again costs
// time and saves nothing.
func storedAsIs(mediaType string) bool {
	switch {
	case strings.HasPrefix(mediaType, "image/") && mediaType != "image/bmp" && mediaType != "image/tiff",
		strings.HasPrefix(mediaType, "video/"), strings.HasPrefix(mediaType, "audio/") && mediaType != "audio/wav",
		strings.Contains(mediaType, "zip"), strings.Contains(mediaType, "openxmlformats"), strings.Contains(mediaType, "rar"),
		strings.Contains(mediaType, "7z"), mediaType == "application/pdf", mediaType == "application/ofd":
		return true
	}
	return false
}

// WriteBundle writes the inspection bundle (检查材料) of doc's year to w as
// a zip: in one folder, the document as Word, the workbook, an index of
// the evidence, and 佐证材料/ with every evidence file of the year's
// records named 序号_日期_事项_原名, where 序号 is the record's number in
// the ledger sheet. Files are read from the ledger one at a time, checked
// against their hashes.
func WriteBundle(ctx context.Context, w io.Writer, s *data.Store, doc model.Document, now time.Time) error {
	words := bundleNames(doc.Lang, doc.Year)
	zw := zip.NewWriter(w)
	used := map[string]bool{}
	// entry starts a file of the bundle and returns the name it got: names
	// are told apart as Windows does, without case, and a second file of
	// one name gets _2 before its extension.
	entry := func(name string, method uint16, modified time.Time) (io.Writer, string, error) {
		base, ext := strings.TrimSuffix(name, path.Ext(name)), path.Ext(name)
		for i := 2; used[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s_%d%s", base, i, ext)
		}
		used[strings.ToLower(name)] = true
		h := &zip.FileHeader{Name: words.folder + "/" + name, Method: method, Modified: modified}
		h.SetMode(0o600)
		f, err := zw.CreateHeader(h)
		return f, name, err
	}
	put := func(name string, write func(io.Writer) error) error {
		f, _, err := entry(name, zip.Deflate, now)
		if err != nil {
			return err
		}
		return write(f)
	}
	docName := model.SafeFileName("1_"+doc.Title, maxEntryName-5) + ".docx"
	if err := put(docName, func(w io.Writer) error { return WriteDocx(w, doc) }); err != nil {
		return err
	}
	if err := put(words.ledger, func(w io.Writer) error { return WriteXLSX(w, doc.Summary) }); err != nil {
		return err
	}
	rows := doc.Summary.Ledger()
	expects := map[string]string{}
	for _, d := range doc.Duties {
		expects[d.Duty.Title] = model.CleanLine(d.Duty.Evidence)
	}
	var index bytes.Buffer
	line := func(format string, args ...any) { fmt.Fprintf(&index, format+"\r\n", args...) }
	index.WriteString("\uFEFF")
	line(words.heading, doc.Year)
	if doc.ProfileLine != "" {
		line("%s", doc.ProfileLine)
	}
	line("%s", doc.Period)
	var withEvidence, files, papers int
	var total int64
	for _, r := range rows {
		items := doc.Summary.Evidence[r.RecordID]
		if len(items) > 0 {
			withEvidence++
		}
		for _, e := range items {
			if e.IsFile() {
				files++
				total += e.Size
			} else {
				papers++
			}
		}
	}
	line(words.counts, len(rows), withEvidence, files, model.HumanSize(total), papers)
	if len(rows) == 0 {
		line("")
		line("%s", words.noneAtAll)
	}
	width := max(3, len(fmt.Sprint(len(rows))))
	for _, r := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		no := fmt.Sprintf("%0*d", width, r.No)
		line("")
		line("%s  %s  %s  %s", fmt.Sprintf(words.no, no), r.Date, oneLine(r.Duty, 40), oneLine(r.Topic, 60))
		items := doc.Summary.Evidence[r.RecordID]
		if len(items) == 0 {
			if want := expects[r.Duty]; want != "" {
				line("    "+words.want, want)
			} else {
				line("    %s", words.none)
			}
			continue
		}
		for _, e := range items {
			if !e.IsFile() {
				line("    %s", e.Label(doc.Lang))
				continue
			}
			b, err := s.Blob(ctx, e.SHA256)
			if err != nil {
				return err
			}
			method := zip.Deflate
			if storedAsIs(e.Type) {
				method = zip.Store
			}
			f, name, err := entry(words.evidence+"/"+BundleName(no, r.Date, r.Duty, e.Name), method, e.Added)
			if err != nil {
				return err
			}
			if _, err := f.Write(b); err != nil {
				return err
			}
			line("    %s  (%s, SHA-256 %s)", name, model.HumanSize(e.Size), e.SHA256)
		}
	}
	if err := put(words.index, func(w io.Writer) error { _, err := w.Write(index.Bytes()); return err }); err != nil {
		return err
	}
	return zw.Close()
}

// oneLine cuts s to n characters for a line of the index.
func oneLine(s string, n int) string {
	s = model.CleanLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
