package data

// What a file's header says before SQLite opens it: whether it is a
// taizhang ledger at all, and of which schema. It never decides damage:
// SQLite does, after replaying the WAL.

import (
	"encoding/binary"
	"errors"
	"io"
	"os"

	"taizhang/model"
)

// checkExisting refuses a path that is not a taizhang ledger without
// opening it through SQLite. It never calls a ledger damaged from its
// header alone: a file shorter than page 1 says may be whole once SQLite
// replays its WAL, so it is reported as suspect for SQLite to check.
func checkExisting(path string, fi os.FileInfo) (suspect bool, err error) {
	if fi.IsDir() {
		return false, refuse(path, model.KindLedgerIsDir)
	}
	if !fi.Mode().IsRegular() {
		return false, model.Refuse(nil, model.KindLedgerNotRegular, path, kindOf(fi.Mode()))
	}
	if fi.Size() == 0 {
		return false, refuse(path, model.KindLedgerEmpty)
	}
	header, err := readHeader(path)
	if err != nil {
		return false, readError(path, err)
	}
	if header == nil {
		return false, refuse(path, model.KindNotSQLite)
	}
	if id := binary.BigEndian.Uint32(header[68:72]); id != ApplicationID {
		return false, refuse(path, model.KindOtherSQLite)
	}
	if err := checkVersion(path, headerVersion(header)); err != nil {
		return false, err
	}
	return short(header, fi.Size()), nil
}

// headerVersion is the schema version in a header: PRAGMA user_version is
// a signed 32-bit number.
func headerVersion(h []byte) int { return int(int32(binary.BigEndian.Uint32(h[60:64]))) }

// checkVersion refuses a schema version this build cannot read.
func checkVersion(path string, v int) error {
	if v < 0 {
		return model.Refuse(ErrDamaged, model.KindBadSchema, path, v)
	}
	if v > SchemaVersion() {
		return newerError(path, v)
	}
	return nil
}

func newerError(path string, v int) error {
	return model.Refuse(nil, model.KindNewerSchema, path, v, SchemaVersion())
}

// short reports a file shorter than its header says it is: damaged, or a
// checkpoint that a crash or a full disk cut off, which SQLite repairs from
// the WAL. The in-header size is trusted only when it is marked valid (the
// change counter equals the version-valid-for number).
func short(h []byte, size int64) bool {
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	return valid && pages > 0 && size < pages*pageSize
}

// ErrDamaged is wrapped by the error for a ledger SQLite cannot read.
var ErrDamaged = errors.New("ledger damaged")

// errReadOnly is wrapped by the refusal of a ledger that cannot be written.
var errReadOnly = errors.New("ledger read-only")

// ErrNoLedger is wrapped by OpenExisting's error for a path with no ledger.
var ErrNoLedger = errors.New("no ledger")

// damaged is what SQLite found: a ledger it cannot read after replaying
// the WAL.
func damaged(path string) error {
	return model.Refuse(ErrDamaged, model.KindDamaged, path)
}

// readHeader returns the 100-byte SQLite header, or nil when the file does
// not start with one. It runs before SQLite opens the file in this process,
// so closing the descriptor cannot drop a lock.
func readHeader(path string) ([]byte, error) {
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readHeaderFrom(f)
}

func readHeaderFrom(f *os.File) ([]byte, error) {
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return nil, nil
	}
	return h, nil
}
