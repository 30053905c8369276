package data

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"taizhang/model"
)

// Dump is a ledger's content as plain values: what the JSON export writes
// and the import reads back. Ledger ids are kept on the way out (for
// ordering) and ignored on the way in, where duties are matched by title.
type Dump struct {
	Profile model.Profile
	Duties  []DumpDuty
	Roster  model.Roster // the people, their groups and memberships
}

// DumpDuty is one duty with its targets, records and excused periods.
type DumpDuty struct {
	Duty    model.Duty
	Targets []model.Target // by year
	Records []model.Record // by date, then id
	Excuses []model.Excuse // by period
	// Evidence holds each record's evidence, index for index with Records
	// (nil for a record with none). Dump reads the items without their
	// bytes; LoadBlobs reads those.
	Evidence [][]DumpEvidence
}

// Dump reads, in one transaction, the profile and the duties with a target
// in year with that target, the records the year counts (dated in the
// year, or for a weekly target in the year's ISO weeks, or naming one of
// the year's periods as the one they were for) and the year's excused
// periods. year 0 reads every duty with all its targets, records and
// excuses. Duties come by category, then id,
// so that exporting the same ledger twice gives the same order.
func (s *Store) Dump(ctx context.Context, year int) (Dump, error) {
	var d Dump
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if d.Profile, err = profile(ctx, tx); err != nil {
			return err
		}
		if d.Roster, err = roster(ctx, tx); err != nil {
			return err
		}
		index := map[int64]int{}
		if year == 0 {
			ds, err := duties(ctx, tx)
			if err != nil {
				return err
			}
			for _, x := range ds {
				index[x.ID] = len(d.Duties)
				d.Duties = append(d.Duties, DumpDuty{Duty: x})
			}
			if err := dumpTargets(ctx, tx, d.Duties, index); err != nil {
				return err
			}
		} else {
			dts, err := yearDuties(ctx, tx, year)
			if err != nil {
				return err
			}
			for _, x := range dts {
				index[x.ID] = len(d.Duties)
				d.Duties = append(d.Duties, DumpDuty{Duty: x.Duty, Targets: []model.Target{x.Target}})
			}
		}
		if err := dumpRecords(ctx, tx, d.Duties, index, year); err != nil {
			return err
		}
		if err := dumpEvidence(ctx, tx, d.Duties); err != nil {
			return err
		}
		es, err := excuses(ctx, tx, year, 0)
		if err != nil {
			return err
		}
		for _, e := range es {
			if i, ok := index[e.DutyID]; ok {
				d.Duties[i].Excuses = append(d.Duties[i].Excuses, e)
			}
		}
		return nil
	})
	if err != nil {
		return Dump{}, s.dbError(err)
	}
	sort.SliceStable(d.Duties, func(i, j int) bool {
		a, b := d.Duties[i].Duty, d.Duties[j].Duty
		if a.Category.Rank() != b.Category.Rank() {
			return a.Category.Rank() < b.Category.Rank()
		}
		return a.ID < b.ID
	})
	return d, nil
}

func dumpTargets(ctx context.Context, q queryer, ds []DumpDuty, index map[int64]int) error {
	rows, err := q.QueryContext(ctx, `SELECT t.duty_id, t.year, t.cadence, t.min, t.start_date, coalesce(g.name, '') FROM targets t
		LEFT JOIN groups g ON g.id = t.each_group ORDER BY t.duty_id, t.year`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t model.Target
		var cad string
		var start sql.NullString
		if err := rows.Scan(&t.DutyID, &t.Year, &cad, &t.Min, &start, &t.Each); err != nil {
			return err
		}
		t.Cadence, t.Start = model.Cadence(cad), dateOrZero(start)
		if i, ok := index[t.DutyID]; ok {
			ds[i].Targets = append(ds[i].Targets, t)
		}
	}
	return rows.Err()
}

func dumpRecords(ctx context.Context, q queryer, ds []DumpDuty, index map[int64]int, year int) error {
	rest := `ORDER BY r.date, r.id`
	var args []any
	if year != 0 {
		from, to := model.YearSpan(year)
		rest = `WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id`
		args = []any{from.String(), to.String()}
	}
	err := eachRecord(ctx, q, rest, args, func(r model.Record) {
		i, ok := index[r.DutyID]
		if !ok {
			return
		}
		if year != 0 && r.Date.Year() != year {
			if iy, _ := r.Date.ISOWeek(); iy != year || ds[i].Targets[0].Cadence != model.Week {
				return
			}
		}
		ds[i].Records = append(ds[i].Records, r)
	})
	if err != nil || year == 0 {
		return err
	}
	// Then the records dated after the year's span that name one of its
	// periods as the one they were for, later than every record already
	// there.
	_, to := model.YearSpan(year)
	return eachLateRecord(ctx, q, year, to, func(r model.Record) {
		if i, ok := index[r.DutyID]; ok {
			ds[i].Records = append(ds[i].Records, r)
		}
	})
}

// Loaded counts what Load did.
type Loaded struct {
	DutiesAdded    int
	DutiesMatched  int // already in the ledger, matched by title
	TargetsAdded   int
	RecordsAdded   int
	RecordsSkipped int // already in the ledger
	ExcusesAdded   int
	EvidenceAdded  int
	ProfileFilled  bool
	PeopleAdded    int
	// DutiesFilled counts matched duties whose empty description, basis,
	// expected evidence or archive reason was filled from the file.
	DutiesFilled int
	// ArchiveKept names the matched duties whose archive state in the
	// file differs from the ledger's, which is kept: said, never silent.
	ArchiveKept []ArchiveDiff
}

// ArchiveDiff is a duty archived on one side and not the other, or on
// another day: File and Ledger are the archive days (zero while active).
type ArchiveDiff struct {
	Title        string
	File, Ledger model.Date
}

// recordKey is what makes two records the same completion.
type recordKey struct {
	date                     model.Date
	topic, with, place, note string
}

// Load merges d into the ledger in one transaction: on any conflict
// nothing is written. d must hold clean, checked values (the importer
// checks them with messages that say where in the file a value is wrong);
// Load checks them again as a last guard of the ledger's rules.
//
// How it reconciles, so that loading the same file twice changes nothing
// and loading an export into an empty ledger rebuilds it exactly:
//   - A duty is the ledger's duty of the same title, whatever either's
//     archive state, since an export taken before a duty was archived
//     (or after) is still that duty. When the ledger has several of that
//     title, the one archived on the same day is preferred, then one in
//     the same state (active, or archived), then the active one, then the
//     most recently archived; each ledger duty is matched at most once.
//     Its category must agree; its description, basis, expected evidence
//     and archive state stay as the ledger has them, but what it leaves
//     empty is filled from the file (the archive reason only when both
//     were archived on the same day), and a different archive state is
//     reported. An unmatched duty is added.
//   - A target is added when the duty has none that year; one equal to the
//     ledger's is already there; a different one is a conflict, since
//     either choice would silently change how the year is counted.
//   - A record with the same duty, date, topic, participants, place and
//     note as a record already in the ledger is a duplicate and skipped,
//     counted as a multiset: two equal records in the file against one in
//     the ledger add one. Records equal within the file alone are all
//     kept, since an officer may log two identical talks on one day.
//   - An excused period the ledger does not excuse is added; one it
//     excuses keeps the ledger's reason.
//   - Profile fields empty in the ledger are filled from the file; set
//     ones are kept.
//
// Records need no target of their year here, unlike AddRecord: a ledger
// may hold such records after a target is removed, and the export must
// come back whole.
func (s *Store) Load(ctx context.Context, d Dump, today model.Date) (Loaded, error) {
	type dutyKey struct {
		title    string
		archived model.Date
	}
	seen := make(map[dutyKey]bool, len(d.Duties))
	for i := range d.Duties {
		dd := &d.Duties[i]
		if err := dd.Duty.Normalize(); err != nil {
			return Loaded{}, err
		}
		key := dutyKey{dd.Duty.Title, dd.Duty.Archived}
		if seen[key] {
			return Loaded{}, model.Refuse(nil, model.KindImportSameTitle, key.title)
		}
		seen[key] = true
		for _, t := range dd.Targets {
			if err := t.Check(); err != nil {
				return Loaded{}, err
			}
		}
		for j := range dd.Records {
			if err := dd.Records[j].Normalize(today); err != nil {
				return Loaded{}, err
			}
			if f := dd.Records[j].For; !f.IsZero() && !f.Valid() {
				return Loaded{}, model.Refuse(model.ErrBadPeriod, model.KindImportBadFor, f.String())
			}
		}
		for j := range dd.Excuses {
			e := &dd.Excuses[j]
			e.Reason = model.CleanLine(e.Reason)
			if !e.Period.Valid() || e.Reason == "" {
				return Loaded{}, model.Refuse(model.ErrBadPeriod, model.KindImportBadExcuse, dd.Duty.Title)
			}
		}
	}
	if err := d.Profile.Normalize(); err != nil {
		return Loaded{}, err
	}
	var out Loaded
	err := s.write(ctx, func(tx *sql.Tx) error {
		out = Loaded{}
		return load(ctx, tx, d, &out)
	})
	return out, err
}

func load(ctx context.Context, tx *sql.Tx, d Dump, out *Loaded) error {
	now := time.Now()
	existing, err := duties(ctx, tx)
	if err != nil {
		return err
	}
	if err := loadRoster(ctx, tx, d.Roster, out); err != nil {
		return err
	}
	match := matchDuties(d.Duties, existing)
	insDuty, err := tx.PrepareContext(ctx, `INSERT INTO duties (title, category, description, basis, archived_on, archive_reason, evidence, created_at, updated_at, rev)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insDuty.Close()
	insRecord, err := tx.PrepareContext(ctx, `INSERT INTO records (duty_id, date, topic, participants, place, note, created_at, updated_at, for_period, rev)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insRecord.Close()
	for i, dd := range d.Duties {
		in := dd.Duty
		matched := match[i] >= 0
		var id int64
		if matched {
			have := existing[match[i]]
			if have.Category != in.Category {
				return model.Refuse(nil, model.KindImportCategory, in.Title, in.Category, have.Category)
			}
			id = have.ID
			out.DutiesMatched++
			filled, err := fillDuty(ctx, tx, have, in, now)
			if err != nil {
				return err
			}
			if filled {
				out.DutiesFilled++
			}
			if have.Archived != in.Archived {
				out.ArchiveKept = append(out.ArchiveKept, ArchiveDiff{in.Title, in.Archived, have.Archived})
			}
		} else {
			res, err := insDuty.ExecContext(ctx, in.Title, string(in.Category), in.Description, in.Basis, nullDate(in.Archived), archiveReason(in), in.Evidence, stamp(now), stamp(now), newRev())
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			out.DutiesAdded++
		}
		for _, t := range dd.Targets {
			old, has, err := target(ctx, tx, id, t.Year)
			if err != nil {
				return err
			}
			if has {
				if old.Cadence != t.Cadence || old.Min != t.Min || old.Start != t.Start || old.Each != t.Each {
					return model.Refuse(nil, model.KindImportTarget, in.Title, t.Year, t, old)
				}
				continue
			}
			t.DutyID = id
			if err := putTarget(ctx, tx, t); err != nil {
				return err
			}
			out.TargetsAdded++
		}
		var seen map[recordKey]int
		if matched && len(dd.Records) > 0 {
			if seen, err = recordKeys(ctx, tx, id); err != nil {
				return err
			}
		}
		for j, r := range dd.Records {
			k := recordKey{r.Date, r.Topic, r.With, r.Place, r.Note}
			if seen[k] > 0 {
				seen[k]--
				out.RecordsSkipped++
				continue
			}
			created, updated := r.Created, r.Updated
			if created.IsZero() {
				created = now
			}
			if updated.IsZero() {
				updated = created
			}
			res, err := insRecord.ExecContext(ctx, id, r.Date.String(), r.Topic, r.With, r.Place, r.Note, stamp(created), stamp(updated), nullPeriod(r.For), newRev())
			if err != nil {
				return err
			}
			out.RecordsAdded++
			n, err := loadEvidence(ctx, tx, res, dd, j)
			if err != nil {
				return err
			}
			out.EvidenceAdded += n
		}
		for _, e := range dd.Excuses {
			res, err := tx.ExecContext(ctx, `INSERT INTO excuses (duty_id, year, period, reason, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (duty_id, period) DO NOTHING`, id, e.Period.Year, e.Period.String(), e.Reason, stamp(now))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				out.ExcusesAdded++
			}
		}
	}
	p, err := profile(ctx, tx)
	if err != nil {
		return err
	}
	merged := p
	for _, f := range []struct {
		to   *string
		from string
	}{{&merged.Name, d.Profile.Name}, {&merged.Post, d.Profile.Post}, {&merged.Unit, d.Profile.Unit}} {
		if *f.to == "" {
			*f.to = f.from
		}
	}
	if merged.Start.IsZero() {
		merged.Start = d.Profile.Start
	}
	if merged != p {
		out.ProfileFilled = true
		return putProfile(ctx, tx, merged, now)
	}
	return nil
}

// fillDuty fills what the ledger's duty leaves empty from the file's
// same duty: description, basis, expected evidence, and the archive
// reason when both were archived on the same day. What the ledger says is
// never replaced. It reports whether anything was filled.
func fillDuty(ctx context.Context, tx *sql.Tx, have, in model.Duty, now time.Time) (bool, error) {
	pick := func(mine, theirs string) (string, bool) {
		if mine == "" && theirs != "" {
			return theirs, true
		}
		return mine, false
	}
	var any, f bool
	d := have
	d.Description, f = pick(have.Description, in.Description)
	any = any || f
	d.Basis, f = pick(have.Basis, in.Basis)
	any = any || f
	d.Evidence, f = pick(have.Evidence, in.Evidence)
	any = any || f
	if !have.Archived.IsZero() && have.Archived == in.Archived {
		d.ArchiveReason, f = pick(have.ArchiveReason, in.ArchiveReason)
		any = any || f
	}
	if !any {
		return false, nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE duties SET description = ?, basis = ?, evidence = ?, archive_reason = ?, updated_at = ?, rev = ? WHERE id = ?`,
		d.Description, d.Basis, d.Evidence, archiveReason(d), stamp(now), newRev(), d.ID)
	return err == nil, err
}

// matchDuties pairs each duty of a dump with the ledger duty it is, by
// index into have, or -1 for a duty the ledger does not have. Titles must
// agree; archive states are matched as well as they can be, in the order
// of the rules below, each rule over every duty still unpaired, so that a
// duty whose state agrees is never taken by one that would have settled
// for less. A ledger duty is paired at most once.
func matchDuties(in []DumpDuty, have []model.Duty) []int {
	byTitle := map[string][]int{}
	for j, x := range have {
		byTitle[x.Title] = append(byTitle[x.Title], j)
	}
	// The active duty first, then the most recently archived.
	for _, js := range byTitle {
		sort.SliceStable(js, func(a, b int) bool {
			x, y := have[js[a]].Archived, have[js[b]].Archived
			if x.IsZero() != y.IsZero() {
				return x.IsZero()
			}
			return x > y
		})
	}
	rules := []func(in, have model.Duty) bool{
		func(in, have model.Duty) bool { return in.Archived == have.Archived },
		func(in, have model.Duty) bool { return in.Archived.IsZero() == have.Archived.IsZero() },
		func(_, have model.Duty) bool { return have.Archived.IsZero() },
		func(_, _ model.Duty) bool { return true },
	}
	match := make([]int, len(in))
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, len(have))
	for _, agrees := range rules {
		for i, dd := range in {
			if match[i] >= 0 {
				continue
			}
			for _, j := range byTitle[dd.Duty.Title] {
				if !taken[j] && agrees(dd.Duty, have[j]) {
					match[i], taken[j] = j, true
					break
				}
			}
		}
	}
	return match
}

// recordKeys counts a duty's records by what makes them the same.
func recordKeys(ctx context.Context, q queryer, dutyID int64) (map[recordKey]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT date, topic, participants, place, note FROM records WHERE duty_id = ?`, dutyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[recordKey]int{}
	for rows.Next() {
		var k recordKey
		var date string
		if err := rows.Scan(&date, &k.topic, &k.with, &k.place, &k.note); err != nil {
			return nil, err
		}
		k.date = parseDate(date)
		seen[k]++
	}
	return seen, rows.Err()
}
