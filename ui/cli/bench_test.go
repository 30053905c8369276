package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
func BenchmarkProcessStatus(b *testing.B) {
	benchProcess(b, "status", "--year", "2026", "--as-of", "2026-11-22")
}

// BenchmarkProcessStatusJSON is the same with --json.
func BenchmarkProcessStatusJSON(b *testing.B) {
	benchProcess(b, "status", "--year", "2026", "--as-of", "2026-11-22", "--json")
}

// startTUI starts the app on a pseudo-terminal (through script(1)) and
// returns how long it took for the first frame with the dashboard to come
// out, and the process.
func startTUI(b *testing.B, bin, ledger string) (time.Duration, *exec.Cmd, *bytes.Buffer) {
	b.Helper()
	cmd := exec.Command("script", "-q", "-e", "-c", "stty cols 200 rows 60; exec "+bin+" --db "+ledger, "/dev/null")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "LANG=zh_CN.UTF-8")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stdin = strings.NewReader("")
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	for !bytes.Contains(seen.Bytes(), []byte("完成率")) {
		n, err := out.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			b.Fatalf("the app ended before its first frame: %v\n%q", err, seen.String())
		}
	}
	return time.Since(start), cmd, &seen
}

// BenchmarkProcessFirstFrame is the time from starting `taizhang` to its
// first frame showing the year's figures, on a pseudo-terminal; it also
// reports the app's resident memory once the year's records are loaded.
func BenchmarkProcessFirstFrame(b *testing.B) {
	if _, err := exec.LookPath("script"); err != nil {
		b.Skip("script(1) is needed to give the app a terminal")
	}
	bin := testbin.Build(b)
	path, err := data.DemoFile(os.TempDir(), data.BenchSize())
	if err != nil {
		b.Fatal(err)
	}
	var rss float64
	b.ResetTimer()
	for b.Loop() {
		d, cmd, _ := startTUI(b, bin, path)
		b.StopTimer()
		_ = d
		time.Sleep(300 * time.Millisecond) // the records arrive after the first frame
		rss = max(rss, residentMB(b, cmd))
		cmd.Process.Kill()
		cmd.Wait()
		b.StartTimer()
	}
	b.ReportMetric(rss, "MB-rss")
}

// residentMB is the resident memory of the app under script(1).
func residentMB(b *testing.B, script *exec.Cmd) float64 {
	b.Helper()
	out, err := exec.Command("ps", "-o", "rss=,comm=", "--ppid", strconv.Itoa(script.Process.Pid)).Output()
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[1] == "taizhang" {
			kb, _ := strconv.Atoi(f[0])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkProcessLog is `taizhang log` of one record, a durable commit,
// from start to exit, on a copy of the benchmark ledger.
func BenchmarkProcessLog(b *testing.B) {
	bin := testbin.Build(b)
	src, err := data.DemoFile(os.TempDir(), data.BenchSize())
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "log.db")
	if out, err := exec.Command(bin, "--db", src, "backup", path).CombinedOutput(); err != nil {
		b.Fatalf("backup: %v\n%s", err, out)
	}
	b.ResetTimer()
	for b.Loop() {
		if out, err := exec.Command(bin, "--db", path, "log", "1", "--topic", "学习").CombinedOutput(); err != nil {
			b.Fatalf("log: %v\n%s", err, out)
		}
	}
}
