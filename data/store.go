package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"taizhang/model"
)

// write runs fn in one immediate transaction: the whole user action commits
// or nothing does. fn must use tx only; the pool has one connection.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.dbError(err)
	}
	if err := s.sameGeneration(ctx, tx); err != nil {
		tx.Rollback()
		return s.dbError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.dbError(err)
	}
	if err := tx.Commit(); err != nil {
		return s.dbError(err)
	}
	return nil
}

// read runs fn in one deferred read transaction, so its queries see one
// consistent state of the ledger.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.dbError(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.dbError(err)
	}
	return nil
}

func (s *Store) dbError(err error) error {
	if _, ok := model.AsInput(err); ok {
		return err
	}
	if known := sqliteError(s.path, err); known != nil {
		return known
	}
	return fmt.Errorf("ledger %s: %w", s.path, err)
}

// stamp is a timestamp as stored: RFC 3339 in UTC, to the nanosecond, so
// that an undo can tell its own write from a later one.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// parseDate reads a stored YYYY-MM-DD date without the cost of the general
// parser: the hot path of a year's status reads thousands of them.
func parseDate(s string) model.Date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		d, _ := model.ParseDate(s)
		return d
	}
	num := func(b string) int {
		n := 0
		for i := 0; i < len(b); i++ {
			n = n*10 + int(b[i]-'0')
		}
		return n
	}
	return model.NewDate(num(s[:4]), time.Month(num(s[5:7])), num(s[8:]))
}

func nullDate(d model.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func dateOrZero(ns sql.NullString) model.Date {
	if !ns.Valid {
		return 0
	}
	return parseDate(ns.String)
}

// ---- duties and targets -------------------------------------------------

const dutyCols = `d.id, d.title, d.category, d.description, d.basis, d.archived_on, d.rev, d.evidence, d.archive_reason`

func scanDuty(sc interface{ Scan(...any) error }, extra ...any) (model.Duty, error) {
	var d model.Duty
	var cat string
	var archived sql.NullString
	err := sc.Scan(append([]any{&d.ID, &d.Title, &cat, &d.Description, &d.Basis, &archived, &d.Rev, &d.Evidence, &d.ArchiveReason}, extra...)...)
	d.Category = model.Category(cat)
	d.Archived = dateOrZero(archived)
	return d, err
}

// Duties returns every duty, archived ones included, by id.
func (s *Store) Duties(ctx context.Context) ([]model.Duty, error) {
	var out []model.Duty
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = duties(ctx, tx)
		return err
	})
	return out, err
}

func duties(ctx context.Context, q queryer) ([]model.Duty, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+dutyCols+` FROM duties d ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Duty
	for rows.Next() {
		d, err := scanDuty(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// DutyTarget is a duty with its target in one year, when it has one.
type DutyTarget struct {
	model.Duty
	Target    model.Target
	HasTarget bool
}

// YearDuties returns the duties with a target in year (archived ones too;
// callers decide with Duty.ActiveIn), by category and id.
func (s *Store) YearDuties(ctx context.Context, year int) ([]DutyTarget, error) {
	var out []DutyTarget
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = yearDuties(ctx, tx, year)
		return err
	})
	return out, err
}

func yearDuties(ctx context.Context, q queryer, year int) ([]DutyTarget, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+dutyCols+`, t.cadence, t.min, t.start_date, coalesce(g.name, '')
		FROM targets t JOIN duties d ON d.id = t.duty_id LEFT JOIN groups g ON g.id = t.each_group WHERE t.year = ? ORDER BY t.duty_id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DutyTarget
	for rows.Next() {
		var cad string
		var start sql.NullString
		dt := DutyTarget{HasTarget: true, Target: model.Target{Year: year}}
		dt.Duty, err = scanDuty(rows, &cad, &dt.Target.Min, &start, &dt.Target.Each)
		if err != nil {
			return nil, err
		}
		dt.Target.DutyID = dt.Duty.ID
		dt.Target.Cadence = model.Cadence(cad)
		dt.Target.Start = dateOrZero(start)
		out = append(out, dt)
	}
	return out, rows.Err()
}

// Target returns duty's target in year.
func (s *Store) Target(ctx context.Context, dutyID int64, year int) (model.Target, bool, error) {
	var t model.Target
	var found bool
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		t, found, err = target(ctx, tx, dutyID, year)
		return err
	})
	return t, found, err
}

func target(ctx context.Context, q queryer, dutyID int64, year int) (model.Target, bool, error) {
	t := model.Target{DutyID: dutyID, Year: year}
	var cad string
	var start sql.NullString
	err := q.QueryRowContext(ctx, `SELECT t.cadence, t.min, t.start_date, coalesce(g.name, '') FROM targets t
		LEFT JOIN groups g ON g.id = t.each_group WHERE t.duty_id = ? AND t.year = ?`, dutyID, year).
		Scan(&cad, &t.Min, &start, &t.Each)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	t.Cadence = model.Cadence(cad)
	t.Start = dateOrZero(start)
	return t, err == nil, err
}

// Duty returns one duty by id.
func (s *Store) Duty(ctx context.Context, id int64) (model.Duty, error) {
	var d model.Duty
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = duty(ctx, tx, id)
		return err
	})
	return d, err
}

func duty(ctx context.Context, q queryer, id int64) (model.Duty, error) {
	d, err := scanDuty(q.QueryRowContext(ctx, `SELECT `+dutyCols+` FROM duties d WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, model.Refuse(model.ErrNotFound, model.KindNoDutyID, id)
	}
	return d, err
}

// titleTaken reports an active duty other than except with the same title.
func titleTaken(ctx context.Context, q queryer, title string, except int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM duties WHERE title = ? AND archived_on IS NULL AND id <> ? LIMIT 1`, title, except).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func duplicateTitle(title string, id int64) error {
	return model.Refuse(ErrTitleTaken{Title: title, ID: id}, model.KindDuplicateTitle, title, id)
}

// AddDuty adds a duty with its target in one transaction and returns its id.
func (s *Store) AddDuty(ctx context.Context, d model.Duty, t model.Target) (int64, error) {
	if err := d.Normalize(); err != nil {
		return 0, err
	}
	if err := t.Check(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertDuty(ctx, tx, d, t, time.Now())
		return err
	})
	return id, err
}

func insertDuty(ctx context.Context, tx queryer, d model.Duty, t model.Target, now time.Time) (int64, error) {
	if other, err := titleTaken(ctx, tx, d.Title, 0); err != nil {
		return 0, err
	} else if other != 0 {
		return 0, duplicateTitle(d.Title, other)
	}
	t, err := withProfileStart(ctx, tx, t)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO duties (title, category, description, basis, archived_on, archive_reason, created_at, updated_at, rev, evidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.Title, string(d.Category), d.Description, d.Basis, nullDate(d.Archived), archiveReason(d), stamp(now), stamp(now), newRev(), d.Evidence)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	t.DutyID = id
	return id, putTarget(ctx, tx, t)
}

func putTarget(ctx context.Context, tx queryer, t model.Target) error {
	var each any
	if t.Each != "" {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if err := r.CheckEach(t); err != nil {
			return err
		}
		gid, err := groupID(ctx, tx, t.Each, false)
		if err != nil {
			return err
		}
		each = gid
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO targets (duty_id, year, cadence, min, start_date, each_group) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (year, duty_id) DO UPDATE SET cadence = excluded.cadence, min = excluded.min, start_date = excluded.start_date,
		each_group = excluded.each_group`,
		t.DutyID, t.Year, string(t.Cadence), t.Min, nullDate(t.Start), each)
	return err
}

// DutyChange is an edit of a duty and, when Target is set, of its target in
// Target.Year (adding the target if the duty had none that year).
type DutyChange struct {
	Duty   model.Duty
	Target *model.Target
	// Archive, when set, archives the duty on that day in the same
	// transaction, for the reason Duty.ArchiveReason gives (which is kept
	// as it was otherwise); Restore brings an archived duty back.
	Archive model.Date
	Restore bool
}

// archiveReason is the reason stored for d: none while it is active.
func archiveReason(d model.Duty) string {
	if d.Archived.IsZero() {
		return ""
	}
	return d.ArchiveReason
}

// EditDuty applies a change in one transaction. c.Duty.Rev names the
// version the change was made to: a duty changed elsewhere since, or
// brought back by a restore, is refused with ErrChanged and left as it is.
func (s *Store) EditDuty(ctx context.Context, c DutyChange) error {
	d := c.Duty
	if err := d.Normalize(); err != nil {
		return err
	}
	if c.Target != nil {
		if err := c.Target.Check(); err != nil {
			return err
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := currentDuty(ctx, tx, d.ID, d.Rev)
		if err != nil {
			return err
		}
		if old.Archived.IsZero() || c.Restore {
			if other, err := titleTaken(ctx, tx, d.Title, d.ID); err != nil {
				return err
			} else if other != 0 {
				return duplicateTitle(d.Title, other)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE duties SET title = ?, category = ?, description = ?, basis = ?, evidence = ?, updated_at = ?, rev = ? WHERE id = ?`,
			d.Title, string(d.Category), d.Description, d.Basis, d.Evidence, stamp(time.Now()), newRev(), d.ID); err != nil {
			return err
		}
		if c.Target != nil {
			t := *c.Target
			t.DutyID = d.ID
			if err := putTarget(ctx, tx, t); err != nil {
				return err
			}
		}
		switch {
		case c.Restore:
			_, err := tx.ExecContext(ctx, `UPDATE duties SET archived_on = NULL, archive_reason = '' WHERE id = ?`, d.ID)
			return err
		case !c.Archive.IsZero():
			if err := checkArchive(ctx, tx, old, c.Archive); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE duties SET archived_on = ?, archive_reason = ? WHERE id = ?`, c.Archive.String(), d.ArchiveReason, d.ID)
			return err
		case !old.Archived.IsZero():
			_, err := tx.ExecContext(ctx, `UPDATE duties SET archive_reason = ? WHERE id = ?`, d.ArchiveReason, d.ID)
			return err
		}
		return nil
	})
}

// checkArchive refuses an archive date before the duty's last record:
// records after the archive date would no longer count anywhere.
func checkArchive(ctx context.Context, q queryer, d model.Duty, day model.Date) error {
	var last sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT max(date) FROM records WHERE duty_id = ?`, d.ID).Scan(&last); err != nil {
		return err
	}
	if last.Valid && last.String > day.String() {
		return model.RefuseField("archive", nil, model.KindRecordsAfter, d.Title, last.String)
	}
	return nil
}

// SetArchived archives the duty d, as it was read (its id and Rev), on day,
// for reason (empty if not said), or brings it back when day is zero. A
// duty changed elsewhere since is refused with ErrChanged.
func (s *Store) SetArchived(ctx context.Context, d model.Duty, day model.Date, reason string) error {
	reason = model.CleanLine(reason)
	if err := model.CheckArchiveReason(reason); err != nil {
		return err
	}
	if day.IsZero() {
		reason = ""
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		d, err := currentDuty(ctx, tx, d.ID, d.Rev)
		if err != nil {
			return err
		}
		if day.IsZero() && !d.Archived.IsZero() {
			if other, err := titleTaken(ctx, tx, d.Title, d.ID); err != nil {
				return err
			} else if other != 0 {
				return duplicateTitle(d.Title, other)
			}
		}
		if !day.IsZero() {
			if err := checkArchive(ctx, tx, d, day); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE duties SET archived_on = ?, archive_reason = ?, updated_at = ?, rev = ? WHERE id = ?`, nullDate(day), reason, stamp(time.Now()), newRev(), d.ID)
		return err
	})
}

// currentDuty reads duty id, refusing it unless it is still at rev.
func currentDuty(ctx context.Context, q queryer, id int64, rev string) (model.Duty, error) {
	d, err := duty(ctx, q, id)
	if errors.Is(err, model.ErrNotFound) || err == nil && d.Rev != rev {
		return d, model.Refuse(model.ErrChanged, model.KindDutyChanged)
	}
	return d, err
}

// ---- templates and carrying a year forward -----------------------------

// Added counts what a bulk action added and skipped.
type Added struct {
	Added   int
	Skipped []string // titles already present
	// Given are the titles, among those added, of duties the ledger had
	// that were given the target of a year they had none in.
	Given []string
	// NewIDs and GivenTargets are what was written, for UndoAddDuties.
	NewIDs       []int64
	GivenTargets []GivenTarget
}

// AddDuties adds duties with targets in one transaction. A duty whose title
// matches an active duty is not added again: that duty gets the target if
// it has none in the target's year, and is otherwise skipped.
func (s *Store) AddDuties(ctx context.Context, ds []model.Duty, ts []model.Target) (Added, error) {
	var out Added
	for i := range ds {
		if err := ds[i].Normalize(); err != nil {
			return out, err
		}
		if err := ts[i].Check(); err != nil {
			return out, err
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		out = Added{}
		now := time.Now()
		for _, t := range ts {
			if t.Each == "" {
				continue
			}
			g, err := model.CheckGroup(t.Each)
			if err != nil {
				return err
			}
			if _, err := groupID(ctx, tx, g, true); err != nil {
				return err
			}
		}
		for i, d := range ds {
			id, err := titleTaken(ctx, tx, d.Title, 0)
			if err != nil {
				return err
			}
			if id == 0 {
				nid, err := insertDuty(ctx, tx, d, ts[i], now)
				if err != nil {
					return err
				}
				out.Added++
				out.NewIDs = append(out.NewIDs, nid)
				continue
			}
			if _, has, err := target(ctx, tx, id, ts[i].Year); err != nil {
				return err
			} else if has {
				out.Skipped = append(out.Skipped, d.Title)
				continue
			}
			t := ts[i]
			t.DutyID = id
			if t, err = withProfileStart(ctx, tx, t); err != nil {
				return err
			}
			if err := putTarget(ctx, tx, t); err != nil {
				return err
			}
			out.Added++
			out.Given = append(out.Given, d.Title)
			out.GivenTargets = append(out.GivenTargets, GivenTarget{id, t.Year})
		}
		return nil
	})
	return out, err
}

// Carry copies the targets of year from to year to, for active duties that
// have none there yet. Start dates belong to their year and are not copied;
// the profile's post start date is given when it falls in year to.
func (s *Store) Carry(ctx context.Context, from, to int) (Added, error) {
	var out Added
	err := s.write(ctx, func(tx *sql.Tx) error {
		out = Added{}
		src, err := yearDuties(ctx, tx, from)
		if err != nil {
			return err
		}
		for _, dt := range src {
			if !dt.Archived.IsZero() {
				continue
			}
			if _, has, err := target(ctx, tx, dt.ID, to); err != nil {
				return err
			} else if has {
				out.Skipped = append(out.Skipped, dt.Title)
				continue
			}
			t := dt.Target
			t.Year, t.Start = to, 0
			if t, err = withProfileStart(ctx, tx, t); err != nil {
				return err
			}
			if err := putTarget(ctx, tx, t); err != nil {
				return err
			}
			out.Added++
		}
		return nil
	})
	return out, err
}

// Years lists the years that have targets, newest first.
func (s *Store) Years(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT year FROM targets ORDER BY year DESC`)
	if err != nil {
		return nil, s.dbError(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// Empty reports whether the ledger holds no duties and no records.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM duties) + (SELECT count(*) FROM records)`).Scan(&n)
	return n == 0, s.errOrNil(err)
}

func (s *Store) errOrNil(err error) error {
	if err == nil {
		return nil
	}
	return s.dbError(err)
}

// Changed reports whether another connection (another process) has
// committed to the ledger since the last call. The first call reports
// false. PRAGMA data_version is per connection, and the pool keeps one.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return false, s.dbError(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := s.dataVersion != 0 && v != s.dataVersion
	s.dataVersion = v
	return changed, nil
}

// Standing returns the duties a plan for year may restate: those with a
// target in year (archived ones too; callers decide with Duty.ActiveIn),
// with HasTarget set, and the active duties with none there, each with its
// latest target before year (else its earliest after; a zero Target when
// it has none at all), HasTarget false. A plan for next year read before
// carry finds the ledger's duties this way rather than none. By id.
func (s *Store) Standing(ctx context.Context, year int) ([]DutyTarget, error) {
	var out []DutyTarget
	err := s.read(ctx, func(tx *sql.Tx) error {
		ds, err := duties(ctx, tx)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT t.duty_id, t.year, t.cadence, t.min, coalesce(g.name, '')
			FROM targets t LEFT JOIN groups g ON g.id = t.each_group ORDER BY t.duty_id, t.year`)
		if err != nil {
			return err
		}
		defer rows.Close()
		ts := map[int64][]model.Target{}
		for rows.Next() {
			var t model.Target
			var cad string
			if err := rows.Scan(&t.DutyID, &t.Year, &cad, &t.Min, &t.Each); err != nil {
				return err
			}
			t.Cadence = model.Cadence(cad)
			ts[t.DutyID] = append(ts[t.DutyID], t)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		out = nil
		for _, d := range ds {
			dt := DutyTarget{Duty: d}
			for _, t := range ts[d.ID] { // by year
				if t.Year == year {
					dt.Target, dt.HasTarget = t, true
					break
				}
				if t.Year < year || dt.Target.Year == 0 {
					dt.Target = t
				}
			}
			if dt.HasTarget || d.Archived.IsZero() {
				out = append(out, dt)
			}
		}
		return nil
	})
	return out, err
}
