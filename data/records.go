package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"taizhang/model"
)

const recordCols = `r.id, r.duty_id, r.date, r.topic, r.participants, r.place, r.note, r.created_at, r.updated_at, r.rev, r.for_period`

// eachRecord hands each to the records that rest, the rest of a query
// after "SELECT recordCols FROM records r", finds, in its order.
func eachRecord(ctx context.Context, q queryer, rest string, args []any, each func(model.Record)) error {
	rows, err := q.QueryContext(ctx, `SELECT `+recordCols+` FROM records r `+rest, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return err
		}
		each(r)
	}
	return rows.Err()
}

// eachLateRecord hands each the records dated after day that name one of
// year's periods as the one they were for (the year-end report given in
// January), by date, then id.
func eachLateRecord(ctx context.Context, q queryer, year int, day model.Date, each func(model.Record)) error {
	return eachRecord(ctx, q, `WHERE r.for_period IS NOT NULL AND substr(r.for_period, 1, 4) = ? AND r.date > ? ORDER BY r.date, r.id`,
		[]any{fmt.Sprintf("%04d", year), day.String()}, each)
}

func scanRecord(sc interface{ Scan(...any) error }, extra ...any) (model.Record, error) {
	var r model.Record
	var date, created, updated string
	var forPeriod sql.NullString
	err := sc.Scan(append([]any{&r.ID, &r.DutyID, &date, &r.Topic, &r.With, &r.Place, &r.Note, &created, &updated, &r.Rev, &forPeriod}, extra...)...)
	r.Date = parseDate(date)
	r.Created = parseStamp(created)
	r.Updated = parseStamp(updated)
	r.For = periodOrZero(forPeriod)
	return r, err
}

// periodOrZero reads a stored period; one that no longer reads (it cannot,
// by the column's check, short of a hand edit) names no period, so the
// record counts where it is dated.
func periodOrZero(ns sql.NullString) model.PeriodRef {
	if !ns.Valid {
		return model.PeriodRef{}
	}
	ref, err := model.ParsePeriodRef(ns.String)
	if err != nil {
		return model.PeriodRef{}
	}
	return ref
}

func nullPeriod(ref model.PeriodRef) any {
	if ref.IsZero() {
		return nil
	}
	return ref.String()
}

// targetFor finds the duty's target whose periods hold day d: the target
// of d's year, or, for the days around New Year, the weekly target of the
// ISO year d's week belongs to.
func targetFor(ctx context.Context, q queryer, dutyID int64, d model.Date) (model.Target, bool, error) {
	years := []int{d.Year()}
	if iy, _ := d.ISOWeek(); iy != d.Year() {
		years = append(years, iy)
	}
	for _, y := range years {
		t, has, err := target(ctx, q, dutyID, y)
		if err != nil {
			return t, false, err
		}
		if has && model.PeriodIndex(t.Cadence, y, d) >= 0 {
			return t, true, nil
		}
	}
	return model.Target{}, false, nil
}

// TargetFor is the duty's target whose periods hold day d, if any.
func (s *Store) TargetFor(ctx context.Context, dutyID int64, d model.Date) (model.Target, bool, error) {
	t, has, err := targetFor(ctx, s.db, dutyID, d)
	return t, has, s.errOrNil(err)
}

// checkRecordTarget refuses a record for a duty with no target whose
// periods hold its date, unless it names the earlier period it was for
// (its 所属期间), which must be one CheckFor allows; it returns the record
// with its period kept, or cleared when that is the period of its date.
// The participants are checked against the target the record counts
// under (checkNames).
func checkRecordTarget(ctx context.Context, q queryer, r model.Record) (model.Record, error) {
	d, err := duty(ctx, q, r.DutyID)
	if err != nil {
		return r, err
	}
	if !r.For.IsZero() {
		if !d.Archived.IsZero() && r.Date > d.Archived {
			return r, archivedAfter(d)
		}
		t, has, err := target(ctx, q, r.DutyID, r.For.Year)
		if err != nil {
			return r, err
		}
		if r.For, err = model.CheckFor(r.For, r.Date, d.TargetIn(t), has); err != nil {
			return r, err
		}
		if !r.For.IsZero() {
			// it counts in that period, whatever its date's year requires
			return r, checkNames(ctx, q, t, r)
		}
	}
	t, err := checkDateTarget(ctx, q, d, r)
	if err != nil {
		return r, err
	}
	return r, checkNames(ctx, q, t, r)
}

// checkNames refuses, for a duty owed to each person of a group, a
// participant's name that two people on the roster share, written without
// what tells them apart: the talk would count for neither, so the officer
// is asked which one (张伟（财务科）) before anything is written. Other
// names not on the roster are kept as written (DESIGN §3a).
func checkNames(ctx context.Context, q queryer, t model.Target, r model.Record) error {
	if !t.PerPerson() || r.With == "" {
		return nil
	}
	ro, err := roster(ctx, q)
	if err != nil {
		return err
	}
	for _, name := range model.People(r.With) {
		if _, ok := ro.Match(name); ok {
			continue
		}
		if _, err := ro.Find(name); errors.Is(err, model.ErrAmbiguous) {
			if ie, ok := model.AsInput(err); ok {
				ie.Field = "with"
			}
			return err
		}
	}
	return nil
}

func archivedAfter(d model.Duty) error {
	return model.Refuse(ErrArchivedOn{Title: d.Title, ID: d.ID, On: d.Archived}, model.KindArchivedOn, d.Title, d.Archived)
}

// checkDateTarget returns the target the record's date counts under, or
// refuses a date no target holds.
func checkDateTarget(ctx context.Context, q queryer, d model.Duty, r model.Record) (model.Target, error) {
	if !d.Archived.IsZero() && r.Date > d.Archived {
		return model.Target{}, archivedAfter(d)
	}
	if t, has, err := targetFor(ctx, q, r.DutyID, r.Date); err != nil || has {
		return t, err
	}
	// A weekly duty's date at the turn of the year may belong to the
	// other ISO year: name the year whose target is missing.
	y := r.Date.Year()
	if t, has, err := target(ctx, q, r.DutyID, y); err != nil {
		return model.Target{}, err
	} else if has && t.Cadence == model.Week {
		y, _ = r.Date.ISOWeek()
	}
	return model.Target{}, model.Refuse(ErrNoTargetIn{Title: d.Title, ID: d.ID, Year: y}, model.KindNoTargetIn, d.Title, y)
}

// AddRecord checks and adds a record in one transaction and returns it as
// stored. today is the local date the record must not be after.
func (s *Store) AddRecord(ctx context.Context, r model.Record, today model.Date) (model.Record, error) {
	return s.AddRecordWith(ctx, r, today, nil)
}

// AddRecordWith adds a record and the evidence attached to it in one
// transaction: the record with all its evidence, or nothing.
func (s *Store) AddRecordWith(ctx context.Context, r model.Record, today model.Date, evidence []Attachment) (model.Record, error) {
	if err := r.Normalize(today); err != nil {
		return r, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = checkRecordTarget(ctx, tx, r); err != nil {
			return err
		}
		now := time.Now()
		if r.Created.IsZero() {
			r.Created = now
		}
		r.Updated = now
		if r.ID, r.Rev, err = insertRecord(ctx, tx, r); err != nil || len(evidence) == 0 {
			return err
		}
		_, err = attach(ctx, tx, r.ID, evidence)
		return err
	})
	return r, err
}

func insertRecord(ctx context.Context, tx queryer, r model.Record) (int64, string, error) {
	var id any
	if r.ID != 0 {
		id = r.ID
	}
	rev := r.Rev
	if rev == "" {
		rev = newRev()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO records (id, duty_id, date, topic, participants, place, note, created_at, updated_at, rev, for_period)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, r.DutyID, r.Date.String(), r.Topic, r.With, r.Place, r.Note, stamp(r.Created), stamp(r.Updated), rev, nullPeriod(r.For))
	if err != nil {
		return 0, "", err
	}
	n, err := res.LastInsertId()
	if err != nil {
		return 0, "", err
	}
	return n, rev, linkRecord(ctx, tx, n, r.With)
}

// Record returns one record by id.
func (s *Store) Record(ctx context.Context, id int64) (model.Record, error) {
	r, err := record(ctx, s.db, id)
	return r, s.errOrNil(err)
}

func record(ctx context.Context, q queryer, id int64) (model.Record, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, `SELECT `+recordCols+` FROM records r WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, model.Refuse(model.ErrNotFound, model.KindNoRecordID, id)
	}
	return r, err
}

// UpdateRecord replaces a record's fields and returns the version it
// replaced and the version now stored. r.Rev names the version the change
// was made to: a record changed, deleted or brought back by a restore since
// is refused with ErrChanged and left as it is.
func (s *Store) UpdateRecord(ctx context.Context, r model.Record, today model.Date) (before, after model.Record, err error) {
	if err := r.Normalize(today); err != nil {
		return before, after, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if before, err = current(ctx, tx, r.ID, r.Rev); err != nil {
			return err
		}
		if r, err = checkRecordTarget(ctx, tx, r); err != nil {
			return err
		}
		after = r
		after.Created, after.Updated, after.Rev = before.Created, time.Now(), newRev()
		_, err = tx.ExecContext(ctx, `UPDATE records SET duty_id = ?, date = ?, topic = ?, participants = ?, place = ?, note = ?, updated_at = ?, rev = ?, for_period = ?
			WHERE id = ? AND rev = ?`, r.DutyID, r.Date.String(), r.Topic, r.With, r.Place, r.Note, stamp(after.Updated), after.Rev, nullPeriod(r.For), r.ID, r.Rev)
		if err != nil {
			return err
		}
		return linkRecord(ctx, tx, r.ID, r.With)
	})
	return before, after, err
}

// DeleteRecord removes the record r, as it was read (its id and Rev), and
// returns it as it was, so that it can be put back. A record changed,
// deleted or brought back by a restore since is refused with ErrChanged.
func (s *Store) DeleteRecord(ctx context.Context, r model.Record) (model.Record, error) {
	var old model.Record
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if old, err = current(ctx, tx, r.ID, r.Rev); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM records WHERE id = ? AND rev = ?`, r.ID, r.Rev)
		return err
	})
	return old, err
}

// current reads record id, refusing it unless it is still at rev.
func current(ctx context.Context, q queryer, id int64, rev string) (model.Record, error) {
	r, err := record(ctx, q, id)
	if errors.Is(err, model.ErrNotFound) || err == nil && r.Rev != rev {
		return r, errStale()
	}
	return r, err
}

// errStale is what an edit or delete says when the record is no longer the
// one its form showed.
func errStale() error {
	return model.Refuse(model.ErrChanged, model.KindRecordChanged)
}

// newRev is a fresh random version token for a row.
func newRev() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}

// errChanged is what an undo says when the record is no longer as this
// session left it.
func errChanged() error {
	return model.Refuse(model.ErrChanged, model.KindRecordUndoChanged)
}

// UndoAdd deletes a record added in this session, provided it is still as
// it was added.
func (s *Store) UndoAdd(ctx context.Context, added model.Record) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM records WHERE id = ? AND rev = ?`, added.ID, added.Rev)
		return unchanged(res, err)
	})
}

// UndoEdit puts back the version before an edit, provided the record is
// still as the edit left it.
func (s *Store) UndoEdit(ctx context.Context, before, after model.Record) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE records SET duty_id = ?, date = ?, topic = ?, participants = ?, place = ?, note = ?, updated_at = ?, rev = ?, for_period = ?
			WHERE id = ? AND rev = ?`, before.DutyID, before.Date.String(), before.Topic, before.With, before.Place, before.Note,
			stamp(before.Updated), newRev(), nullPeriod(before.For), before.ID, after.Rev)
		if err := unchanged(res, err); err != nil {
			return err
		}
		return linkRecord(ctx, tx, before.ID, before.With)
	})
}

// UndoDelete puts a deleted record back exactly as it was, under its own
// id, which no other record can have taken: ids are never reused.
func (s *Store) UndoDelete(ctx context.Context, r model.Record) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := duty(ctx, tx, r.DutyID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE id = ?`, r.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errChanged()
		}
		_, _, err := insertRecord(ctx, tx, r)
		return err
	})
}

// unchanged turns "no row matched" into errChanged.
func unchanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errChanged()
	}
	return nil
}

// RecordFilter selects records. A record given later for an earlier
// period (所属期间, the year-end report given in January) is selected by
// its date and also by that period: it belongs to the year it counts for
// as well as to the one it is dated in.
type RecordFilter struct {
	Year   int   // calendar year of the date, or of the period the record was given for; 0 for all
	DutyID int64 // 0 for all duties
	// From and To bound the date, or the start of the period the record
	// was given for.
	From model.Date
	To   model.Date
}

// Records returns the records the filter selects, newest first.
func (s *Store) Records(ctx context.Context, f RecordFilter) ([]model.Record, error) {
	var where []string
	var args []any
	if f.Year != 0 {
		where = append(where, `(r.date BETWEEN ? AND ? OR (r.for_period IS NOT NULL AND substr(r.for_period, 1, 4) = ?))`)
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-12-31", f.Year), fmt.Sprintf("%04d", f.Year))
	}
	// The span is checked on the date here, or roughly on the year of the
	// period given for, and exactly on that period's start below.
	var span []string
	var spanArgs []any
	if !f.From.IsZero() {
		span = append(span, `r.date >= ?`)
		spanArgs = append(spanArgs, f.From.String())
	}
	if !f.To.IsZero() {
		span = append(span, `r.date <= ?`)
		spanArgs = append(spanArgs, f.To.String())
	}
	if len(span) > 0 {
		from, to := "0000", "9999"
		if !f.From.IsZero() {
			from = fmt.Sprintf("%04d", f.From.Year()-1) // an ISO week's year starts in the year before
		}
		if !f.To.IsZero() {
			to = fmt.Sprintf("%04d", f.To.Year())
		}
		where = append(where, `((`+strings.Join(span, ` AND `)+`) OR (r.for_period IS NOT NULL AND substr(r.for_period, 1, 4) BETWEEN ? AND ?))`)
		args = append(args, append(spanArgs, from, to)...)
	}
	if f.DutyID != 0 {
		where = append(where, `r.duty_id = ?`)
		args = append(args, f.DutyID)
	}
	q := `SELECT ` + recordCols + ` FROM records r`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY r.date DESC, r.id DESC`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.dbError(err)
	}
	defer rows.Close()
	var out []model.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		if f.within(r) {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}

// within reports whether r's date, or the start of the period it was
// given for, lies between From and To.
func (f RecordFilter) within(r model.Record) bool {
	in := func(d model.Date) bool {
		return (f.From.IsZero() || d >= f.From) && (f.To.IsZero() || d <= f.To)
	}
	if in(r.Date) {
		return true
	}
	return !r.For.IsZero() && r.For.Valid() && in(r.For.Period().Start)
}
