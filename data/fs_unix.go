//go:build unix

package data

import (
	"os"

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
