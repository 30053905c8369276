// Package testbin builds the real taizhang binary for the tests that run
// it the way a person does: as a process, in a terminal, killed at random.
package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var (
	once sync.Once
	path string
	err  error
	out  []byte
)

// Build compiles taizhang once per test process and returns the binary's
// path.
func Build(tb testing.TB) string {
	tb.Helper()
	once.Do(func() {
		dir, e := os.MkdirTemp("", "taizhang-bin-")
		if e != nil {
			err = e
			return
		}
		path = filepath.Join(dir, "taizhang")
		if runtime.GOOS == "windows" {
			path += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", path, "taizhang")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		out, err = cmd.CombinedOutput()
	})
	if err != nil {
		tb.Fatalf("go build taizhang: %v\n%s", err, out)
	}
	return path
}
