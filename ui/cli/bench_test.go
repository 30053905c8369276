package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// minimalProgram builds the smallest Go program that starts and exits:
// the baseline a command that belongs in a shell prompt is measured by.
func minimalProgram(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module minimal\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(dir, "minimal")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build the minimal program: %v\n%s", err, out)
	}
	return bin
}

// realLedger is an officer's ledger: the leadership template this year and
// a record every few days from January to today, written by the binary.
func realLedger(b *testing.B, bin string) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "real.db")
	tz := func(args ...string) {
		if out, err := exec.Command(bin, append([]string{"--db", path}, args...)...).CombinedOutput(); err != nil {
			b.Fatalf("taizhang %v: %v\n%s", args, err, out)
		}
	}
	today := time.Now()
	tz("template", "apply", "leadership", "--year", strconv.Itoa(today.Year()))
	n := 0
	for d := time.Date(today.Year(), 1, 2, 0, 0, 0, 0, time.Local); !d.After(today); d = d.AddDate(0, 0, 5) {
		tz("log", strconv.Itoa(n%19+1), "--date", d.Format("2006-01-02"), "--topic", "学习第"+strconv.Itoa(n)+"次",
			"--with", "张三,李四", "--place", "三楼会议室")
		n++
	}
	return path
}

// BenchmarkProcessShort runs, in each iteration and side by side, a
// minimal Go program, taizhang --version and taizhang status --short on a
// real ledger last written a minute before, and reports the median time of
// each and their ratios to the minimal program (DESIGN §8: status --short
// within 3×). status --short runs twice: as a prompt runs it between two
// changes of the ledger (the line kept from the run before), and as the
// first prompt after a change (no line kept: the ledger is read).
func BenchmarkProcessShort(b *testing.B) {
	bin := testbin.Build(b)
	minimal := minimalProgram(b)
	ledger := realLedger(b, bin)
	when := time.Now().Add(-time.Minute)
	for _, p := range []string{ledger, ledger + "-wal"} {
		os.Chtimes(p, when, when)
	}
	cache := b.TempDir()
	kept := append(os.Environ(), "XDG_CACHE_HOME="+cache)
	// A cache directory under a file cannot be made: nothing is kept.
	blocker := filepath.Join(b.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	none := append(os.Environ(), "XDG_CACHE_HOME="+blocker)
	short := []string{"--db", ledger, "status", "--short"}
	type run struct {
		name string
		args []string
		env  []string
	}
	runs := []run{{"minimal", []string{minimal}, nil}, {"version", []string{bin, "--version"}, nil},
		{"short", append([]string{bin}, short...), kept}, {"short-cold", append([]string{bin}, short...), none}}
	for _, r := range runs[2:] {
		cmd := exec.Command(r.args[0], r.args[1:]...)
		cmd.Env = r.env
		if out, err := cmd.Output(); err != nil || !strings.Contains(string(out), "/19") {
			b.Fatalf("status --short: %v %q", err, out)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "taizhang", "status", "status-*")); len(m) != 1 {
		b.Fatalf("status --short kept no line in %s", cache)
	}
	times := make([][]time.Duration, len(runs))
	b.ResetTimer()
	for b.Loop() {
		for i, r := range runs {
			cmd := exec.Command(r.args[0], r.args[1:]...)
			cmd.Env = r.env
			start := time.Now()
			if err := cmd.Run(); err != nil {
				b.Fatalf("%v: %v", r.args, err)
			}
			times[i] = append(times[i], time.Since(start))
		}
	}
	med := make([]float64, len(runs))
	for i, ts := range times {
		slices.Sort(ts)
		med[i] = float64(ts[len(ts)/2].Microseconds()) / 1000
		b.ReportMetric(med[i], runs[i].name+"-ms")
		if i > 0 {
			b.ReportMetric(med[i]/med[0], runs[i].name+"-x")
		}
	}
}

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
