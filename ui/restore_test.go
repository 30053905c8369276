package ui

import (
	tea "charm.land/bubbletea/v2"

	"path/filepath"
	"testing"
	"time"

	"taizhang/data"
	"taizhang/model"
)

// A form opened before a restore — which brought back other records under
// the same ids — refuses to save, and a delete confirmed after it refuses
// to delete: one sentence, and the restored records stay as they are.
func TestFormOpenAcrossARestore(t *testing.T) {
	s, path := testLedger(t)
	// A backup in which every id belongs to another record.
	other, err := data.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := model.FindTemplate("leadership")
	ds, ts := tpl.Build(2026, model.Chinese)
	other.AddDuties(bg, ds, ts)
	study := recordsOf(t, s, "会前学法")[0].DutyID
	for i := 0; i < 40; i++ {
		if _, err := other.AddRecord(bg, model.Record{DutyID: study, Date: model.NewDate(2026, 2, 1).AddDays(i), Topic: "备份里的记录"}, model.DateOf(testNow)); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := other.Backup(bg, backup); err != nil {
		t.Fatal(err)
	}
	other.Close()

	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "e")
	mustContain(t, a, "修改履职记录")
	editing := recordsOf(t, s, "提醒谈话")[0]

	restorer, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restorer.Close()
	if _, err := restorer.Restore(bg, backup); err != nil {
		t.Fatal(err)
	}
	press(t, a, "down", "（补）", "ctrl+s")
	mustContain(t, a, "这条记录已在别处修改或删除，或台账已从备份恢复；未做改动，请重新打开。")
	after, err := s.Record(bg, editing.ID)
	if err != nil || after.Topic != "备份里的记录" || after.DutyID != study {
		t.Fatalf("record %d after the refused save: %+v, %v", editing.ID, after, err)
	}
	// The list still shows the record from before; deleting it is refused.
	press(t, a, "esc", "d", "y")
	mustContain(t, a, "这条记录已在别处修改或删除，或台账已从备份恢复；未做改动，请重新打开。")
	if _, err := s.Record(bg, editing.ID); err != nil {
		t.Fatalf("the restored record %d was deleted: %v", editing.ID, err)
	}
	if rs, _ := s.Records(bg, data.RecordFilter{}); len(rs) != 40 {
		t.Errorf("%d records after the refused delete, want the backup's 40", len(rs))
	}
}

// A warning about the ledger (a network file system) stands in the status
// line when the app opens, where standard error cannot be seen.
func TestWarningShownWhenTheAppOpens(t *testing.T) {
	s, _ := testLedger(t)
	a := New(Options{Ledger: s, Lang: model.Chinese, Now: func() time.Time { return testNow }, NoTimers: true,
		Warning: "注意：台账位于网络文件系统（NFS）上，可能损坏；请放在本机磁盘上。"})
	send(t, a, tea.WindowSizeMsg{Width: 80, Height: 24})
	run(t, a, a.Init())
	mustContain(t, a, "台账位于网络文件系统（NFS）上")
}

// A record deleted before a restore of another ledger's backup cannot be
// put back by undo after it: its duty id may name another duty there.
// What is done after the restore can be undone as usual.
func TestUndoAcrossARestore(t *testing.T) {
	s, path := testLedger(t)
	other, err := data.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := model.FindTemplate("section-chief")
	ds, ts := tpl.Build(2026, model.Chinese)
	other.AddDuties(bg, ds, ts)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := other.Backup(bg, backup); err != nil {
		t.Fatal(err)
	}
	other.Close()

	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "d", "y")
	mustContain(t, a, "已删除")
	restorer, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restorer.Close()
	if _, err := restorer.Restore(bg, backup); err != nil {
		t.Fatal(err)
	}
	press(t, a, "u")
	mustContain(t, a, "台账在这之后已从备份恢复，恢复之前的操作不能再撤销。")
	if rs, _ := s.Records(bg, data.RecordFilter{}); len(rs) != 0 {
		t.Fatalf("undo put %d records into the restored ledger", len(rs))
	}
	// A record logged after the restore is taken back by undo.
	press(t, a, "esc", "esc", "ctrl+r")
	selectDuty(t, a, "学法")
	press(t, a, "space", "学习宪法", "enter")
	if rs, _ := s.Records(bg, data.RecordFilter{}); len(rs) != 1 {
		t.Fatalf("%d records after logging one", len(rs))
	}
	press(t, a, "u")
	if rs, _ := s.Records(bg, data.RecordFilter{}); len(rs) != 0 {
		t.Fatalf("undo after the restore left %d records: %s", len(rs), screen(a))
	}
}
