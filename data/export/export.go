package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"taizhang/data"
	"taizhang/model"
)

// Format is an export file format.
type Format string

// The formats, in the order a menu offers them.
const (
	Markdown Format = "md"
	Text     Format = "txt"
	Word     Format = "docx"
	Excel    Format = "xlsx"
	CSV      Format = "csv"
	JSON     Format = "json"
	// Zip is the inspection bundle (检查材料): the summary docx, the
	// workbook, and every evidence file named after its record.
	Zip Format = "zip"
)

// Formats lists every format.
var Formats = []Format{Markdown, Text, Word, Excel, CSV, JSON, Zip}

// ParseFormat reads a format name, with or without a leading dot, in any case.
func ParseFormat(s string) (Format, bool) {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	switch s {
	case "markdown":
		s = "md"
	case "text":
		s = "txt"
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, true
		}
	}
	return "", false
}

// Describe names the format for a menu, in lang.
func (f Format) Describe(lang model.Lang) string {
	names := map[Format][2]string{
		Markdown: {"Markdown 年度报告", "Markdown summary"},
		Text:     {"纯文本年度报告", "plain-text summary"},
		Word:     {"Word 年度报告（公文格式）", "Word summary (official layout)"},
		Excel:    {"Excel 汇总与台账", "Excel summary and ledger"},
		CSV:      {"CSV 台账", "CSV ledger"},
		JSON:     {"JSON 数据（可导入）", "JSON data (can be imported)"},
		Zip:      {"检查材料（zip：报告、台账和佐证材料）", "inspection bundle (zip: summary, ledger and evidence)"},
	}[f]
	if lang == model.English {
		return names[1]
	}
	return names[0]
}

// Options say what to export and where.
type Options struct {
	Year int // the year of the summary; with All, the year checked
	// AsOf evaluates at the close of this day (the mid-year report, 06-30).
	// Zero: a finished year at the close of its last day, the current year
	// now (model.ReportMoment).
	AsOf   model.Date
	Today  model.Date // zero: the local date now
	Format Format
	// Layout is the shape of the md, txt and docx documents: the summary
	// (the default) or the 述责述廉 report.
	Layout model.Layout
	Lang   model.Lang // zh by default
	Path   string     // the file; empty: DefaultPath in the current directory
	// To, when set, takes a text format (md, txt, csv, json) instead of a
	// file: -o - on the command line. Path is not used.
	To     io.Writer
	Force  bool // replace an existing file
	Strict bool // refuse to write when Check finds anything
	// CheckOnly runs the check and writes nothing: no file is looked at or
	// made, and Write returns the warnings with an empty path.
	CheckOnly bool
	All       bool      // JSON only: every year of the ledger, not just Year
	Now       time.Time // the export timestamp written in JSON, and the 成文日期; zero: now
	// Before, when set, sees the check's warnings before anything is
	// written (the command line prints them there); an error it returns
	// stops the export.
	Before func([]Warning) error
}

// DefaultPath is the file name used without -o: taizhang-2026.docx, or
// taizhang-all.json for a whole-ledger JSON export.
func DefaultPath(o Options) string {
	if o.All && o.Format == JSON {
		return "taizhang-all.json"
	}
	return fmt.Sprintf("taizhang-%d.%s", o.Year, o.Format)
}

func (o *Options) check() error {
	if _, ok := ParseFormat(string(o.Format)); !ok {
		return model.Refuse(nil, model.KindExportFormat)
	}
	o.Format, _ = ParseFormat(string(o.Format))
	if o.All && o.Format != JSON {
		return model.Refuse(nil, model.KindAllJSONOnly)
	}
	if !(o.All && o.Year == 0) && !model.ValidYear(o.Year) {
		return model.Refuse(nil, model.KindExportYear, o.Year)
	}
	if o.Layout == "" {
		o.Layout = model.SummaryLayout
	}
	if _, ok := model.ParseLayout(string(o.Layout)); !ok {
		return model.Refuse(nil, model.KindExportLayout)
	}
	if o.Layout == model.ReportLayout && o.Format != Markdown && o.Format != Text && o.Format != Word && o.Format != Zip {
		return model.Refuse(nil, model.KindReportFormats)
	}
	if o.Today.IsZero() {
		o.Today = model.Today()
	}
	if o.Lang != model.English {
		o.Lang = model.Chinese
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return nil
}

// Write checks the destination and the year, then writes the export and
// returns the file's absolute path with the warnings of Check. A file that
// exists (without Force), or whose directory does not, is refused before
// the year is read or Before is called. With Strict, any warning stops it
// before anything is written. It does its I/O on the calling goroutine,
// so the TUI calls it from a tea.Cmd:
//
//	func exportCmd(s *data.Store, o export.Options) tea.Cmd {
//		return func() tea.Msg {
//			path, warnings, err := export.Write(context.Background(), s, o)
//			return exportedMsg{path, warnings, err}
//		}
//	}
func Write(ctx context.Context, s *data.Store, o Options) (string, []Warning, error) {
	if err := o.check(); err != nil {
		return "", nil, err
	}
	// A file that would be refused is refused before the ledger is read,
	// so that the check's findings are not shown for an export that
	// cannot happen.
	path := o.Path
	if path == "" {
		path = DefaultPath(o)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, err
	}
	if o.To != nil && !o.CheckOnly {
		if o.Format == Word || o.Format == Excel || o.Format == Zip {
			return "", nil, model.Refuse(nil, model.KindBinaryOut, string(o.Format))
		}
	}
	if o.CheckOnly || o.To != nil {
		abs = ""
	} else if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return "", nil, model.Refuse(nil, model.KindExportIsDir, abs)
	}
	if o.Format == Zip && o.Force && !o.CheckOnly {
		if _, err := os.Lstat(abs); err == nil {
			return "", nil, model.Refuse(nil, model.KindZipExists, abs)
		}
	}
	if err := data.CheckDest(abs, o.Force); !o.CheckOnly && o.To == nil && err != nil {
		return "", nil, err
	}
	var warnings []Warning
	var rep data.YearReport
	if o.Year != 0 {
		if rep, err = s.YearReport(ctx, o.Year, model.ReportMoment(o.Year, o.AsOf, o.Today)); err != nil {
			return "", nil, err
		}
		warnings = Check(rep)
	}
	var doc model.Document
	if o.Year != 0 && o.Format != JSON {
		sum := model.BuildSummary(rep.Status, rep.Records, rep.Profile, o.Lang)
		sum.Evidence = rep.Evidence
		doc = model.BuildDocument(sum, o.Layout, model.DateOf(o.Now))
		if o.Format == Markdown || o.Format == Text || o.Format == Word || o.Format == Zip {
			// What the officer must write comes first: it is in every report.
			warnings = append(CheckDocument(doc), warnings...)
		}
	}
	if o.Before != nil {
		if err := o.Before(warnings); err != nil {
			return "", warnings, err
		}
	}
	if o.CheckOnly {
		return "", warnings, nil
	}
	if o.Strict && len(warnings) > 0 {
		return "", warnings, model.Refuse(nil, model.KindStrict, len(warnings))
	}
	if o.Format == Zip {
		// The bundle copies files the officer cannot get back from
		// anywhere else: it is never written over an existing file.
		if err := data.CheckDest(abs, false); err != nil {
			return "", warnings, err
		}
		err := data.WriteFile(abs, false, func(f *os.File) error {
			bw := bufio.NewWriterSize(f, 1<<20)
			if err := WriteBundle(ctx, bw, s, doc, o.Now); err != nil {
				return err
			}
			return bw.Flush()
		})
		if err != nil {
			return "", warnings, err
		}
		return abs, warnings, nil
	}
	var write func(io.Writer) error
	if o.Format == JSON {
		year := o.Year
		if o.All {
			year = 0
		}
		dump, err := s.Dump(ctx, year)
		if err != nil {
			return "", warnings, err
		}
		if err := s.LoadBlobs(ctx, &dump); err != nil {
			return "", warnings, err
		}
		cov, err := exportCoverage(ctx, s, dump, o.AsOf, o.Today)
		if err != nil {
			return "", warnings, err
		}
		write = func(w io.Writer) error { return writeJSON(w, dump, year, o.Now, cov) }
	} else {
		write = func(w io.Writer) error { return Render(w, o.Format, doc) }
	}
	if o.To != nil {
		bw := bufio.NewWriterSize(o.To, 1<<16)
		if err := write(bw); err != nil {
			return "", warnings, err
		}
		return "", warnings, bw.Flush()
	}
	err = data.WriteFile(abs, o.Force, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<16)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return "", warnings, err
	}
	return abs, warnings, nil
}

// Render writes the document in one of the document formats (everything
// but JSON); the workbook and the CSV ledger use its summary.
func Render(w io.Writer, f Format, s model.Document) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, s)
	case Text:
		return WriteText(w, s)
	case Word:
		return WriteDocx(w, s)
	case Excel:
		return WriteXLSX(w, s.Summary)
	case CSV:
		return WriteCSV(w, s.Summary)
	}
	return fmt.Errorf("render: %q is not a summary format", f)
}
