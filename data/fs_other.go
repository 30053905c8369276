//go:build !unix

package data

// writable is answered by the permission bits alone where access(2) is missing.
func writable(string) bool { return true }

// syncDir is a no-op where directories cannot be synced.
func syncDir(string) error { return nil }
