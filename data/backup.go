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
		return model.Invalid(nil, fmt.Sprintf("%s 已存在；请换一个文件名或先移走它。", dest),
			fmt.Sprintf("%s already exists; choose another name or move it away first.", dest))
	}
	if err := checkDir(dest); err != nil {
		return err
	}
	return writeVia(dest, func(tmp string) error {
		_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return s.errOrNil(err)
	})
}

// writeVia creates an empty 0600 temporary file beside dest, lets fill
// write it, syncs it and renames it to dest. On any failure the temporary
// file is removed and dest is untouched.
func writeVia(dest string, fill func(tmp string) error) error {
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
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
		return err
	}
	f.Close()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
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
		return model.Invalid(nil, fmt.Sprintf("%s 所在目录不存在；请先创建该目录，或换一个路径。", dest),
			fmt.Sprintf("The directory %s does not exist; create it or choose another path.", dir))
	}
	if err == nil && (fi.Mode().Perm()&0o200 == 0 || !writable(dir)) {
		return model.Invalid(nil, fmt.Sprintf("目录 %s 不可写入；请换一个可写的目录，或恢复该目录的写权限。", dir),
			fmt.Sprintf("The directory %s cannot be written to; choose a writable directory or make it writable.", dir))
	}
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		return model.Invalid(nil, fmt.Sprintf("%s 是一个目录；请在 -o 中给出文件名。", dest),
			fmt.Sprintf("%s is a directory; give a file name with -o.", dest))
	}
	return nil
}

// CheckDest refuses what WriteFile would refuse before writing anything:
// a dest whose directory does not exist, or, unless force is set, a dest
// that exists. Callers with slow work before the write check first.
func CheckDest(dest string, force bool) error {
	if !force {
		if _, err := os.Lstat(dest); err == nil {
			return model.Invalid(nil, fmt.Sprintf("%s 已存在；加 --force 覆盖，或用 -o 指定其他文件名。", dest),
				fmt.Sprintf("%s already exists; add --force to replace it or choose another name with -o.", dest))
		}
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
// without writing to it.
func Inspect(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return refuse(path, "找不到文件 %s；请检查路径。", "There is no file %s; check the path.")
	}
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return refuse(path, "%s 是一个目录，不是台账备份文件。", "%s is a directory, not a ledger backup.")
	}
	if fi.Size() == 0 {
		return refuse(path, "%s 是空文件，不是台账备份。", "%s is an empty file, not a ledger backup.")
	}
	h, err := readHeader(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if h == nil || binary.BigEndian.Uint32(h[68:72]) != ApplicationID {
		return refuse(path, "%s 不是台账文件，不能用于恢复。", "%s is not a taizhang ledger and cannot be restored.")
	}
	if v := int(binary.BigEndian.Uint32(h[60:64])); v > SchemaVersion() {
		return newerError(path, v)
	}
	return nil
}

// restoreTables are copied parents first; deleted children first.
var restoreTables = []string{"duties", "targets", "records", "profile"}

// Restore replaces the ledger's contents with those of the ledger at src,
// in one transaction. src is checked, copied and upgraded to this build's
// schema first; the current contents are kept aside in a backup beside the
// ledger, whose path is returned.
func (s *Store) Restore(ctx context.Context, src string) (string, error) {
	if err := Inspect(src); err != nil {
		return "", err
	}
	dir := filepath.Dir(s.path)
	// A private copy (with its WAL, so a backup in WAL mode is whole),
	// checked and upgraded like any older ledger.
	stage := filepath.Join(dir, fmt.Sprintf(".taizhang-restore-%d.db", os.Getpid()))
	removeDB(stage)
	defer removeDB(stage)
	if err := copyLedger(src, stage); err != nil {
		return "", err
	}
	staged, err := Open(stage)
	if err != nil {
		return "", err
	}
	if staged.Migrated != "" {
		removeDB(staged.Migrated)
	}
	var check string
	err = staged.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check)
	staged.Close()
	if err != nil || check != "ok" {
		return "", refuse(src, "%s 已损坏，不能用于恢复。", "%s is damaged and cannot be restored.")
	}
	aside := asideName(s.path, "before-restore", ".bak")
	if err := s.Backup(ctx, aside); err != nil {
		return "", fmt.Errorf("keep the current ledger aside before restoring: %w", err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return "", s.dbError(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS src`, dsn(stage, "ro")); err != nil {
		return "", s.dbError(err)
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE src`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return "", s.dbError(err)
	}
	if err := replaceTables(ctx, tx); err != nil {
		tx.Rollback()
		return "", s.dbError(err)
	}
	if err := tx.Commit(); err != nil {
		return "", s.dbError(err)
	}
	return aside, nil
}

func replaceTables(ctx context.Context, tx *sql.Tx) error {
	for i := len(restoreTables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, `DELETE FROM main.`+restoreTables[i]); err != nil {
			return err
		}
	}
	for _, t := range restoreTables {
		if _, err := tx.ExecContext(ctx, `INSERT INTO main.`+t+` SELECT * FROM src.`+t); err != nil {
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
		in, err := os.Open(src + suffix)
		if errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return refuse(src, "无法读取 %s；请检查权限。", "%s cannot be read; check its permissions.")
		}
		out, err := os.OpenFile(dest+suffix, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			in.Close()
			return err
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("copy %s: %w", src, err)
		}
	}
	return nil
}
