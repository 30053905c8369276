package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"taizhang/data"
	"taizhang/model"
)

// The JSON export's identity. A reader refuses any other name, and any
// version newer than it knows.
const (
	FormatName    = "taizhang-ledger"
	FormatVersion = 1
)

// MaxImport is the largest JSON file import reads: a year's evidence
// travels inside the file (base64), and 500 scanned files of a few MB are
// well within it; the whole file is read into memory, so it stays far
// below what would exhaust a desktop's.
const MaxImport = 2 << 30

// jsonDoc is the file. Ledger ids are not written: duties are matched by
// title on import, and leaving ids out lets an export, imported into an
// empty ledger and exported again, come out identical.
type jsonDoc struct {
	Format     string       `json:"format"`
	Version    int          `json:"version"`
	ExportedAt string       `json:"exported_at"`
	Year       int          `json:"year,omitempty"` // the year exported; absent for a whole-ledger export
	All        bool         `json:"all,omitempty"`
	Profile    jsonProfile  `json:"profile"`
	Duties     []jsonDuty   `json:"duties"`
	Groups     []string     `json:"groups,omitempty"` // the roster's groups, empty ones included
	People     []jsonPerson `json:"people,omitempty"` // the roster (人员名单)
}

type jsonProfile struct {
	Name  string `json:"name"`
	Post  string `json:"post"`
	Unit  string `json:"unit"`
	Start string `json:"start,omitempty"` // the post start date
}

type jsonDuty struct {
	Title       string `json:"title"`
	Category    string `json:"category"`
	Description string `json:"description"`
	Basis       string `json:"basis"`
	Archived    string `json:"archived,omitempty"`
	// ArchiveReason is why the duty was archived, when said.
	ArchiveReason string `json:"archive_reason,omitempty"`
	// Evidence is the evidence the duty expects (会议记录、签到表).
	Evidence string       `json:"evidence,omitempty"`
	Targets  []jsonTarget `json:"targets"`
	Records  []jsonRecord `json:"records"`
	Excuses  []jsonExcuse `json:"excuses,omitempty"`
}

// jsonExcuse is an excused period: 2026-08, with its reason.
type jsonExcuse struct {
	Period string `json:"period"`
	Reason string `json:"reason"`
}

type jsonTarget struct {
	Year    int    `json:"year"`
	Cadence string `json:"cadence"`
	Min     int    `json:"min"`
	Start   string `json:"start,omitempty"`
	Each    string `json:"each,omitempty"` // the group of a per-person target
	// Coverage is derived (written for the reader, ignored on import).
	Coverage *Coverage `json:"coverage,omitempty"`
}

type jsonRecord struct {
	Date         string `json:"date"`
	Topic        string `json:"topic"`
	Participants string `json:"participants"`
	Place        string `json:"place"`
	Note         string `json:"note"`
	For          string `json:"for,omitempty"` // the earlier period it counts for (所属期间): 2026-H2
	Created      string `json:"created,omitempty"`
	Updated      string `json:"updated,omitempty"`
	// Evidence is the record's evidence, files with their bytes in base64.
	Evidence []jsonEvidence `json:"evidence,omitempty"`
}

// jsonEvidence is a file (name, type, size, sha256, data) or a paper
// locator (paper).
type jsonEvidence struct {
	Name   string `json:"name,omitempty"`
	Type   string `json:"type,omitempty"`
	Size   int64  `json:"size,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	Paper  string `json:"paper,omitempty"`
	Added  string `json:"added,omitempty"`
	Data   []byte `json:"data,omitempty"`
}

func stampOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// WriteJSON writes d as the JSON export of year (0: the whole ledger),
// stamped with now. The order is d's, which Store.Dump makes stable.
func WriteJSON(w io.Writer, d data.Dump, year int, now time.Time) error {
	return writeJSON(w, d, year, now, nil)
}

// writeJSON is WriteJSON with the per-person targets' coverage, by duty
// and year.
func writeJSON(w io.Writer, d data.Dump, year int, now time.Time, cov map[coverageKey]*Coverage) error {
	// Text is cleaned on the way out as well as in: a ledger edited behind
	// taizhang's back must not smuggle control characters into the file.
	line, text := model.CleanLine, model.Clean
	doc := jsonDoc{Format: FormatName, Version: FormatVersion, ExportedAt: now.UTC().Format(time.RFC3339),
		Year: year, All: year == 0, Duties: make([]jsonDuty, 0, len(d.Duties)),
		Profile: jsonProfile{Name: line(d.Profile.Name), Post: line(d.Profile.Post), Unit: line(d.Profile.Unit), Start: d.Profile.Start.String()}}
	for _, dd := range d.Duties {
		jd := jsonDuty{Title: line(dd.Duty.Title), Category: string(dd.Duty.Category), Description: text(dd.Duty.Description),
			Basis: text(dd.Duty.Basis), Archived: dd.Duty.Archived.String(), ArchiveReason: line(dd.Duty.ArchiveReason), Evidence: line(dd.Duty.Evidence),
			Targets: make([]jsonTarget, 0, len(dd.Targets)), Records: make([]jsonRecord, 0, len(dd.Records))}
		for _, t := range dd.Targets {
			jd.Targets = append(jd.Targets, jsonTarget{Year: t.Year, Cadence: string(t.Cadence), Min: t.Min, Start: t.Start.String(), Each: line(t.Each),
				Coverage: cov[coverageKey{dd.Duty.ID, t.Year}]})
		}
		for j, r := range dd.Records {
			jr := jsonRecord{Date: r.Date.String(), Topic: line(r.Topic), Participants: line(r.With),
				Place: line(r.Place), Note: text(r.Note), For: r.For.String(), Created: stampOrEmpty(r.Created), Updated: stampOrEmpty(r.Updated)}
			if j < len(dd.Evidence) {
				for _, e := range dd.Evidence[j] {
					je := jsonEvidence{Paper: line(e.Paper), Added: stampNano(e.Added)}
					if e.IsFile() {
						je.Name, je.Type, je.Size, je.SHA256, je.Data = model.EvidenceName(e.Name), line(e.Type), e.Size, e.SHA256, e.Data
					}
					jr.Evidence = append(jr.Evidence, je)
				}
			}
			jd.Records = append(jd.Records, jr)
		}
		for _, e := range dd.Excuses {
			jd.Excuses = append(jd.Excuses, jsonExcuse{Period: e.Period.String(), Reason: line(e.Reason)})
		}
		doc.Duties = append(doc.Duties, jd)
	}
	doc.Groups, doc.People = rosterJSON(d.Roster)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// Import reads the JSON export at path and loads it into s in one
// transaction (see data.Store.Load for how it reconciles with what the
// ledger holds). A malformed file, a wrong format or version, an invalid
// value or a conflict is refused with one sentence, and nothing is written.
func Import(ctx context.Context, s *data.Store, path string, today model.Date) (data.Loaded, error) {
	d, err := ReadFile(path, today)
	if err != nil {
		return data.Loaded{}, err
	}
	return LoadFile(ctx, s, path, d, today)
}

// ReadFile reads and checks the JSON export at path, touching no ledger:
// the command line reads the file before it opens (or creates) one.
func ReadFile(path string, today model.Date) (data.Dump, error) {
	// Opened without waiting and refused unless a regular file: a named
	// pipe with no writer would hang the command for ever.
	f, err := data.OpenRegular(path, model.KindFileExport)
	if err != nil {
		return data.Dump{}, err
	}
	defer f.Close()
	d, err := ReadJSON(f, today)
	if ie, ok := model.AsInput(err); ok {
		return d, ie.Within(fmt.Sprintf("不能导入 %s：", path), fmt.Sprintf("Cannot import %s: ", path))
	}
	return d, err
}

// LoadFile loads what ReadFile read from path into s in one transaction.
func LoadFile(ctx context.Context, s *data.Store, path string, d data.Dump, today model.Date) (data.Loaded, error) {
	loaded, err := s.Load(ctx, d, today)
	if ie, ok := model.AsInput(err); ok {
		return loaded, ie.Within(fmt.Sprintf("不能导入 %s：", path), fmt.Sprintf("Cannot import %s: ", path))
	}
	return loaded, err
}

// within is ie after the place in the file that lead (a refusal with no
// sentence of its own) names.
func within(lead error, ie *model.InputError) error {
	l, _ := model.AsInput(lead)
	return ie.Within(l.Zh, l.En)
}

// ReadJSON reads and checks a JSON export: the format name and version,
// every field's type and value (text passes model.Clean on the way in),
// no unknown fields, no future records, and no duty or target given twice.
func ReadJSON(r io.Reader, today model.Date) (data.Dump, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImport+1))
	if err != nil {
		return data.Dump{}, err
	}
	if len(raw) > MaxImport {
		return data.Dump{}, model.Refuse(nil, model.KindImportTooBig)
	}
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF")) // an editor may have added one
	// JSON is UTF-8; a file saved as GB18030 or UTF-16 would otherwise be
	// read with every Chinese character turned into U+FFFD.
	if !utf8.Valid(raw) {
		return data.Dump{}, model.Refuse(nil, model.KindImportNotUTF8)
	}
	// The identity first, so a file of another format is named as such
	// rather than reported by its first unknown field.
	var head struct {
		Format  any `json:"format"`
		Version any `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return data.Dump{}, syntaxError(raw, err)
	}
	if head.Format != FormatName {
		return data.Dump{}, model.Refuse(nil, model.KindImportNotOurs, FormatName)
	}
	v, ok := head.Version.(float64)
	if !ok || v != float64(int(v)) || v < 1 {
		return data.Dump{}, model.Refuse(nil, model.KindImportVersion)
	}
	if int(v) > FormatVersion {
		return data.Dump{}, model.Refuse(nil, model.KindImportNewer, int(v), FormatVersion)
	}
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return data.Dump{}, syntaxError(raw, err)
	}
	if dec.More() {
		return data.Dump{}, model.Refuse(nil, model.KindImportTrailing)
	}
	if _, err := time.Parse(time.RFC3339, doc.ExportedAt); err != nil {
		return data.Dump{}, model.Refuse(nil, model.KindImportExportedAt, model.CleanLine(doc.ExportedAt))
	}
	if doc.Year != 0 && !model.ValidYear(doc.Year) {
		return data.Dump{}, model.Refuse(nil, model.KindImportYear, doc.Year)
	}
	return doc.dump(today)
}

// syntaxError says where a JSON file stops making sense, by line.
func syntaxError(raw []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line := 1 + bytes.Count(raw[:min(int(se.Offset), len(raw))], []byte("\n"))
		return model.Refuse(nil, model.KindImportSyntax, line)
	case errors.As(err, &te):
		line := 1 + bytes.Count(raw[:min(int(te.Offset), len(raw))], []byte("\n"))
		return model.Refuse(nil, model.KindImportFieldType, te.Field, line, te.Type.String())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return model.Refuse(nil, model.KindImportEmpty)
	}
	return model.Refuse(nil, model.KindImportOther, model.CleanLine(err.Error()))
}

func (doc jsonDoc) dump(today model.Date) (data.Dump, error) {
	d := data.Dump{Profile: model.Profile{Name: doc.Profile.Name, Post: doc.Profile.Post, Unit: doc.Profile.Unit}}
	if err := d.Profile.Normalize(); err != nil {
		return d, err
	}
	if doc.Profile.Start != "" {
		s, err := model.ParseDate(doc.Profile.Start)
		if err != nil {
			return d, model.Refuse(nil, model.KindImportProfileStart, model.CleanLine(doc.Profile.Start))
		}
		d.Profile.Start = s
	}
	type dutyKey struct {
		title    string
		archived model.Date
	}
	seen := map[dutyKey]int{}
	d.Duties = make([]data.DumpDuty, 0, len(doc.Duties))
	for i, jd := range doc.Duties {
		where := func(zh, en string) error {
			title := model.CleanLine(jd.Title)
			return model.Invalid(nil, fmt.Sprintf("第%d个事项（“%s”）：%s", i+1, title, zh), fmt.Sprintf("duty %d (%q): %s", i+1, title, en))
		}
		cat, ok := model.ParseCategory(jd.Category)
		if !ok || string(cat) != jd.Category {
			return d, within(where("", ""), model.Refuse(nil, model.KindImportBadCategory, model.CleanLine(jd.Category)))
		}
		dd := data.DumpDuty{Duty: model.Duty{Title: jd.Title, Category: cat, Description: jd.Description, Basis: jd.Basis,
			ArchiveReason: jd.ArchiveReason, Evidence: jd.Evidence}}
		if jd.Archived != "" {
			a, err := model.ParseDate(jd.Archived)
			if err != nil {
				return d, within(where("", ""), model.Refuse(nil, model.KindImportArchiveDate, model.CleanLine(jd.Archived)))
			}
			dd.Duty.Archived = a
		}
		if err := dd.Duty.Normalize(); err != nil {
			ie, _ := model.AsInput(err)
			return d, within(where("", ""), ie)
		}
		key := dutyKey{dd.Duty.Title, dd.Duty.Archived}
		if j, dup := seen[key]; dup {
			return d, model.Refuse(nil, model.KindImportTwoDuties, j+1, i+1, dd.Duty.Title)
		}
		seen[key] = i
		years := map[int]bool{}
		for _, jt := range jd.Targets {
			cad, ok := model.ParseCadence(jt.Cadence)
			if !ok || string(cad) != jt.Cadence {
				return d, within(where("", ""), model.Refuse(nil, model.KindImportCadence, jt.Year, model.CleanLine(jt.Cadence)))
			}
			t := model.Target{Year: jt.Year, Cadence: cad, Min: jt.Min, Each: model.CleanLine(jt.Each)}
			if jt.Start != "" {
				s, err := model.ParseDate(jt.Start)
				if err != nil {
					return d, within(where("", ""), model.Refuse(nil, model.KindImportStart, jt.Year, model.CleanLine(jt.Start)))
				}
				t.Start = s
			}
			if err := t.Check(); err != nil {
				ie, _ := model.AsInput(err)
				return d, within(where(fmt.Sprintf("%d年要求：", jt.Year), fmt.Sprintf("the %d target: ", jt.Year)), ie)
			}
			if years[t.Year] {
				return d, within(where("", ""), model.Refuse(nil, model.KindImportTargetTwice, t.Year))
			}
			years[t.Year] = true
			dd.Targets = append(dd.Targets, t)
		}
		dd.Records = make([]model.Record, 0, len(jd.Records))
		for k, jr := range jd.Records {
			rec := func(zh, en string) error {
				return where(fmt.Sprintf("第%d条记录%s", k+1, zh), fmt.Sprintf("record %d %s", k+1, en))
			}
			date, err := model.ParseDate(jr.Date)
			if err != nil {
				return d, within(rec("", ""), model.Refuse(nil, model.KindImportRecordDate, model.CleanLine(jr.Date)))
			}
			r := model.Record{Date: date, Topic: jr.Topic, With: jr.Participants, Place: jr.Place, Note: jr.Note}
			for _, ts := range []struct {
				name string
				raw  string
				to   *time.Time
			}{{"created", jr.Created, &r.Created}, {"updated", jr.Updated, &r.Updated}} {
				if ts.raw == "" {
					continue
				}
				t, err := time.Parse(time.RFC3339, ts.raw)
				if err != nil {
					return d, within(rec("", ""), model.Refuse(nil, model.KindImportRecordTime, ts.name, model.CleanLine(ts.raw)))
				}
				*ts.to = t
			}
			if jr.For != "" {
				ref, err := model.ParsePeriodRef(jr.For)
				if err != nil || ref.Period().End >= date {
					return d, within(rec("", ""), model.Refuse(nil, model.KindImportRecordFor, model.CleanLine(jr.For)))
				}
				r.For = ref
			}
			if err := r.Normalize(today); err != nil {
				ie, _ := model.AsInput(err)
				return d, within(rec("：", ": "), ie)
			}
			dd.Records = append(dd.Records, r)
			if len(jr.Evidence) > 0 {
				items, err := jr.evidence(func(zh, en string) error { return rec(zh, en) })
				if err != nil {
					return d, err
				}
				if dd.Evidence == nil {
					dd.Evidence = make([][]data.DumpEvidence, len(jd.Records))
				}
				dd.Evidence[k] = items
			}
		}
		periods := map[model.PeriodRef]bool{}
		for k, je := range jd.Excuses {
			ref, err := model.ParsePeriodRef(je.Period)
			reason := model.CleanLine(je.Reason)
			switch {
			case err != nil:
				return d, within(where("", ""), model.Refuse(nil, model.KindImportExcusePeriod, k+1, model.CleanLine(je.Period)))
			case reason == "":
				return d, within(where("", ""), model.Refuse(nil, model.KindImportExcuseNoReason, ref.String()))
			case periods[ref]:
				return d, within(where("", ""), model.Refuse(nil, model.KindImportExcuseTwice, ref.String()))
			}
			periods[ref] = true
			dd.Excuses = append(dd.Excuses, model.Excuse{Period: ref, Reason: reason})
		}
		d.Duties = append(d.Duties, dd)
	}
	var err error
	d.Roster, err = doc.roster()
	return d, err
}

func stampNano(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// evidence checks a record's evidence items: a file has a name, a size
// that matches its bytes, at most model.MaxEvidenceSize, and bytes that
// hash to its sha256; a paper locator has text and nothing of a file.
func (jr jsonRecord) evidence(rec func(zh, en string) error) ([]data.DumpEvidence, error) {
	out := make([]data.DumpEvidence, 0, len(jr.Evidence))
	for n, je := range jr.Evidence {
		item := func(zh, en string) error {
			return rec(fmt.Sprintf("的第%d项佐证材料%s", n+1, zh), fmt.Sprintf("evidence item %d %s", n+1, en))
		}
		var e data.DumpEvidence
		if je.Added != "" {
			t, err := time.Parse(time.RFC3339, je.Added)
			if err != nil {
				return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemTime, model.CleanLine(je.Added)))
			}
			e.Added = t
		}
		if je.Paper != "" {
			if je.SHA256 != "" || je.Name != "" || len(je.Data) > 0 || je.Size != 0 {
				return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemBoth))
			}
			paper, err := model.CheckPaper(je.Paper)
			if err != nil {
				ie, _ := model.AsInput(err)
				return nil, within(item("：", ": "), ie)
			}
			e.Paper = paper
			out = append(out, e)
			continue
		}
		switch {
		case je.SHA256 == "":
			return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemNeither))
		case je.Size > model.MaxEvidenceSize || len(je.Data) > model.MaxEvidenceSize:
			return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemTooLarge))
		case int64(len(je.Data)) != je.Size:
			return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemSize, len(je.Data), je.Size))
		case data.HashHex(je.Data) != strings.ToLower(je.SHA256):
			return nil, within(item("", ""), model.Refuse(nil, model.KindImportItemHash))
		}
		e.Name = model.EvidenceName(je.Name)
		e.Type = model.CleanLine(je.Type)
		e.Size = je.Size
		e.SHA256 = strings.ToLower(je.SHA256)
		e.Data = je.Data
		if e.Data == nil {
			e.Data = []byte{}
		}
		out = append(out, e)
	}
	return out, nil
}
