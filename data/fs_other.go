//go:build !unix

package data

import "os"

// writable is answered by the permission bits alone where access(2) is missing.
func writable(string) bool { return true }

// syncDir is a no-op where directories cannot be synced.
func syncDir(string) error { return nil }

// processAlive cannot be asked here: every process counts as running, so
// leftovers are never removed.
func processAlive(int) bool { return true }

// ownedByMe: files have no owner id here.
func ownedByMe(os.FileInfo) bool { return true }

func sameOwner(a, b os.FileInfo) bool { return true }

func isRoot() bool { return false }

func openNoWait(path string) (*os.File, error) { return os.Open(path) }

// dirReadOnly is false: Windows ignores a directory's read-only attribute
// when files are made in it (Explorer sets it on folders such as Documents
// to mark them customised), so only trying to write can tell.
func dirReadOnly(os.FileInfo) bool { return false }

// othersMayRead is false: Windows reports every writable file as 0666 and
// guards files by their access lists (a profile's AppData is the user's
// own), and changing the bits cannot make a file more private; trying on a
// -shm file SQLite holds open fails and would refuse every ledger.
func othersMayRead(os.FileInfo) bool { return false }
