package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"

	"taizhang/model"
)

// Temporary files are named for the process that makes them —
// .taizhang-new-<pid>-<n>.db (a new ledger being built),
// .taizhang-restore-<pid>.db (a backup being checked before a restore),
// .taizhang-tmp-<pid>-<n> (a backup, export or copy kept aside being
// written) — so that a later run can tell its own leftovers from a killed
// run, whose process is gone, and remove them; another program's files, or
// a running taizhang's, are never touched.
var leftoverName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\.taizhang-(?:new|restore|tmp)-([0-9]+)(?:[-.].*)?$`)
})

// tempPattern is the os.CreateTemp pattern for a temporary file of kind.
func tempPattern(kind, ext string) string {
	return fmt.Sprintf(".taizhang-%s-%d-*%s", kind, os.Getpid(), ext)
}

// cleanLeftovers removes, from dir, temporary files that a taizhang process
// no longer running left behind (a kill, a power cut), and that belong to
// this user.
func cleanLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := leftoverName().FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		pid, err := strconv.Atoi(m[1])
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if fi, err := os.Lstat(p); err == nil && ownedByMe(fi) {
			os.Remove(p)
		}
	}
}

// checkCompanions refuses a ledger whose -wal or -shm file is not a plain
// file of the ledger's owner, or that another user could read: in a shared
// directory someone could have made them first, to read every write. Our
// own files that others could read are made private (0600) instead.
func checkCompanions(path string) error {
	real := realPath(path)
	dbfi, err := os.Stat(real)
	if err != nil {
		return nil
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		p := real + suffix
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return readError(p, err)
		}
		if !fi.Mode().IsRegular() {
			return model.Refuse(nil, model.KindPlantedFile, p, kindOf(fi.Mode()))
		}
		mine := ownedByMe(fi)
		if !sameOwner(fi, dbfi) || !mine && !isRoot() {
			return model.Refuse(nil, model.KindOtherOwner, p)
		}
		if othersMayRead(fi) {
			if !mine || os.Chmod(p, 0o600) != nil {
				return model.Refuse(nil, model.KindOthersRead, p)
			}
		}
	}
	return nil
}
