package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang/ui/internal/testbin"
)

// Completion works in a real bash: the script taizhang completion bash
// prints is sourced in an interactive bash in tmux, and Tab completes a
// command, a format, a template name and a duty title from the ledger.
func TestBashCompletionInTmux(t *testing.T) {
	for _, tool := range []string{"tmux", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the completion test runs bash in tmux (apt-get install tmux)", tool)
		}
	}
	bin := testbin.Build(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "台账.db")
	if out, err := exec.Command(bin, "--db", db, "template", "apply", "leadership").CombinedOutput(); err != nil {
		t.Fatalf("template apply: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "bashrc")
	if err := os.WriteFile(rc, []byte("PS1='$ '\nbind 'set show-all-if-ambiguous on'\nsource <(taizhang completion bash)\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	name := "taizhang-completion-" + strings.ReplaceAll(t.Name(), "/", "-")
	exec.Command("tmux", "kill-session", "-t", name).Run()
	shell := "env -i HOME=" + dir + " HISTFILE=/dev/null TERM=xterm LANG=C.UTF-8 TAIZHANG_DB=" + db +
		" PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin bash --noprofile --rcfile " + rc + " -i"
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "150", "-y", "30", shell).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	screen := func() string {
		out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", name).Output()
		return string(out)
	}
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(screen(), want) {
			if time.Now().After(deadline) {
				t.Fatalf("the shell never showed %q:\n%s", want, screen())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	keys := func(k ...string) {
		t.Helper()
		if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", name}, k...)...).CombinedOutput(); err != nil {
			t.Fatalf("send-keys: %v\n%s", err, out)
		}
	}
	typed := func(s string) { t.Helper(); keys("-l", s) }
	waitFor("$")
	for _, step := range []struct{ typed, want string }{
		{"taizhang sta", "$ taizhang status"},
		{"taizhang export --format xl", "$ taizhang export --format xlsx"},
		{"taizhang template apply lea", "$ taizhang template apply leadership"},
		{"taizhang log 会前", "$ taizhang log 会前学法"},
		{"taizhang records --duty 专题研", "$ taizhang records --duty 专题研究分管领域意识形态工作"},
	} {
		typed(step.typed)
		keys("Tab")
		waitFor(step.want)
		// The completed word is followed by a space: what is typed next is a new word.
		typed("|")
		waitFor(step.want + " |")
		keys("C-u")
	}
	// Two duties start with 述: Tab lists both.
	typed("taizhang log 述")
	keys("Tab")
	waitFor("述责述廉")
	waitFor("述法")
	keys("C-u")
	// The completed command runs.
	typed("taizhang sta")
	keys("Tab")
	typed(" --short") // (a leading space, so that tmux does not read it as its own flag)
	keys("Enter")
	waitFor("/19")
}
