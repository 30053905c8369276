package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"taizhang/model"
)

// Attachment is one item of evidence to attach: a file's original name and
// bytes, or a paper locator.
type Attachment struct {
	Name  string
	Data  []byte
	Paper string
}

// Paper is the attachment of a paper locator.
func Paper(text string) Attachment { return Attachment{Paper: text} }

// ErrTooLarge is wrapped by the refusal of a file over model.MaxEvidenceSize.
var ErrTooLarge = errors.New("file too large")

func tooLarge(name string, size int64) error {
	return model.Refuse(ErrTooLarge, model.KindTooLarge, name, model.HumanSize(size))
}

// ReadAttachment reads the file at path for attaching. It refuses, with one
// sentence, a path with nothing there, a directory, anything but a regular
// file (a FIFO or a device would block or never end), a file it cannot
// read, and a file over model.MaxEvidenceSize. It reads at most one byte
// more than the limit, whatever the file claims.
func ReadAttachment(path string) (Attachment, error) {
	shown := model.CleanLine(path)
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Attachment{}, model.Refuse(fs.ErrNotExist, model.KindNoSuchFile, shown)
	case err != nil:
		return Attachment{}, unreadable(shown)
	case fi.IsDir():
		return Attachment{}, model.Refuse(nil, model.KindEvidenceIsDir, shown)
	case !fi.Mode().IsRegular():
		return Attachment{}, model.Refuse(nil, model.KindEvidenceNotRegular, shown)
	case fi.Size() > model.MaxEvidenceSize:
		return Attachment{}, tooLarge(shown, fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return Attachment{}, unreadable(shown)
	}
	defer f.Close()
	// The file may have been swapped since Stat: check what was opened.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return Attachment{}, unreadable(shown)
	}
	b, err := io.ReadAll(io.LimitReader(f, model.MaxEvidenceSize+1))
	if err != nil {
		return Attachment{}, unreadable(shown)
	}
	if len(b) > model.MaxEvidenceSize {
		return Attachment{}, tooLarge(shown, int64(len(b)))
	}
	return Attachment{Name: filepath.Base(path), Data: b}, nil
}

func unreadable(shown string) error {
	return model.Refuse(nil, model.KindEvidenceUnreadable, shown)
}

// HashHex is the SHA-256 of b in lower-case hex, as evidence stores it.
func HashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

const evidenceCols = `e.id, e.record_id, ifnull(e.sha256, ''), e.name, e.size, e.media_type, e.paper, e.added_at`

func scanEvidence(sc interface{ Scan(...any) error }) (model.Evidence, error) {
	var e model.Evidence
	var added string
	err := sc.Scan(&e.ID, &e.RecordID, &e.SHA256, &e.Name, &e.Size, &e.Type, &e.Paper, &added)
	e.Added, _ = time.Parse(time.RFC3339Nano, added)
	return e, err
}

// insertEvidence stores one attachment on a record: a file's bytes go into
// blobs once per distinct content. The same content, or the same paper
// locator, twice on one record is refused: it is a slip, not more evidence.
func insertEvidence(ctx context.Context, tx queryer, recordID int64, a Attachment, now time.Time) (model.Evidence, error) {
	e := model.Evidence{RecordID: recordID, Added: now}
	if a.Paper != "" || a.Data == nil && a.Name == "" {
		paper, err := model.CheckPaper(a.Paper)
		if err != nil {
			return e, err
		}
		e.Paper = paper
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM evidence WHERE record_id = ? AND paper = ?`, recordID, paper).Scan(&n); err != nil {
			return e, err
		}
		if n > 0 {
			return e, model.Refuse(nil, model.KindPaperTwice, paper)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO evidence (record_id, paper, added_at) VALUES (?, ?, ?)`, recordID, paper, stamp(now))
		if err != nil {
			return e, err
		}
		e.ID, err = res.LastInsertId()
		return e, err
	}
	e.Name = model.EvidenceName(a.Name)
	e.Size = int64(len(a.Data))
	if e.Size > model.MaxEvidenceSize {
		return e, tooLarge(e.Name, e.Size)
	}
	e.SHA256 = HashHex(a.Data)
	e.Type = model.MediaType(e.Name, a.Data)
	var same sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT name FROM evidence WHERE record_id = ? AND sha256 = ? LIMIT 1`, recordID, e.SHA256).Scan(&same)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return e, err
	}
	if same.Valid {
		return e, model.Refuse(nil, model.KindSameContent, e.Name, model.CleanLine(same.String))
	}
	if err := putBlob(ctx, tx, e.SHA256, a.Data); err != nil {
		return e, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO evidence (record_id, sha256, name, size, media_type, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
		recordID, e.SHA256, e.Name, e.Size, e.Type, stamp(now))
	if err != nil {
		return e, err
	}
	e.ID, err = res.LastInsertId()
	return e, err
}

// putBlob stores data under its hash unless the ledger has it already,
// without sending the bytes again when it does.
func putBlob(ctx context.Context, tx queryer, sum string, data []byte) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blobs WHERE sha256 = ?`, sum).Scan(&n); err != nil || n > 0 {
		return err
	}
	if data == nil {
		data = []byte{} // an empty file is still a file, not NULL
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)`, sum, len(data), data)
	return err
}

// AddEvidence attaches items to a record in one transaction and returns
// them as stored: all of them or, on any refusal, none.
func (s *Store) AddEvidence(ctx context.Context, recordID int64, items []Attachment) ([]model.Evidence, error) {
	var out []model.Evidence
	err := s.write(ctx, func(tx *sql.Tx) error {
		out = nil
		if _, err := record(ctx, tx, recordID); err != nil {
			return err
		}
		var err error
		out, err = attach(ctx, tx, recordID, items)
		return err
	})
	return out, err
}

func attach(ctx context.Context, tx queryer, recordID int64, items []Attachment) ([]model.Evidence, error) {
	now := time.Now()
	out := make([]model.Evidence, 0, len(items))
	for _, a := range items {
		e, err := insertEvidence(ctx, tx, recordID, a, now)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Evidence returns a record's evidence, in the order it was added.
func (s *Store) Evidence(ctx context.Context, recordID int64) ([]model.Evidence, error) {
	var out []model.Evidence
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+evidenceCols+` FROM evidence e WHERE e.record_id = ? ORDER BY e.id`, recordID)
		if err != nil {
			return err
		}
		out, err = collectEvidence(rows)
		return err
	})
	return out, err
}

func collectEvidence(rows *sql.Rows) ([]model.Evidence, error) {
	defer rows.Close()
	var out []model.Evidence
	for rows.Next() {
		e, err := scanEvidence(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EvidenceIn returns the evidence of the records dated from..to (zero:
// open-ended) by record, each record's items in the order they were
// added. Evidence left by deleted records is not included. It reads no
// file bytes.
func (s *Store) EvidenceIn(ctx context.Context, from, to model.Date) (map[int64][]model.Evidence, error) {
	var out map[int64][]model.Evidence
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = evidenceIn(ctx, tx, from, to)
		return err
	})
	return out, err
}

func evidenceIn(ctx context.Context, q queryer, from, to model.Date) (map[int64][]model.Evidence, error) {
	lo, hi := "0000-00-00", "9999-99-99"
	if !from.IsZero() {
		lo = from.String()
	}
	if !to.IsZero() {
		hi = to.String()
	}
	rows, err := q.QueryContext(ctx, `SELECT `+evidenceCols+` FROM evidence e JOIN records r ON r.id = e.record_id
		WHERE r.date BETWEEN ? AND ? ORDER BY e.record_id, e.id`, lo, hi)
	if err != nil {
		return nil, err
	}
	list, err := collectEvidence(rows)
	if err != nil {
		return nil, err
	}
	out := map[int64][]model.Evidence{}
	for _, e := range list {
		out[e.RecordID] = append(out[e.RecordID], e)
	}
	return out, nil
}

// EvidenceItem returns one item of evidence by id.
func (s *Store) EvidenceItem(ctx context.Context, id int64) (model.Evidence, error) {
	e, err := evidenceItem(ctx, s.db, id)
	return e, s.errOrNil(err)
}

func evidenceItem(ctx context.Context, q queryer, id int64) (model.Evidence, error) {
	e, err := scanEvidence(q.QueryRowContext(ctx, `SELECT `+evidenceCols+` FROM evidence e JOIN records r ON r.id = e.record_id WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, model.Refuse(model.ErrNotFound, model.KindNoEvidenceID, id)
	}
	return e, err
}

// ErrBlobDamaged is wrapped by the error for stored bytes that no longer
// match their hash.
var ErrBlobDamaged = errors.New("evidence damaged")

// EvidenceData returns a file item with its bytes, checked against the
// hash it was stored under. A paper locator has no bytes and is refused.
func (s *Store) EvidenceData(ctx context.Context, id int64) (model.Evidence, []byte, error) {
	var e model.Evidence
	var b []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if e, err = evidenceItem(ctx, tx, id); err != nil {
			return err
		}
		if !e.IsFile() {
			return model.Refuse(nil, model.KindPaperNoFile, id, model.CleanLine(e.Paper))
		}
		b, err = blob(ctx, tx, e.SHA256)
		return err
	})
	return e, b, err
}

// Blob returns the stored bytes of a hash, checked against it.
func (s *Store) Blob(ctx context.Context, sum string) ([]byte, error) {
	var b []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = blob(ctx, tx, sum)
		return err
	})
	return b, err
}

func blob(ctx context.Context, q queryer, sum string) ([]byte, error) {
	var b []byte
	if err := q.QueryRowContext(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, sum).Scan(&b); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("evidence %s…: %w (its bytes are missing)", sum[:min(12, len(sum))], ErrBlobDamaged)
		}
		return nil, err
	}
	if HashHex(b) != sum {
		return nil, fmt.Errorf("evidence %s…: %w (its bytes no longer match their SHA-256)", sum[:min(12, len(sum))], ErrBlobDamaged)
	}
	return b, nil
}

// SaveEvidence writes a file item's bytes to dest: 0600, atomically, never
// over an existing file.
func (s *Store) SaveEvidence(ctx context.Context, id int64, dest string) (model.Evidence, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return model.Evidence{}, err
	}
	if _, err := os.Lstat(abs); err == nil {
		return model.Evidence{}, model.Refuse(fs.ErrExist, model.KindExists, model.CleanLine(abs))
	}
	if err := CheckDest(abs, false); err != nil {
		return model.Evidence{}, err
	}
	e, b, err := s.EvidenceData(ctx, id)
	if err != nil {
		return e, err
	}
	err = WriteFile(abs, false, func(f *os.File) error {
		_, err := io.Copy(f, bytes.NewReader(b))
		return err
	})
	return e, err
}

// RemoveEvidence removes one item and returns it, so that it can be put
// back. The file's bytes stay in the ledger until PurgeEvidence, so that
// the removal can be undone.
func (s *Store) RemoveEvidence(ctx context.Context, id int64) (model.Evidence, error) {
	var e model.Evidence
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if e, err = evidenceItem(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ?`, id)
		return err
	})
	return e, err
}

// UndoAddEvidence removes items added in this session, provided each is
// still there as it was added; the bytes no other item names go with them.
func (s *Store) UndoAddEvidence(ctx context.Context, items []model.Evidence) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, e := range items {
			res, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ? AND added_at = ?`, e.ID, stamp(e.Added))
			if err := unchanged(res, err); err != nil {
				return err
			}
			if e.IsFile() {
				if _, err := tx.ExecContext(ctx, `DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)`,
					e.SHA256, e.SHA256); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// UndoRemoveEvidence puts a removed item back under its own id, provided
// its record and its bytes are still in the ledger.
func (s *Store) UndoRemoveEvidence(ctx context.Context, e model.Evidence) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := record(ctx, tx, e.RecordID); err != nil {
			return errChanged()
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM evidence WHERE id = ?`, e.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errChanged()
		}
		if e.IsFile() {
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blobs WHERE sha256 = ?`, e.SHA256).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return errChanged()
			}
		}
		var sum any
		if e.IsFile() {
			sum = e.SHA256
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO evidence (id, record_id, sha256, name, size, media_type, paper, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, e.RecordID, sum, e.Name, e.Size, e.Type, e.Paper, stamp(e.Added))
		return err
	})
}

// Purged counts what PurgeEvidence removed.
type Purged struct {
	Items int   // evidence rows of deleted records
	Files int   // stored files no item names any more
	Bytes int64 // their size
}

// PurgeEvidence removes what can no longer be undone into view: evidence
// rows whose record was deleted, and stored files no evidence row names.
// The app calls it on quit, when its undo history ends; commands that
// remove evidence call it at once.
func (s *Store) PurgeEvidence(ctx context.Context) (Purged, error) {
	var p Purged
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE record_id NOT IN (SELECT id FROM records)`)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		p.Items = int(n)
		orphan := `FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL)`
		if err := tx.QueryRowContext(ctx, `SELECT count(*), ifnull(sum(size), 0) `+orphan).Scan(&p.Files, &p.Bytes); err != nil {
			return err
		}
		if p.Files > 0 {
			_, err = tx.ExecContext(ctx, `DELETE `+orphan)
		}
		return err
	})
	return p, err
}

// EvidenceRow is an item with the record it proves, for lists.
type EvidenceRow struct {
	model.Evidence
	Record model.Record
}

// EvidenceList lists the evidence of one record (recordID > 0), or of the
// records of year (recordID 0), by record date, record and item.
func (s *Store) EvidenceList(ctx context.Context, recordID int64, year int) ([]EvidenceRow, error) {
	var out []EvidenceRow
	err := s.read(ctx, func(tx *sql.Tx) error {
		where, args := `r.id = ?`, []any{recordID}
		if recordID == 0 {
			from, to := model.YearSpan(year)
			where, args = `r.date BETWEEN ? AND ?`, []any{from.String(), to.String()}
		} else if _, err := record(ctx, tx, recordID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+recordCols+`, `+evidenceCols+` FROM evidence e JOIN records r ON r.id = e.record_id
			WHERE `+where+` ORDER BY r.date, r.id, e.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x EvidenceRow
			var added string
			if x.Record, err = scanRecord(rows, &x.ID, &x.RecordID, &x.SHA256, &x.Name, &x.Size, &x.Type, &x.Paper, &added); err != nil {
				return err
			}
			x.Added, _ = time.Parse(time.RFC3339Nano, added)
			out = append(out, x)
		}
		return rows.Err()
	})
	return out, err
}

// EvidenceCounts returns how many items each record dated from..to has.
func (s *Store) EvidenceCounts(ctx context.Context, from, to model.Date) (map[int64]int, error) {
	out := map[int64]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT e.record_id, count(*) FROM evidence e JOIN records r ON r.id = e.record_id
		WHERE r.date BETWEEN ? AND ? GROUP BY e.record_id`, from.String(), to.String())
	if err != nil {
		return nil, s.dbError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// DumpEvidence is an item of evidence in a dump: as stored, and, for a
// file, its bytes once LoadBlobs has read them (or the importer has).
type DumpEvidence struct {
	model.Evidence
	Data []byte
}

// dumpEvidence gives each record of ds its evidence, without the bytes.
func dumpEvidence(ctx context.Context, q queryer, ds []DumpDuty) error {
	all, err := evidenceIn(ctx, q, 0, 0)
	if err != nil || len(all) == 0 {
		return err
	}
	for i := range ds {
		for j, r := range ds[i].Records {
			items := all[r.ID]
			if len(items) == 0 {
				continue
			}
			if ds[i].Evidence == nil {
				ds[i].Evidence = make([][]DumpEvidence, len(ds[i].Records))
			}
			for _, e := range items {
				ds[i].Evidence[j] = append(ds[i].Evidence[j], DumpEvidence{Evidence: e})
			}
		}
	}
	return nil
}

// LoadBlobs reads the bytes of every file in d, checked against their
// hashes, in one read transaction.
func (s *Store) LoadBlobs(ctx context.Context, d *Dump) error {
	return s.read(ctx, func(tx *sql.Tx) error {
		cache := map[string][]byte{}
		for i := range d.Duties {
			for _, items := range d.Duties[i].Evidence {
				for k := range items {
					e := &items[k]
					if !e.IsFile() {
						continue
					}
					b, ok := cache[e.SHA256]
					if !ok {
						var err error
						if b, err = blob(ctx, tx, e.SHA256); err != nil {
							return err
						}
						cache[e.SHA256] = b
					}
					e.Data = b
				}
			}
		}
		return nil
	})
}

// loadEvidence stores the evidence of record j of dd, just inserted as
// res, keeping each item's name, type and time, and returns how many
// items it stored. A file's bytes must match its hash (the importer has
// checked; this is the last guard).
func loadEvidence(ctx context.Context, tx queryer, res sql.Result, dd DumpDuty, j int) (int, error) {
	if j >= len(dd.Evidence) || len(dd.Evidence[j]) == 0 {
		return 0, nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, e := range dd.Evidence[j] {
		added := e.Added
		if added.IsZero() {
			added = time.Now()
		}
		if !e.IsFile() {
			paper, err := model.CheckPaper(e.Paper)
			if err != nil {
				return 0, err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (record_id, paper, added_at) VALUES (?, ?, ?)`, id, paper, stamp(added)); err != nil {
				return 0, err
			}
			continue
		}
		if len(e.Data) > model.MaxEvidenceSize {
			return 0, tooLarge(model.EvidenceName(e.Name), int64(len(e.Data)))
		}
		sum := HashHex(e.Data)
		if e.SHA256 != "" && e.SHA256 != sum {
			return 0, fmt.Errorf("evidence %s: %w (its bytes do not match its SHA-256)", model.CleanLine(e.Name), ErrBlobDamaged)
		}
		if err := putBlob(ctx, tx, sum, e.Data); err != nil {
			return 0, err
		}
		name := model.EvidenceName(e.Name)
		typ := model.CleanLine(e.Type)
		if typ == "" {
			typ = model.MediaType(name, e.Data)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (record_id, sha256, name, size, media_type, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, sum, name, len(e.Data), typ, stamp(added)); err != nil {
			return 0, err
		}
	}
	return len(dd.Evidence[j]), nil
}
