package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"

	"taizhang/model"
)

// SQLite's primary result codes that a person can act on.
const (
	codeBusy     = 5
	codeLocked   = 6
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
	codeFKey     = 787 // SQLITE_CONSTRAINT_FOREIGNKEY
)

// maxPath is the longest path SQLite opens here (its limit is 512 bytes,
// including the "-journal" it appends).
const maxPath = 500

// tempNameLen is the length of the longest temporary name this package
// makes beside a file (see tempName).
const tempNameLen = 48

func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// openError turns SQLite's complaint about opening a file into a sentence.
func openError(path string, err error) error {
	if known := sqliteError(path, err); known != nil {
		return known
	}
	return fmt.Errorf("open ledger %s: %w", path, err)
}

// sqliteError names the conditions a person can act on — a damaged file, a
// file that cannot be written, a full disk, a ledger held too long by
// another program, a record pointing at a duty that is not there — as a
// kind for the front ends to phrase, or returns nil.
func sqliteError(path string, err error) error {
	code := sqliteCode(err)
	msg := err.Error()
	switch {
	case code == codeFKey || strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return model.Fail(err, model.KindForeignKey, path)
	case code&0xff == codeCorrupt || code&0xff == codeNotADB || strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database"):
		return damaged(path)
	case code&0xff == codeFull || strings.Contains(msg, "disk is full") || errors.Is(err, syscall.ENOSPC):
		return diskFull(filepath.Dir(path), err)
	case code&0xff == codeBusy || code&0xff == codeLocked || strings.Contains(msg, "database is locked"):
		return model.Fail(err, model.KindBusy, path)
	case code&0xff == codeReadOnly || strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		return model.Fail(err, model.KindReadOnly, path)
	case code&0xff == codeCantOpen || strings.Contains(msg, "unable to open"):
		if err := checkPathLength(path); err != nil {
			return err
		}
		return model.Fail(err, model.KindCannotOpen, path)
	}
	return nil
}

// diskFull says which disk is full: the one holding dir.
func diskFull(dir string, err error) error {
	return model.Fail(err, model.KindDiskFull, dir)
}

// writeError names a full disk or a refused write in dir, or returns err.
func writeError(dir string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := model.AsInput(err); ok {
		return err
	}
	if _, ok := model.AsFailure(err); ok {
		return err
	}
	code := sqliteCode(err)
	if code&0xff == codeFull || errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "disk is full") {
		return diskFull(dir, err)
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return model.Fail(err, model.KindDirNoWrite, dir, pathErr(err))
	}
	return err
}

// checkPathLength refuses a path SQLite cannot open because it is too long,
// counting the temporary names made beside it.
func checkPathLength(path string) error {
	n := len(filepath.Dir(path)) + 1 + max(len(filepath.Base(path)), tempNameLen)
	if n <= maxPath {
		return nil
	}
	return model.Refuse(nil, model.KindPathTooLong, path, len(path), maxPath)
}

// kindOf names a file's type, for a front end to phrase.
func kindOf(m fs.FileMode) model.Kind {
	switch {
	case m.IsDir():
		return model.KindFileDir
	case m&fs.ModeNamedPipe != 0:
		return model.KindFilePipe
	case m&fs.ModeSocket != 0:
		return model.KindFileSocket
	case m&fs.ModeCharDevice != 0:
		return model.KindFileCharDevice
	case m&fs.ModeDevice != 0:
		return model.KindFileBlockDevice
	case m&fs.ModeSymlink != 0:
		return model.KindFileSymlink
	case m.IsRegular():
		return model.KindFileRegular
	}
	return model.KindFileSpecial
}

// readError says a file could not be read, and why, in one sentence.
func readError(path string, err error) error {
	return model.Fail(err, model.KindCannotRead, path, pathErr(err))
}
