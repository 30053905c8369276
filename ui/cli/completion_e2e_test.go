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

// Completion works in real shells: the script taizhang completion SHELL
// prints is loaded the way its own comment says, in an interactive bash,
// zsh and fish in tmux, and Tab completes a command, a format, a template
// name and a duty title from the ledger. A shell that is not installed is
// skipped (CI installs all three).
func TestCompletionInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the completion test runs the shells in tmux (apt-get install tmux)")
	}
	bin := testbin.Build(t)
	db := filepath.Join(t.TempDir(), "台账.db")
	if out, err := exec.Command(bin, "--db", db, "template", "apply", "leadership").CombinedOutput(); err != nil {
		t.Fatalf("template apply: %v\n%s", err, out)
	}
	for _, sh := range []struct {
		name string
		// rc is the start-up file, at rcPath under the shell's home; args
		// start the shell on it.
		rc, rcPath string
		args       string
	}{
		{"bash", "PS1='$ '\nbind 'set show-all-if-ambiguous on'\nsource <(taizhang completion bash)\n", "bashrc", "bash --noprofile --rcfile HOME/bashrc -i"},
		{"zsh", "PS1='$ '\nautoload -U compinit && compinit -u -D\nsource <(taizhang completion zsh)\n", ".zshrc", "zsh -i"},
		{"fish", "function fish_prompt; echo -n '$ '; end\nset -g fish_greeting\ntaizhang completion fish | source\n", ".config/fish/config.fish", "fish -i"},
	} {
		t.Run(sh.name, func(t *testing.T) {
			if _, err := exec.LookPath(sh.name); err != nil {
				t.Skipf("%s is not installed", sh.name)
			}
			// The shell's home is removed after its session, not by the
			// test's own clean-up: a shell may still write there as it ends.
			home, err := os.MkdirTemp("", "taizhang-completion-")
			if err != nil {
				t.Fatal(err)
			}
			rc := filepath.Join(home, sh.rcPath)
			os.MkdirAll(filepath.Dir(rc), 0o700)
			if err := os.WriteFile(rc, []byte(sh.rc), 0o600); err != nil {
				t.Fatal(err)
			}
			completeIn(t, bin, db, home, strings.ReplaceAll(sh.args, "HOME", home))
		})
	}
}

// completeIn drives one shell in tmux through the completions.
func completeIn(t *testing.T, bin, db, home, start string) {
	name := "taizhang-completion-" + strings.ReplaceAll(t.Name(), "/", "-")
	exec.Command("tmux", "kill-session", "-t", name).Run()
	shell := "env -i HOME=" + home + " ZDOTDIR=" + home + " HISTFILE=/dev/null fish_history= TERM=xterm LANG=C.UTF-8 TAIZHANG_DB=" + db +
		" PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin " + start
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "150", "-y", "30", shell).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		exec.Command("tmux", "kill-session", "-t", name).Run()
		time.Sleep(100 * time.Millisecond)
		os.RemoveAll(home)
	})
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
		// The completed word is followed by a space: what is typed next is
		// a new word. (A letter: zsh takes its space back before | or ;.)
		typed("x")
		waitFor(step.want + " x")
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
