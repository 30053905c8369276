package ui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/internal/catalog"
)

// Ledger is what the interface needs of the store. Every call happens in a
// tea.Cmd, never in Update.
type Ledger interface {
	// Generation is the ledger's generation as of the last write: undo
	// expects the one its change was made in (data.Expecting).
	Generation() string
	YearStatus(ctx context.Context, year int, asOf model.Date) (model.YearStatus, error)
	Records(ctx context.Context, f data.RecordFilter) ([]model.Record, error)
	Duties(ctx context.Context) ([]model.Duty, error)
	AddRecord(ctx context.Context, r model.Record, today model.Date) (model.Record, error)
	UpdateRecord(ctx context.Context, r model.Record, today model.Date) (before, after model.Record, err error)
	DeleteRecord(ctx context.Context, r model.Record) (model.Record, error)
	UndoAdd(ctx context.Context, added model.Record) error
	UndoEdit(ctx context.Context, before, after model.Record) error
	UndoDelete(ctx context.Context, deleted model.Record) error
	AddDuty(ctx context.Context, d model.Duty, t model.Target) (int64, error)
	EditDuty(ctx context.Context, c data.DutyChange) error
	AddDuties(ctx context.Context, ds []model.Duty, ts []model.Target) (data.Added, error)
	UndoAddDuties(ctx context.Context, a data.Added) error
	Carry(ctx context.Context, from, to int) (data.Added, error)
	Changed(ctx context.Context) (bool, error)
	// Evidence on records.
	Evidence(ctx context.Context, recordID int64) ([]model.Evidence, error)
	AddEvidence(ctx context.Context, recordID int64, items []data.Attachment) ([]model.Evidence, error)
	RemoveEvidence(ctx context.Context, id int64) (model.Evidence, error)
	UndoAddEvidence(ctx context.Context, items []model.Evidence) error
	UndoRemoveEvidence(ctx context.Context, e model.Evidence) error
	EvidenceData(ctx context.Context, id int64) (model.Evidence, []byte, error)
	PurgeEvidence(ctx context.Context) (data.Purged, error)
}

// common is shared by the root and every screen: styles, keys, words,
// size, and the loaded year.
type common struct {
	st     *Styles
	keys   KeyMap
	t      *Text
	lang   model.Lang
	isDark bool
	ledger Ledger
	now    func() time.Time
	width  int
	height int
	data   *yearData
	// intents are what components asked for during the current Update,
	// for the App to act on before the next message.
	intents []tea.Msg
}

// errText is the sentence to show for err, in the officer's language.
// Refusals of a kind the interface knows name the keys that help, not a
// command to type.
func (c *common) errText(err error) string {
	t, lk := c.t, c.keys.Ledger
	var exists data.ErrExists
	var taken data.ErrTitleTaken
	var noTarget data.ErrNoTargetIn
	var archived data.ErrArchivedOn
	switch {
	case errors.As(err, &exists):
		return fmt.Sprintf(t.ErrExists, exists.Path)
	case errors.As(err, &taken):
		return fmt.Sprintf(t.ErrTitleTaken, taken.Title, c.keys.List.Filter.Help().Key, lk.Edit.Help().Key)
	case errors.As(err, &noTarget):
		shown := noTarget.Year
		if c.data != nil {
			shown = c.data.year
		}
		return fmt.Sprintf(t.ErrNoTarget, noTarget.Title, noTarget.Year, shown)
	case errors.As(err, &archived):
		return fmt.Sprintf(t.ErrArchived, archived.Title, archived.On, lk.EditDuty.Help().Key)
	}
	if msg, ok := catalog.Phrase(t, c.lang, err); ok {
		return msg
	}
	if ie, ok := model.AsInput(err); ok {
		return ie.In(c.lang)
	}
	if f, ok := model.AsFailure(err); ok {
		return f.In(c.lang)
	}
	return err.Error()
}

func (c *common) today() model.Date { return model.DateOf(c.now()) }

// dutyTitle is a duty's title as lists show it: an archived duty says so.
func (c *common) dutyTitle(d model.Duty) string {
	if d.Archived.IsZero() {
		return d.Title
	}
	return d.Title + c.t.ArchivedTag
}

// yearData is one year of the ledger as loaded, with what the screens
// derive from it once rather than on every key press.
type yearData struct {
	year      int
	status    model.YearStatus
	records   []model.Record           // the year's records (ISO weeks included), newest first
	byDuty    map[int64][]model.Record // the same, by duty
	titles    map[int64]string         // every duty's title, archived ones too
	initials  map[int64]string         // pinyin initials of each title
	people    []string                 // participants seen, most frequent first
	empty     bool                     // the ledger holds nothing at all
	recordsIn bool                     // the records have been read
	prevYear  bool                     // the year before has targets to copy
	dutyIndex map[int64]int            // position in status.Duties
	duties    map[int64]model.Duty     // every duty
	roster    model.Roster             // the people and their groups
}

type loadedMsg struct {
	data *yearData
	err  error
}

// recordsMsg brings a year's records, read after its status so that the
// first frame does not wait for them.
type recordsMsg struct {
	year    int
	records []model.Record
	err     error
}

// load reads one year's status: all the dashboard needs.
func load(l Ledger, year int, asOf model.Date) tea.Cmd {
	return func() tea.Msg {
		d, err := readYear(context.Background(), l, year, asOf)
		return loadedMsg{d, err}
	}
}

// loadRecords reads the year's records (with the ISO weeks at its ends).
func loadRecords(l Ledger, year int) tea.Cmd {
	return func() tea.Msg {
		from, to := model.YearSpan(year)
		recs, err := l.Records(context.Background(), data.RecordFilter{From: from, To: to})
		return recordsMsg{year, recs, err}
	}
}

func readYear(ctx context.Context, l Ledger, year int, asOf model.Date) (*yearData, error) {
	// What is read next includes every change so far: start watching for
	// other processes' writes from here.
	if _, err := l.Changed(ctx); err != nil {
		return nil, err
	}
	ys, err := l.YearStatus(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	all, err := l.Duties(ctx)
	if err != nil {
		return nil, err
	}
	d := &yearData{
		year: year, status: ys,
		byDuty: map[int64][]model.Record{}, titles: map[int64]string{}, initials: map[int64]string{},
		dutyIndex: map[int64]int{}, duties: map[int64]model.Duty{},
	}
	for _, x := range all {
		d.titles[x.ID] = x.Title
		d.duties[x.ID] = x
		d.initials[x.ID] = model.Initials(x.Title)
	}
	for i, dy := range ys.Duties {
		d.dutyIndex[dy.Duty.ID] = i
	}
	if pl, ok := l.(interface {
		Roster(context.Context) (model.Roster, error)
	}); ok {
		if d.roster, err = pl.Roster(ctx); err != nil {
			return nil, err
		}
		d.people = rosterNames(d.roster, nil)
	}
	d.empty = len(all) == 0
	if len(ys.Duties) == 0 && !d.empty {
		prev, err := l.YearStatus(ctx, year-1, asOf)
		if err == nil && len(prev.Duties) > 0 {
			d.prevYear = true
		}
	}
	return d, nil
}

// setRecords files the year's records by duty and gathers the people in
// them, most frequent first, for the participants field.
func (d *yearData) setRecords(recs []model.Record) {
	d.records = recs
	d.byDuty = map[int64][]model.Record{}
	seen := map[string]int{}
	for _, r := range recs {
		d.byDuty[r.DutyID] = append(d.byDuty[r.DutyID], r)
		for _, p := range model.People(r.With) {
			seen[p]++
		}
	}
	var others []string
	for p := range seen {
		others = append(others, p)
	}
	sort.Slice(others, func(i, j int) bool {
		a, b := others[i], others[j]
		if seen[a] != seen[b] {
			return seen[a] > seen[b]
		}
		return a < b
	})
	d.people = rosterNames(d.roster, others)
	d.recordsIn = true
}

// dutyRecords are a duty's records that count in this year: those given
// for one of its periods (the year-end report logged in January for last
// year's second half), and the others that fall in its target's periods.
func (d *yearData) dutyRecords(dy model.DutyYear) []model.Record {
	var out []model.Record
	for _, r := range d.byDuty[dy.Duty.ID] {
		if r.For.IsZero() && model.PeriodIndex(dy.Target.Cadence, d.year, r.Date) >= 0 || !r.For.IsZero() && r.For.Year == d.year {
			out = append(out, r)
		}
	}
	return out
}

// rosterNames are the names the participants field offers: the roster's
// first (as they are matched, 张伟（财务科） for people of the same name),
// then the other names seen in records.
func rosterNames(r model.Roster, others []string) []string {
	out := make([]string, 0, len(r.People)+len(others))
	seen := map[string]bool{}
	for _, p := range r.People {
		if l := r.Label(p); !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, o := range others {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}
