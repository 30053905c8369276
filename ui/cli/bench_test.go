package cli_test

import (
	"os"
	"os/exec"
	"testing"

	"taizhang/data"
	"taizhang/ui/internal/testbin"
)

// benchProcess runs the real binary once per iteration on the benchmark
// ledger (TAIZHANG_BENCH=big for 10 years × 300 duties × 100 000 records):
// the whole process, from exec to exit, as a person waits for it.
func benchProcess(b *testing.B, args ...string) {
	bin := testbin.Build(b)
	path, err := data.DemoFile(os.TempDir(), data.BenchSize())
	if err != nil {
		b.Fatal(err)
	}
	full := append([]string{"--db", path}, args...)
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, full...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("taizhang %v: %v\n%s", args, err, out)
		}
	}
}

// BenchmarkProcessVersion is the floor: start the program and exit.
func BenchmarkProcessVersion(b *testing.B) { benchProcess(b, "--version") }

// BenchmarkProcessStatus is `taizhang status --year 2026` from start to exit.
func BenchmarkProcessStatus(b *testing.B) { benchProcess(b, "status", "--year", "2026", "--as-of", "2026-11-22") }

// BenchmarkProcessStatusJSON is the same with --json.
func BenchmarkProcessStatusJSON(b *testing.B) {
	benchProcess(b, "status", "--year", "2026", "--as-of", "2026-11-22", "--json")
}
