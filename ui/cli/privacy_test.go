package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"taizhang/data"
)

// The program never talks to the network: no package of the binary opens
// HTTP, TLS, mail or RPC connections, and the one dependency that imports
// net (github.com/google/uuid, which the SQLite library pulls in) only
// reads the machine's interfaces for a node id.
func TestNoNetworkInTheBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", "taizhang").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{"net/http", "crypto/tls", "net/smtp", "net/rpc", "net/mail", "golang.org/x/net/http2"}
	allowedNet := map[string]bool{"github.com/google/uuid": true, "net/netip": true}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		for _, f := range forbidden {
			if pkg == f {
				t.Errorf("the binary links %s", f)
			}
		}
		for _, imp := range strings.Fields(imports) {
			if imp == "net" && !allowedNet[pkg] && !strings.HasPrefix(pkg, "net/") && pkg != "net" {
				t.Errorf("%s imports net", pkg)
			}
		}
	}
}

// Everything taizhang writes is private: the ledger's directory 0700, the
// ledger, its WAL and shared-memory files, backups and exports 0600.
func TestFilesArePrivate(t *testing.T) {
	home := t.TempDir()
	t.Cleanup(xdg.Reload) // runs after t.Setenv has put the environment back
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv("TAIZHANG_DB", "")
	xdg.Reload()
	run := func(args ...string) {
		t.Helper()
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: func() time.Time { return fixedNow }, Version: "test"})
		if code != 0 {
			t.Fatalf("taizhang %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
	}
	run("template", "apply", "leadership")
	run("log", "会前学法", "--topic", "学习")
	dir := filepath.Join(home, "taizhang")
	check := func(path string, want os.FileMode) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s is %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	check(dir, 0o700)
	check(filepath.Join(dir, "taizhang.db"), 0o600)
	out := t.TempDir()
	run("backup", filepath.Join(out, "b.db"))
	check(filepath.Join(out, "b.db"), 0o600)
	for _, f := range []string{"md", "txt", "docx", "xlsx", "csv", "json"} {
		p := filepath.Join(out, "summary."+f)
		run("export", "--format", f, "-o", p)
		check(p, 0o600)
	}
	// While a second process holds the ledger open, its WAL and shared
	// memory exist: they are private too.
	s, err := data.Open(filepath.Join(dir, "taizhang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.DB().Exec("INSERT INTO profile (id, name, updated_at) VALUES (1, '张明', '2026-11-22T00:00:00Z') ON CONFLICT (id) DO UPDATE SET name = excluded.name"); err != nil {
		t.Fatal(err)
	}
	check(filepath.Join(dir, "taizhang.db-wal"), 0o600)
	check(filepath.Join(dir, "taizhang.db-shm"), 0o600)
}
