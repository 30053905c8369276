package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"taizhang/model"
)

// Backup writes a consistent copy of the ledger to dest with VACUUM INTO,
// which reads one snapshot and so is safe while another process writes.
// The copy is built under a temporary name and renamed into place; it is
// created 0600. An existing dest is refused.
func (s *Store) Backup(ctx context.Context, dest string) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return model.Refuse(ErrExists{Path: dest}, model.KindExists, dest)
	}
	if err := checkDir(dest); err != nil {
		return err
	}
	if err := checkPathLength(dest); err != nil {
		return err
	}
	return writeVia(dest, func(tmp string) error {
		_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return s.copyError(dest, err)
	})
}

// copyError names what went wrong while copying the ledger to dest: a
// full disk or a refused write is about dest's disk, anything else about
// the ledger.
func (s *Store) copyError(dest string, err error) error {
	if err == nil {
		return nil
	}
	if werr := writeError(filepath.Dir(dest), err); werr != err {
		return werr
	}
	if code := sqliteCode(err) & 0xff; code == codeCantOpen || code == codeReadOnly || code == codeIOErr {
		return model.Fail(err, model.KindBackupNotWritten, dest)
	}
	return s.dbError(err)
}

// writeVia creates an empty 0600 temporary file beside dest, lets fill
// write it, syncs it and renames it to dest. On any failure the temporary
// file is removed and dest is untouched; a kill leaves it under a name a
// later run removes (see cleanLeftovers).
func writeVia(dest string, fill func(tmp string) error) error {
	dir := filepath.Dir(dest)
	cleanLeftovers(dir)
	f, err := os.CreateTemp(dir, tempPattern("tmp", ""))
	if err != nil {
		return writeError(dir, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			removeDB(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return writeError(dir, err)
	}
	f.Close()
	if err := fill(tmp); err != nil {
		return writeError(dir, err)
	}
	if err := syncFile(tmp); err != nil {
		return writeError(dir, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return writeError(dir, err)
	}
	ok = true
	return syncDir(dir)
}

// checkDir refuses a file whose directory does not exist (or is a file) or
// cannot be written, and a file name that is a directory: the officer is
// told which, not shown the error of a temporary file.
func checkDir(dest string) error {
	dir := filepath.Dir(dest)
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() || errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return model.Refuse(nil, model.KindNoDir, dest, dir)
	}
	if err == nil && (dirReadOnly(fi) || !writable(dir)) {
		return model.Refuse(nil, model.KindDirNotWritable, dir)
	}
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		return model.Refuse(nil, model.KindDestIsDir, dest)
	}
	return nil
}

// CheckDest refuses what WriteFile would refuse before writing anything:
// a dest whose directory does not exist, or, unless force is set, a dest
// that exists. Callers with slow work before the write check first.
func CheckDest(dest string, force bool) error {
	fi, err := os.Lstat(dest)
	if err == nil && !force {
		return model.Refuse(ErrExists{Path: dest, CanReplace: true}, model.KindExists, dest)
	}
	if err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		// --force replaces a file; never a pipe, a device or a link,
		// which a rename would silently swap for a new file.
		return model.Refuse(nil, model.KindReplaceOnlyFiles, dest, kindOf(fi.Mode()))
	}
	return checkDir(dest)
}

// WriteFile writes a file atomically: 0600, temporary name, fsync, rename.
// It refuses what CheckDest refuses.
func WriteFile(dest string, force bool, write func(f *os.File) error) error {
	if err := CheckDest(dest, force); err != nil {
		return err
	}
	return writeVia(dest, func(tmp string) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}

// Inspect checks that path is a taizhang ledger this build can read,
// without writing to it, and without ever waiting on it: a named pipe or a
// device is refused by its type before anything reads it.
func Inspect(path string) error {
	f, err := OpenRegular(path, model.KindFileBackup)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err == nil && fi.Size() == 0 {
		f.Close()
		return refuse(path, model.KindBackupEmpty)
	}
	h, err := readHeaderFrom(f)
	f.Close()
	if err != nil {
		return readError(path, err)
	}
	if h == nil || binary.BigEndian.Uint32(h[68:72]) != ApplicationID {
		return refuse(path, model.KindNotABackup)
	}
	return checkVersion(path, headerVersion(h))
}

// OpenRegular opens a file the user named for reading, refusing, in one
// sentence saying what it is instead, anything but a regular file (what
// names what was expected, as "一个 JSON 文件" / "a JSON file"). It never
// blocks: a named pipe with no writer is refused, not waited on.
func OpenRegular(path string, what model.Kind) (*os.File, error) {
	f, err := openNoWait(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, refuse(path, model.KindNoSuchFile)
	}
	if err != nil {
		return nil, readError(path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, readError(path, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, model.Refuse(nil, model.KindNotAFile, path, kindOf(fi.Mode()), what)
	}
	return f, nil
}

// Restored says what a restore kept.
type Restored struct {
	// Aside is a copy of the ledger as it was just before the restore,
	// taken in the same step, or "" when it could not be read.
	Aside string
	// Damaged names the ledger's own files (the file and its -wal and
	// -shm), set aside whole because SQLite could not read them, or "".
	Damaged string
}

// Restore replaces the ledger's contents with those of the ledger at src.
// src is checked, copied and upgraded to this build's schema first. Then,
// in one step holding the ledger's write lock — so no other window or
// process can write in between — the ledger as it is is copied aside and
// its contents replaced. A ledger SQLite cannot read is not copied: its
// files are set aside whole and the backup restored into a new ledger in
// its place (where a symbolic link points, when it is reached through one).
func (s *Store) Restore(ctx context.Context, src string) (Restored, error) {
	if err := Inspect(src); err != nil {
		return Restored{}, err
	}
	if s.ReadOnly {
		return Restored{}, refuse(s.path, model.KindRestoreReadOnly)
	}
	real := realPath(s.path)
	dir := filepath.Dir(real)
	cleanLeftovers(dir)
	stage := filepath.Join(dir, fmt.Sprintf(".taizhang-restore-%d.db", os.Getpid()))
	removeDB(stage)
	defer removeDB(stage)
	if err := s.stage(ctx, src, stage); err != nil {
		return Restored{}, err
	}
	out, err := s.replace(ctx, real, stage, true)
	if !errors.Is(err, ErrDamaged) {
		return out, err
	}
	// SQLite cannot read the ledger: keep every file of it, then restore
	// into a new ledger in its place.
	s.db.Close()
	if out.Damaged, err = SetAside(s.path); err != nil {
		return out, err
	}
	fresh, err := Open(s.path)
	if err != nil {
		return out, err
	}
	s.db, s.dataVersion = fresh.db, 0
	more, err := s.replace(ctx, real, stage, false)
	if more.Aside != "" {
		out.Aside = more.Aside
	}
	return out, err
}

// stage copies the backup at src to stage and checks it as SQLite reads it.
func (s *Store) stage(ctx context.Context, src, stage string) error {
	if err := copyLedger(src, stage); err != nil {
		return err
	}
	staged, err := Open(stage)
	if errors.Is(err, ErrDamaged) {
		return refuse(src, model.KindBackupDamaged)
	}
	if err != nil {
		return remap(s.path, err)
	}
	defer staged.Close()
	if staged.Migrated != "" {
		removeDB(staged.Migrated)
	}
	var check string
	err = staged.db.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&check)
	if err != nil || check != "ok" {
		return refuse(src, model.KindBackupDamaged)
	}
	var n int
	if err := staged.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil || n > 0 {
		return refuse(src, model.KindBackupForeignKey)
	}
	return nil
}

// replace takes the ledger's write lock, copies the ledger aside (when
// keep is set) through a second connection while holding it, and replaces
// every table from stage before letting go: a write acknowledged to
// anyone is either in the copy or in the restored ledger.
func (s *Store) replace(ctx context.Context, real, stage string, keep bool) (Restored, error) {
	var out Restored
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return out, s.dbError(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS src`, dsn(stage, "ro")); err != nil {
		return out, remap(s.path, err)
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE src`)
	tx, err := conn.BeginTx(ctx, nil) // immediate: the write lock, from now
	if err != nil {
		return out, s.dbError(err)
	}
	defer tx.Rollback()
	if keep {
		aside := asideName(real, "before-restore", ".bak")
		if err := s.copyLocked(ctx, aside); err != nil {
			return out, err
		}
		out.Aside = aside
	}
	if err := replaceTables(ctx, tx); err != nil {
		return out, s.dbError(err)
	}
	if err := newGeneration(ctx, tx); err != nil {
		return out, s.dbError(err)
	}
	if err := tx.Commit(); err != nil {
		return out, s.dbError(err)
	}
	return out, nil
}

// copyLocked writes the ledger as committed to dest through a connection of
// its own, for a caller holding the write lock on the store's connection:
// no commit can happen between the snapshot it reads and the caller's.
func (s *Store) copyLocked(ctx context.Context, dest string) error {
	db, err := sql.Open("sqlite", dsn(s.path, "ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	return writeVia(dest, func(tmp string) error {
		_, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return s.copyError(dest, err)
	})
}

// replaceTables replaces every table of the ledger with the staged one's,
// whatever tables the schema has: the foreign keys are checked once, at
// commit, so the order does not matter.
func replaceTables(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM main."`+t+`"`); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `INSERT INTO main."`+t+`" SELECT * FROM src."`+t+`"`); err != nil {
			return err
		}
	}
	return nil
}

// copyLedger copies the file at src, and its WAL when it has one, to dest
// byte for byte, so that nothing is created or changed beside src (opening
// it through SQLite would make -wal and -shm files there).
func copyLedger(src, dest string) error {
	for _, suffix := range []string{"", "-wal"} {
		if _, err := os.Lstat(src + suffix); errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		in, err := OpenRegular(src+suffix, model.KindFileBackup)
		if err != nil {
			return err
		}
		out, err := os.OpenFile(dest+suffix, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			in.Close()
			return writeError(filepath.Dir(dest), err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			if werr := writeError(filepath.Dir(dest), err); werr != err {
				return werr
			}
			return readError(src+suffix, err)
		}
	}
	return nil
}
