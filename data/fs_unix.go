//go:build unix

package data

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// writable reports whether this process may write path.
func writable(path string) bool { return unix.Access(path, unix.W_OK) == nil }

// syncDir makes a rename or link in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// processAlive reports whether a process with this id runs (or may: one
// that belongs to another user counts as running).
func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || err == unix.EPERM
}

// ownedByMe reports whether this process's user owns the file.
func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}

// sameOwner reports whether two files have one owner.
func sameOwner(a, b os.FileInfo) bool {
	sa, ok1 := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && sa.Uid == sb.Uid
}

func isRoot() bool { return os.Geteuid() == 0 }

// openNoWait opens path for reading without waiting for a writer, should
// it be a named pipe.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// dirReadOnly reports whether a directory's owner write bit is off.
func dirReadOnly(fi os.FileInfo) bool { return fi.Mode().Perm()&0o200 == 0 }

// othersMayRead reports whether the group or other users may read or write
// the file by its permission bits.
func othersMayRead(fi os.FileInfo) bool { return fi.Mode().Perm()&0o077 != 0 }
