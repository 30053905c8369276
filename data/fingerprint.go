package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// settled is how long a ledger file must have gone unchanged before its
// fingerprint is trusted: longer than the coarsest modification-time step
// of the file systems a ledger lives on (two seconds on FAT), so that any
// later change is sure to move the time.
const settled = 3 * time.Second

// Fingerprint names the state of the ledger files at path — the database
// and its -wal file, each by size and modification time — for a cache of
// something read from the ledger: every committed change alters one of
// them. It returns false when the state cannot be named safely: a file
// that is not there or not a regular file, or one changed within the last
// few seconds, where a further change in the same tick of the clock could
// leave the name as it was.
func Fingerprint(path string, now time.Time) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	// SQLite writes the -wal beside the file a symbolic link points to.
	abs = realPath(abs)
	var b strings.Builder
	b.WriteString(abs)
	for i, p := range []string{abs, abs + "-wal"} {
		fi, err := os.Stat(p)
		switch {
		case i > 0 && errors.Is(err, fs.ErrNotExist):
			b.WriteString("|-")
			continue
		case err != nil || !fi.Mode().IsRegular():
			return "", false
		case now.Sub(fi.ModTime()) < settled:
			return "", false
		}
		b.WriteString("|")
		b.WriteString(strconv.FormatInt(fi.Size(), 10))
		b.WriteString("@")
		b.WriteString(strconv.FormatInt(fi.ModTime().UnixNano(), 10))
	}
	return b.String(), true
}
