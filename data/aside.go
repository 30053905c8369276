package data

// A damaged ledger is set aside whole, under a name that says when and
// why; a ledger's real place behind a symbolic link.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"taizhang/model"
)

// SetAside moves a ledger SQLite found damaged out of the way, whole — the
// file and its -wal and -shm files, which may hold the latest records —
// under a name that says when and why, and returns that name. A ledger
// reached through a symbolic link is set aside where it really is, so a
// new ledger can take its place there and the link keeps working. Should
// any file fail to move, the ones moved are put back and nothing changes.
func SetAside(path string) (string, error) {
	real := realPath(path)
	aside := asideName(real, "damaged", "")
	var moved []string
	undo := func() {
		for _, suffix := range moved {
			os.Rename(aside+suffix, real+suffix)
		}
	}
	// The -wal first: a ledger must never be left beside a WAL not its own.
	for _, suffix := range []string{"-wal", "-shm", ""} {
		if _, err := os.Lstat(real + suffix); errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		if err := os.Rename(real+suffix, aside+suffix); err != nil {
			undo()
			return "", model.Refuse(nil, model.KindMoveAside, real, pathErr(err), filepath.Dir(real))
		}
		moved = append(moved, suffix)
	}
	syncDir(filepath.Dir(real))
	return aside, nil
}

// realPath is path with symbolic links resolved, as SQLite resolves them
// to find the -wal file; path itself when it cannot be resolved.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
	}
	return path
}

// pathErr is the reason inside a file-system error, without the path it
// repeats.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// asideName is a free name beside path for a copy kept aside, saying why
// and when: ledger.db.damaged-20261122T093000, with -2, -3 … added when
// the same second already has one, so no earlier copy is ever replaced.
func asideName(path, why, ext string) string {
	base := fmt.Sprintf("%s.%s-%s", path, why, time.Now().UTC().Format("20060102T150405"))
	name := base + ext
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}
