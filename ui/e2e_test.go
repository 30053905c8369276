package ui_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"taizhang/ui/internal/testbin"
)

// startApp builds taizhang, applies a built-in duty set to a new ledger,
// and opens the app on it in a 100×30 tmux session with env.
func startApp(t *testing.T, template string, env ...string) (bin, db string, s *tmuxSession) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the real terminal interface needs it (apt-get install tmux)")
	}
	bin = testbin.Build(t)
	db = filepath.Join(t.TempDir(), "ledger.db")
	if out, err := exec.Command(bin, "--db", db, "template", "apply", template).CombinedOutput(); err != nil {
		t.Fatalf("template apply: %v\n%s", err, out)
	}
	return bin, db, startTmux(t, 100, 30, env, bin+" --db "+db)
}

// tmuxSession runs the binary in a detached tmux session of the given size.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, w, h int, env []string, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the real terminal interface needs it (apt-get install tmux)")
	}
	// The process id keeps two test runs at once (two checkouts on one
	// machine share the tmux server) out of each other's sessions.
	name := fmt.Sprintf("taizhang-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))
	args := []string{"new-session", "-d", "-s", name, "-x", itoa(w), "-y", itoa(h)}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, command)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", s.name}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys: %v\n%s", err, out)
	}
}

func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", s.name, "-l", text).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys -l: %v\n%s", err, out)
	}
}

func (s *tmuxSession) capture() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

// waitFor polls the pane until it shows want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if screen := s.capture(); strings.Contains(screen, want) {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the terminal never showed %q; it shows:\n%s", want, s.capture())
	return ""
}

// waitWithout polls the pane until it no longer shows text.
func (s *tmuxSession) waitWithout(text string) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if !strings.Contains(s.capture(), text) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the terminal still shows %q:\n%s", text, s.capture())
}

func (s *tmuxSession) waitGone() {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if err := exec.Command("tmux", "has-session", "-t", s.name).Run(); err != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("taizhang did not quit; the terminal shows:\n%s", s.capture())
}

// The officer opens taizhang, ticks a duty off with a topic, quits, and
// finds the record from the command line.
func TestEndToEndTickInTmux(t *testing.T) {
	bin, db, s := startApp(t, "leadership", "LANG=zh_CN.UTF-8", "TERM=xterm-256color")
	s.waitFor("参加中心组集体学习")
	s.send("Space")
	s.waitFor("主题：")
	s.typeText("学习《中国共产党纪律处分条例》")
	s.send("Enter")
	s.waitFor("已登记：参加中心组集体学习")
	s.send("q")
	s.waitGone()

	out, err := exec.Command(bin, "--db", db, "records", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		Duty  string `json:"duty"`
		Date  string `json:"date"`
		Topic string `json:"topic"`
	}
	if err := json.Unmarshal(out, &recs); err != nil {
		t.Fatalf("records --json: %v\n%s", err, out)
	}
	today := time.Now().Format("2006-01-02")
	if len(recs) != 1 || recs[0].Duty != "参加中心组集体学习" || recs[0].Topic != "学习《中国共产党纪律处分条例》" || recs[0].Date != today {
		t.Fatalf("records after the tick: %+v", recs)
	}
}

// A record logged from the command line while the interface is open shows
// up at its next refresh.
func TestEndToEndSeesTheCommandLine(t *testing.T) {
	bin, db, s := startApp(t, "leadership", "LANG=zh_CN.UTF-8")
	s.waitFor("完成 0/19 项")
	if out, err := exec.Command(bin, "--db", db, "log", "述法", "--topic", "命令行").CombinedOutput(); err != nil {
		t.Fatalf("log: %v\n%s", err, out)
	}
	s.waitFor("完成 1/19 项")
	s.send("q")
	s.waitGone()
}

// With NO_COLOR set the screen carries no colour, and stays readable:
// statuses are words and the selection has a marker.
func TestEndToEndNoColor(t *testing.T) {
	_, _, s := startApp(t, "section-chief", "LANG=zh_CN.UTF-8", "TERM=xterm-256color", "NO_COLOR=1")
	s.waitFor("参加支部党员大会")
	out, _ := exec.Command("tmux", "capture-pane", "-e", "-p", "-t", s.name).Output()
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(38|48|3[0-7]|4[0-7]|9[0-7]|10[0-7])[;m]`)
	if m := colour.Find(out); m != nil {
		t.Fatalf("a colour code %q under NO_COLOR in:\n%q", m, out)
	}
	screen := s.capture()
	if !strings.Contains(screen, "> 组织科室政治理论学习") || !strings.Contains(screen, "未达标") {
		t.Fatalf("without colour the screen lacks the marker or the status words:\n%s", screen)
	}
	s.send("q")
	s.waitGone()
}

// Two command lines log in loops while the officer ticks in the open app:
// every record arrives, and nobody sees "database is locked".
func TestEndToEndWritersAtOnce(t *testing.T) {
	bin, db, s := startApp(t, "leadership", "LANG=zh_CN.UTF-8")
	s.waitFor("参加中心组集体学习")
	const loops, each, ticks = 2, 30, 5
	var wg sync.WaitGroup
	failures := make(chan string, loops*each)
	for l := 0; l < loops; l++ {
		wg.Add(1)
		go func(l int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				out, err := exec.Command(bin, "--db", db, "log", "开展调研", "--topic", fmt.Sprintf("命令行%d-%d", l, i)).CombinedOutput()
				if err != nil {
					failures <- fmt.Sprintf("%v: %s", err, out)
				}
			}
		}(l)
	}
	for i := 0; i < ticks; i++ {
		s.send("Space")
		s.waitFor("主题：")
		s.typeText(fmt.Sprintf("界面%d", i))
		s.send("Enter")
		s.waitWithout("主题：") // the prompt closes once the record is committed
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Errorf("a command-line log failed: %s", f)
	}
	s.send("q")
	s.waitGone()
	out, err := exec.Command(bin, "--db", db, "records", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct{ Topic string }
	json.Unmarshal(out, &recs)
	if len(recs) != loops*each+ticks {
		t.Fatalf("%d records, want %d", len(recs), loops*each+ticks)
	}
	t.Logf("%d records from %d command-line loops and the app at once, none lost, none locked", len(recs), loops)
}

// The officer opens a record in the real binary, attaches the minutes by
// typing their path, opens them (the system's viewer stands in as a
// script on PATH that copies what it is handed), quits, and finds the file
// on the command line byte for byte; the private copy is gone.
func TestEndToEndEvidenceInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := testbin.Build(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "ledger.db")
	for _, args := range [][]string{{"template", "apply", "section-chief"}, {"log", "党小组会", "--topic", "十一月党小组会"}} {
		if out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	minutes := filepath.Join(dir, "会议 记录.pdf")
	body := "%PDF-1.7 十一月党小组会会议记录"
	os.WriteFile(minutes, []byte(body), 0o600)
	viewer := filepath.Join(dir, "bin")
	os.Mkdir(viewer, 0o700)
	seen := filepath.Join(dir, "seen")
	script := "#!/bin/sh\nls -ld \"$1\" \"$(dirname \"$(dirname \"$1\")\")\" > " + seen + ".mode\ncp \"$1\" " + seen + "\n"
	os.WriteFile(filepath.Join(viewer, "xdg-open"), []byte(script), 0o700)
	// The shell tmux starts sets its own PATH: the viewer's is given on the command.
	s := startTmux(t, 100, 30, []string{"LANG=zh_CN.UTF-8"}, "env PATH="+viewer+":"+os.Getenv("PATH")+" "+bin+" --db "+db)
	s.waitFor("参加党小组会")
	s.send("Tab", "Tab", "Tab", "/")
	s.typeText("十一月")
	s.send("Enter", "Enter")
	s.waitFor("佐证材料（0）")
	s.send("a")
	s.waitFor("附上文件（输入、粘贴或拖入路径）")
	s.typeText("'" + minutes + "'")
	s.send("Enter")
	s.waitFor("佐证材料（1）")
	s.waitFor("会议 记录.pdf")
	s.send("o")
	s.waitFor("已打开 会议 记录.pdf 的副本")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(seen); string(b) == body {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if b, _ := os.ReadFile(seen); string(b) != body {
		t.Fatalf("the viewer got %q", b)
	}
	modes, _ := os.ReadFile(seen + ".mode")
	var copyPath []string
	for _, l := range strings.Split(strings.TrimSpace(string(modes)), "\n") {
		switch {
		case strings.HasPrefix(l, "-rw------- "):
			copyPath = strings.Fields(l)
		case !strings.HasPrefix(l, "drwx------ "):
			t.Errorf("the private copy or its directory is not private: %s", l)
		}
	}
	if copyPath == nil {
		t.Fatalf("no private copy 0600 in: %s", modes)
	}
	s.send("Escape")
	s.waitWithout("佐证材料（1）") // a q sent at once would read as alt+q
	s.send("q")
	s.waitGone()
	if _, err := os.Stat(copyPath[len(copyPath)-1]); !os.IsNotExist(err) {
		t.Errorf("the private copy outlived the app: %v", err)
	}
	out, err := exec.Command(bin, "--db", db, "evidence", "list", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var items []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(out, &items); err != nil || len(items) != 1 || items[0].Name != "会议 记录.pdf" {
		t.Fatalf("evidence list: %s %v", out, err)
	}
	saved := filepath.Join(dir, "saved.pdf")
	if out, err := exec.Command(bin, "--db", db, "evidence", "save", strconv.FormatInt(items[0].ID, 10), "-o", saved).CombinedOutput(); err != nil {
		t.Fatalf("evidence save: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(saved); string(b) != body {
		t.Errorf("saved %q", b)
	}
}

// The officer adds a section chief in the People view of the real binary,
// logs a reminder talk naming him, and sees the coverage change from 名单未填
// (nobody in the group) to 0/1人 and 1/1人 on the dashboard.
func TestEndToEndPersonAndTalkInTmux(t *testing.T) {
	bin, db, s := startApp(t, "leadership", "LANG=zh_CN.UTF-8", "TERM=xterm-256color")
	s.waitFor("名单未填")
	s.send("Tab", "Tab", "Tab", "Tab")
	s.waitFor("[人员]")
	s.send("a")
	s.waitFor("添加人员")
	s.waitFor("分管科室负责人") // the group under the cursor, filled in
	s.typeText("赵科长")
	s.send("C-s")
	s.waitFor("已添加人员：赵科长")
	s.send("Tab")
	s.waitFor("0/1人")
	s.send("/")
	s.typeText("提醒谈话")
	s.send("Enter", "a")
	s.waitFor("主题")
	s.typeText("廉政提醒谈话")
	s.send("Tab")
	s.typeText("赵科长")
	s.send("C-s")
	s.waitFor("1/1人")
	s.waitFor("已完成")
	s.send("q")
	s.waitGone()
	out, err := exec.Command(bin, "--db", db, "status").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "1/1人") {
		t.Fatalf("status after the talk: %v\n%s", err, out)
	}
}

// The first run in the real binary: the officer chooses the section
// chief's set, gives the post start date, types two names with enter
// between them, pastes three more one a line (a bracketed paste), saves,
// and the dashboard, the People view and the command line count the five.
func TestEndToEndFirstRunFillsTheRosterInTmux(t *testing.T) {
	bin := testbin.Build(t)
	db := filepath.Join(t.TempDir(), "ledger.db")
	s := startTmux(t, 100, 30, []string{"LANG=zh_CN.UTF-8", "TERM=xterm-256color"}, bin+" --db "+db)
	s.waitFor("欢迎使用台账")
	s.send("1")
	s.waitFor("任职日期")
	start := fmt.Sprintf("%d-03-01", time.Now().Year())
	s.typeText(start)
	s.send("C-s")
	s.waitFor("人员名单（esc 跳过）")
	s.typeText("张三")
	s.send("Enter")
	s.typeText("李四")
	s.send("Enter")
	if out, err := exec.Command("tmux", "set-buffer", "-b", s.name, "王五\n赵六\n张伟(财务科)\n").CombinedOutput(); err != nil {
		t.Fatalf("tmux set-buffer: %v\n%s", err, out)
	}
	if out, err := exec.Command("tmux", "paste-buffer", "-p", "-d", "-b", s.name, "-t", s.name).CombinedOutput(); err != nil {
		t.Fatalf("tmux paste-buffer: %v\n%s", err, out)
	}
	s.waitFor("张三、李四、王五、赵六、张伟(财务科)、")
	s.send("C-s")
	s.waitFor("已把5人加入“科室干部”")
	s.waitFor("0/5人")
	s.send("Tab", "Tab", "Tab", "Tab")
	screen := s.waitFor("[人员]")
	if strings.Count(screen, start+"起") != 5 || !strings.Contains(screen, "财务科") {
		t.Errorf("the People view:\n%s", screen)
	}
	s.send("q")
	s.waitGone()
	out, err := exec.Command(bin, "--db", db, "status").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "尚未谈话（0/5人）：张三、李四、王五、赵六、张伟") {
		t.Fatalf("status after the first run: %v\n%s", err, out)
	}
}
