package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

// The officer opens a record, attaches the minutes by typing a quoted
// path and the sign-in photo by dropping it (a paste of its path with ~),
// notes where the paper is kept, opens a file from a private copy,
// removes an item and takes the removal back; bad input says one
// sentence and writes nothing.
func TestRecordEvidence(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	minutes := filepath.Join(home, "会议 记录.pdf")
	os.WriteFile(minutes, []byte("%PDF-1.7 会议记录"), 0o600)
	os.WriteFile(filepath.Join(home, "签到.jpg"), []byte("\xff\xd8\xff签到"), 0o600)
	s, _ := testLedger(t)
	d := recordsOf(t, s, "提醒谈话")[0]
	duty, _ := s.Duty(bg, d.DutyID)
	duty.Evidence = "谈话记录表"
	if err := s.EditDuty(bg, data.DutyChange{Duty: duty}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 80, 24)
	var opened []string
	a.opts.OpenFile = func(path string) error { opened = append(opened, path); return nil }
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "enter")
	mustContain(t, a, "履职记录：与分管科室负责人提醒谈话", "佐证材料（0）", "应有：谈话记录表", "暂无佐证材料", "a 附上文件")

	// ? is help on the record view's keys; any key goes back to it.
	press(t, a, "?")
	mustContain(t, a, "附上文件", "纸质材料", "删除记录")
	mustNotContain(t, a, "登记于")
	press(t, a, "esc")
	mustContain(t, a, "履职记录：与分管科室负责人提醒谈话", "登记于")
	// The prompt takes the message line; the record stays above it.
	press(t, a, "a")
	mustContain(t, a, "履职记录：与分管科室负责人提醒谈话", "佐证材料（0）")
	press(t, a, "esc")
	// Typed, with quotes around a path holding a space.
	press(t, a, "a", `"`+minutes+`"`, "enter")
	mustContain(t, a, "佐证材料（1）", "会议 记录.pdf", "已给“与分管科室负责人提醒谈话”的记录附上 会议 记录.pdf")
	// Dropped: the terminal pastes the path.
	press(t, a, "a")
	send(t, a, tea.PasteMsg{Content: "'~/签到.jpg'"})
	press(t, a, "enter")
	mustContain(t, a, "佐证材料（2）", "签到.jpg")
	press(t, a, "p", "党小组会议记录本第12页", "enter")
	mustContain(t, a, "佐证材料（3）", "纸质：党小组会议记录本第12页")

	// Bad input: one sentence, the prompt stays, nothing is written.
	press(t, a, "p", "enter")
	mustContain(t, a, "纸质材料的存放位置不能为空")
	press(t, a, "esc", "a", filepath.Join(home, "无此文件.pdf"), "enter")
	mustContain(t, a, "找不到文件")
	press(t, a, "esc", "a", home, "enter")
	mustContain(t, a, "是一个目录")
	press(t, a, "esc", "a", minutes, "enter")
	mustContain(t, a, "内容相同")
	press(t, a, "esc")
	if items, _ := s.Evidence(bg, d.ID); len(items) != 3 {
		t.Fatalf("%d items stored, want 3", len(items))
	}

	// Open the first file: a private copy, 0600 in a 0700 directory.
	press(t, a, "g", "o")
	if len(opened) != 1 {
		t.Fatalf("opened %v", opened)
	}
	if b, err := os.ReadFile(opened[0]); err != nil || string(b) != "%PDF-1.7 会议记录" {
		t.Errorf("private copy %q %v", b, err)
	}
	if fi, _ := os.Stat(opened[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("private copy mode %v", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(a.files.Dir()); fi.Mode().Perm() != 0o700 {
		t.Errorf("private directory mode %v", fi.Mode().Perm())
	}
	mustContain(t, a, "已打开 会议 记录.pdf 的副本")

	// Remove the second item, asked first (n keeps it), then take it back.
	press(t, a, "j", "x")
	mustContain(t, a, "从这条记录移除佐证材料 签到.jpg？", "佐证材料（3）")
	press(t, a, "n", "x", "y")
	mustContain(t, a, "佐证材料（2）", "已移除 签到.jpg")
	mustNotContain(t, a, "签到.jpg  ")
	press(t, a, "u")
	mustContain(t, a, "佐证材料（3）", "签到.jpg")
	// Undo the paper locator's add from the view.
	press(t, a, "u")
	mustContain(t, a, "已撤销")
	if items, _ := s.Evidence(bg, d.ID); len(items) != 2 {
		t.Errorf("%d items after undoing the paper, want 2", len(items))
	}
	// Paper evidence has no file to open.
	press(t, a, "esc", "enter")
	mustContain(t, a, "佐证材料（2）")

	// Quitting removes the private copies and what undo no longer needs.
	s.RemoveEvidence(bg, 1)
	dir := a.files.Dir()
	a.Purge()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the private directory is still there: %v", err)
	}
	var blobs int
	s.DB().QueryRow(`SELECT count(*) FROM blobs`).Scan(&blobs)
	if blobs != 1 {
		t.Errorf("%d stored files after the purge, want 1", blobs)
	}
}

// In English, and with a file name that carries escape sequences, the
// record view draws clean text.
func TestRecordEvidenceEnglishAndHostileNames(t *testing.T) {
	s, _ := testLedger(t)
	r := recordsOf(t, s, "提醒谈话")[0]
	if _, err := s.AddEvidence(bg, r.ID, []data.Attachment{{Name: "evil\x1b]0;pwned\x07\x1b[2J.pdf", Data: []byte("x")}, data.Paper("book\u202e 12")}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.English, 80, 24)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "enter")
	view := a.render()
	if strings.Contains(view, "pwned") || strings.Contains(view, "\x1b]0") || strings.Contains(view, "\u202e") {
		t.Errorf("the view carries a file name's control sequences: %q", view)
	}
	mustContain(t, a, "Evidence (2)", "evil.pdf", "paper: book 12", "a attach file", "o open file")
}
