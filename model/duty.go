package model

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// Cadence is the length of a target's period.
type Cadence string

// The cadences, shortest first.
const (
	Week    Cadence = "week"
	Month   Cadence = "month"
	Quarter Cadence = "quarter"
	Half    Cadence = "half"
	Year    Cadence = "year"
)

// Cadences lists every cadence, shortest first.
var Cadences = []Cadence{Week, Month, Quarter, Half, Year}

// Valid reports whether c is one of the five cadences.
func (c Cadence) Valid() bool {
	switch c {
	case Week, Month, Quarter, Half, Year:
		return true
	}
	return false
}

// ParseCadence reads a cadence written in English or Chinese
// (week, weekly, 每周, 周, month, 每月, 月, …).
func ParseCadence(s string) (Cadence, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "week", "weekly", "w", "每周", "周":
		return Week, true
	case "month", "monthly", "m", "每月", "月", "按月":
		return Month, true
	case "quarter", "quarterly", "q", "每季度", "每季", "季度", "季":
		return Quarter, true
	case "half", "half-year", "halfyear", "half-yearly", "h", "每半年", "半年":
		return Half, true
	case "year", "yearly", "annual", "y", "每年", "全年", "年":
		return Year, true
	}
	return "", false
}

// Category groups duties on the dashboard and in the summary.
type Category string

// The categories, in the order the dashboard shows them.
const (
	Study     Category = "study"
	Talk      Category = "talk"
	Lesson    Category = "lesson"
	Meeting   Category = "meeting"
	Report    Category = "report"
	Research  Category = "research"
	Education Category = "education"
	Other     Category = "other"
)

// Categories lists every category in display order.
var Categories = []Category{Study, Talk, Lesson, Meeting, Report, Research, Education, Other}

// Valid reports whether c is one of the categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Rank is c's position in display order.
func (c Category) Rank() int {
	for i, k := range Categories {
		if c == k {
			return i
		}
	}
	return len(Categories)
}

// ParseCategory reads a category by its English key or its Chinese name.
func ParseCategory(s string) (Category, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, c := range Categories {
		if s == string(c) || s == c.Name(Chinese) || s == strings.ToLower(c.Name(English)) {
			return c, true
		}
	}
	return "", false
}

// Duty is a recurring obligation, stable across years.
type Duty struct {
	ID          int64
	Title       string
	Category    Category
	Description string
	Basis       string // where the duty comes from, e.g. 《…》第4条
	Archived    Date   // the day it was archived; zero while active
	// ArchiveReason is why it was archived (岗位调整), for the year-end
	// documents; empty when not said, and while active.
	ArchiveReason string
	// Rev is the version of the stored duty this value was read from: an
	// edit is refused when the duty has changed since.
	Rev string
	// Evidence names the evidence the duty expects (会议记录、签到表、照片);
	// empty when it expects none. The pre-export check asks for it.
	Evidence string
}

// ActiveIn reports whether the duty counts in year y: an archived duty
// stays in the years up to the one it was archived in (where the periods
// after its archive date are no longer required, see Target.End) and
// leaves the years after.
func (d Duty) ActiveIn(year int) bool {
	return d.Archived.IsZero() || year <= d.Archived.Year()
}

// TargetIn returns t as it applies to the duty: in the year the duty was
// archived, the periods starting after the archive date are not required.
func (d Duty) TargetIn(t Target) Target {
	if !d.Archived.IsZero() && d.Archived.Year() == t.Year {
		t.End = d.Archived
	}
	return t
}

// Target is a duty's requirement in one year.
type Target struct {
	DutyID  int64
	Year    int
	Cadence Cadence
	Min     int  // records required in each period
	Start   Date // periods ending before it are not required; zero for none
	// End is the day the duty was archived, when that falls in the year:
	// periods starting after it are not required, and the duty is judged
	// as it stood that day, when it was handed over. It is not stored
	// with the target; Duty.TargetIn sets it.
	End Date
	// Each names the group of a per-person target ("each person of group
	// G, at least Min per period", DESIGN §3a); empty for an ordinary one.
	Each string
}

// PerPerson reports whether t is owed to each person of a group.
func (t Target) PerPerson() bool { return t.Each != "" }

// Record is one completion of a duty.
type Record struct {
	ID     int64
	DutyID int64
	Date   Date
	Topic  string
	With   string // participants or the person talked to
	Place  string
	Note   string
	// For is the earlier period the record was for (所属期间), where it
	// counts instead of the period holding its date; zero when it counts
	// where it is dated. CheckFor says which periods it may name.
	For     PeriodRef
	Created time.Time // when it was first entered
	Updated time.Time
	// Rev is the version of the stored record this value was read from:
	// an edit or delete is refused when the record has changed since.
	Rev string
}

// Limits on what a user may enter.
const (
	MaxTitle = 100   // characters in a duty title
	MaxText  = 2000  // characters in a topic, participants, place, basis or note
	MaxMin   = 1000  // records per period
	MaxNote  = 10000 // characters in a note or description
)

// Sentinel errors callers tell apart.
var (
	ErrFutureDate = errors.New("date in the future")
	ErrNoTarget   = errors.New("duty has no target in that year")
	ErrNotFound   = errors.New("not found")
	ErrAmbiguous  = errors.New("ambiguous")
	ErrChanged    = errors.New("changed elsewhere")
)

// InputError is bad input: one sentence, in both languages, saying what was
// wrong and what to do. The CLI exits 2 on it; the TUI shows it in place.
//
// An InputError of a Kind carries the kind and its arguments and no words:
// a front end phrases it. The others still carry their sentence in both
// languages (Zh, En).
type InputError struct {
	Zh, En string
	Kind   Kind
	Args   []any
	Err    error  // a sentinel, when callers must tell the case apart
	Field  string // the input it is about (title, category, cadence, min, start, date, …), when one
	// LeadZh and LeadEn name where the trouble is ("不能导入 a.json：第2个事项：")
	// before the sentence.
	LeadZh, LeadEn string
}

func (e *InputError) Error() string {
	if e.Kind != "" {
		return e.LeadEn + describe(e.Kind, e.Args)
	}
	return e.LeadEn + e.En
}

// Within is e after a lead naming where the trouble is, in both languages.
func (e *InputError) Within(zh, en string) *InputError {
	c := *e
	c.LeadZh, c.LeadEn = zh+c.LeadZh, en+c.LeadEn
	return &c
}

// Lead is the lead in lang.
func (e *InputError) Lead(lang Lang) string {
	if lang == English {
		return e.LeadEn
	}
	return e.LeadZh
}

func (e *InputError) Unwrap() error { return e.Err }

// In returns the message in lang; an error of a Kind is described, for a
// log: the front ends phrase it from their catalogues.
func (e *InputError) In(lang Lang) string {
	if e.Kind != "" {
		return e.Lead(lang) + describe(e.Kind, e.Args)
	}
	if lang == English {
		return e.LeadEn + e.En
	}
	return e.LeadZh + e.Zh
}

// Invalid makes an InputError.
func Invalid(err error, zh, en string) *InputError { return &InputError{Zh: zh, En: en, Err: err} }

// longer refuses a field longer than most characters, naming it by the
// kind that names it (KindFieldTitle).
func longer(field string, name Kind, most int) *InputError {
	return RefuseField(field, nil, KindTooLong, name, most)
}

// AsInput returns the InputError inside err, if any.
func AsInput(err error) (*InputError, bool) {
	var ie *InputError
	ok := errors.As(err, &ie)
	return ie, ok
}

// Normalize cleans a duty's text fields and checks them.
func (d *Duty) Normalize() error {
	d.Title = CleanLine(d.Title)
	d.Description = Clean(d.Description)
	d.Basis = Clean(d.Basis)
	d.Evidence = CleanLine(d.Evidence)
	d.ArchiveReason = CleanLine(d.ArchiveReason)
	switch {
	case d.Title == "":
		return RefuseField("title", nil, KindTitleEmpty)
	case utf8.RuneCountInString(d.Title) > MaxTitle:
		return longer("title", KindFieldTitle, MaxTitle)
	case !d.Category.Valid():
		return RefuseField("category", nil, KindCategory)
	case utf8.RuneCountInString(d.Basis) > MaxText:
		return longer("basis", KindFieldBasis, MaxText)
	case utf8.RuneCountInString(d.Evidence) > MaxText:
		return longer("evidence", KindFieldEvidence, MaxText)
	case utf8.RuneCountInString(d.Description) > MaxNote:
		return longer("description", KindFieldDescription, MaxNote)
	}
	return CheckArchiveReason(d.ArchiveReason)
}

// CheckArchiveReason refuses a reason for archiving too long for the
// documents' one line.
func CheckArchiveReason(reason string) error {
	if utf8.RuneCountInString(reason) > MaxReason {
		return longer("archive-reason", KindFieldReason, MaxReason)
	}
	return nil
}

// Check validates a target.
func (t Target) Check() error {
	switch {
	case !ValidYear(t.Year):
		return RefuseField("year", nil, KindYearRange)
	case !t.Cadence.Valid():
		return RefuseField("cadence", nil, KindCadence)
	case t.Min < 1 || t.Min > MaxMin:
		return RefuseField("min", nil, KindMin)
	case !t.Start.IsZero() && t.Start.Year() != t.Year:
		return RefuseField("start", nil, KindStartOutside)
	}
	if !t.Start.IsZero() {
		if _, last := Span(t.Cadence, t.Year); t.Start > last {
			// The last ISO week of a year can end before 31 December.
			return RefuseField("start", nil, KindStartAfterLast, t.Year, last)
		}
	}
	return nil
}

// Normalize cleans a record's text fields and checks it against today.
func (r *Record) Normalize(today Date) error {
	r.Topic = CleanLine(r.Topic)
	r.With = CleanLine(r.With)
	if len(People(r.With)) == 0 {
		r.With = "" // separators only (、、 ,,): nobody, so documents leave the blank
	}
	r.Place = CleanLine(r.Place)
	r.Note = Clean(r.Note)
	switch {
	case r.Date.IsZero():
		return RefuseField("date", ErrBadDate, KindDateMissing)
	case r.Date > today:
		return RefuseField("date", ErrFutureDate, KindDateFuture, r.Date)
	case !ValidYear(r.Date.Year()):
		return RefuseField("date", ErrBadDate, KindDateYear)
	case utf8.RuneCountInString(r.Topic) > MaxText, utf8.RuneCountInString(r.With) > MaxText,
		utf8.RuneCountInString(r.Place) > MaxText:
		return Refuse(nil, KindRecordTextLong, MaxText)
	case utf8.RuneCountInString(r.Note) > MaxNote:
		return Refuse(nil, KindRecordNoteLong, MaxNote)
	}
	return nil
}

// People splits a participants field into names, on the separators people
// use: 、 ， , ； ; / and spaces. A bracketed note belongs to the name it
// follows, with or without a space before it (张伟 (财务科) is one person,
// as 张伟（财务科） is), and nothing inside the brackets splits it.
func People(with string) []string {
	var out []string
	from, depth := -1, 0 // where the name being read starts in with
	pre := ""            // the name a note after a space goes back to
	for i, r := range with {
		switch r {
		case '（', '(':
			if !strings.ContainsAny(with[i:], "）)") {
				break // never closed: an ordinary character
			}
			if from < 0 && depth == 0 && len(out) > 0 && spaceBefore(with[:i]) {
				// 张伟 (财务科): the note goes back to the name before it.
				pre, out = out[len(out)-1], out[:len(out)-1]
			}
			depth++
		case '）', ')':
			depth = max(0, depth-1)
		default:
			if isNameSeparator(r) && depth == 0 {
				if from >= 0 {
					out = appendName(out, pre+with[from:i], with)
					from, pre = -1, ""
				}
				continue
			}
		}
		if from < 0 {
			from = i
		}
	}
	if from >= 0 {
		out = appendName(out, pre+with[from:], with)
	}
	return out
}

// appendName appends the name tok read from a participants field, or,
// when its brackets held no note of a name (（（a b）c, or a lone （a b）),
// the names it holds split as if there were no brackets.
func appendName(out []string, tok string, with string) []string {
	if out == nil {
		// Sized once, as many as there are separators and one: a field
		// of two names is one allocation, not two.
		n := 1
		for _, r := range with {
			if isNameSeparator(r) {
				n++
			}
		}
		out = make([]string, 0, n)
	}
	if strings.ContainsAny(tok, "（(") && strings.ContainsFunc(tok, isNameSeparator) {
		if name := splitNote(normName(tok)).Name; name == "" || strings.ContainsFunc(name, isNameSeparator) {
			return append(out, strings.FieldsFunc(tok, isNameSeparator)...)
		}
	}
	return append(out, tok)
}

// isNameSeparator reports whether r separates participants.
func isNameSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', ' ', '\u3000', '/':
		return true
	}
	return false
}

// spaceBefore reports whether s ends in spaces after a name, so that a
// bracket that follows is that name's note (not 张三、(财务科)).
func spaceBefore(s string) bool {
	t := strings.TrimRight(s, " \u3000")
	return len(t) < len(s) && t != "" && !isNameSeparator(lastRune(t))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
