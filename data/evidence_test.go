package data

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"taizhang/model"
)

// evidenceLedger is a ledger with one duty and two records of 2026.
func evidenceLedger(t *testing.T) (*Store, model.Record, model.Record) {
	t.Helper()
	s := openTemp(t)
	today := day("2026-11-22")
	id := mustAddDuty(t, s, "党小组会", model.Meeting, model.Month, 1, 2026)
	a, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-05"), Topic: "三月党小组会"}, today)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-04-02"), Topic: "四月党小组会"}, today)
	if err != nil {
		t.Fatal(err)
	}
	return s, a, b
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEvidenceIsStoredOncePerContent(t *testing.T) {
	s, a, b := evidenceLedger(t)
	minutes := []byte("%PDF-1.4 会议记录 ……")
	photo := bytes.Repeat([]byte{0xFF, 0xD8, 0xFF, 0xE0}, 1000)
	got, err := s.AddEvidence(ctx, a.ID, []Attachment{{Name: "会议记录.pdf", Data: minutes}, {Name: "/tmp/x/签到.JPG", Data: photo}, Paper(" 党小组会议记录本第12页 ")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Type != "application/pdf" || got[1].Type != "image/jpeg" || got[1].Name != "签到.JPG" ||
		got[2].Paper != "党小组会议记录本第12页" || got[0].SHA256 != HashHex(minutes) || got[1].Size != int64(len(photo)) {
		t.Fatalf("added %+v", got)
	}
	// The same photo on another record is a second item, not a second copy.
	if _, err := s.AddEvidence(ctx, b.ID, []Attachment{{Name: "photo.jpg", Data: photo}}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "blobs"); n != 2 {
		t.Errorf("%d stored files, want 2", n)
	}
	// The same content twice on one record is refused, and nothing of the
	// batch is written.
	_, err = s.AddEvidence(ctx, a.ID, []Attachment{{Name: "new.txt", Data: []byte("新的")}, {Name: "copy.pdf", Data: minutes}})
	if ie, ok := model.AsInput(err); !ok || ie.Kind != model.KindSameContent || ie.Args[1] != "会议记录.pdf" {
		t.Errorf("same content twice: %v", err)
	}
	if n := countRows(t, s, "evidence"); n != 4 {
		t.Errorf("%d items after a refused batch, want 4", n)
	}
	if n := countRows(t, s, "blobs"); n != 2 {
		t.Errorf("%d stored files after a refused batch, want 2", n)
	}
	items, _ := s.Evidence(ctx, a.ID)
	if len(items) != 3 || items[2].Paper == "" {
		t.Errorf("record a has %+v", items)
	}
	// Bytes come back as they went in.
	e, data, err := s.EvidenceData(ctx, got[1].ID)
	if err != nil || !bytes.Equal(data, photo) || e.Name != "签到.JPG" {
		t.Errorf("EvidenceData: %v", err)
	}
	if _, _, err := s.EvidenceData(ctx, got[2].ID); err == nil {
		t.Error("a paper locator gave bytes")
	}
	if _, err := s.EvidenceItem(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("missing id: %v", err)
	}
	if _, err := s.AddEvidence(ctx, 999, []Attachment{Paper("x")}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("missing record: %v", err)
	}
	for _, p := range []string{"", "  ", "\x1b[2J"} {
		if _, err := s.AddEvidence(ctx, a.ID, []Attachment{Paper(p)}); err == nil {
			t.Errorf("paper %q accepted", p)
		}
	}
}

func TestEmptyFileIsEvidence(t *testing.T) {
	s, a, _ := evidenceLedger(t)
	got, err := s.AddEvidence(ctx, a.ID, []Attachment{{Name: "empty.txt", Data: []byte{}}})
	if err != nil || got[0].Size != 0 || got[0].Paper != "" {
		t.Fatalf("%+v %v", got, err)
	}
	if _, b, err := s.EvidenceData(ctx, got[0].ID); err != nil || len(b) != 0 {
		t.Errorf("%v", err)
	}
}

func TestRecordAndEvidenceAreOneTransaction(t *testing.T) {
	s, a, _ := evidenceLedger(t)
	today := day("2026-11-22")
	r := model.Record{DutyID: a.DutyID, Date: day("2026-05-06"), Topic: "五月"}
	_, err := s.AddRecordWith(ctx, r, today, []Attachment{{Name: "a.txt", Data: []byte("a")}, Paper("")})
	if err == nil {
		t.Fatal("an empty paper locator was accepted")
	}
	if n := countRows(t, s, "records"); n != 2 {
		t.Errorf("%d records after a refused log, want 2", n)
	}
	if n := countRows(t, s, "blobs"); n != 0 {
		t.Errorf("%d stored files after a refused log, want 0", n)
	}
	got, err := s.AddRecordWith(ctx, r, today, []Attachment{{Name: "a.txt", Data: []byte("a")}})
	if err != nil {
		t.Fatal(err)
	}
	if items, _ := s.Evidence(ctx, got.ID); len(items) != 1 {
		t.Errorf("record logged with %d items", len(items))
	}
}

func TestEvidenceUndo(t *testing.T) {
	s, a, _ := evidenceLedger(t)
	added, err := s.AddEvidence(ctx, a.ID, []Attachment{{Name: "x.pdf", Data: []byte("x")}, Paper("本子第3页")})
	if err != nil {
		t.Fatal(err)
	}
	// Remove, undo: the item is back under its id, with its bytes.
	gone, err := s.RemoveEvidence(ctx, added[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoRemoveEvidence(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if _, b, err := s.EvidenceData(ctx, added[0].ID); err != nil || string(b) != "x" {
		t.Fatalf("after undoing the removal: %q %v", b, err)
	}
	if err := s.UndoRemoveEvidence(ctx, gone); !errors.Is(err, model.ErrChanged) {
		t.Errorf("second undo of one removal: %v", err)
	}
	// Undo the add: both items and the bytes go.
	if err := s.UndoAddEvidence(ctx, added); err != nil {
		t.Fatal(err)
	}
	if countRows(t, s, "evidence") != 0 || countRows(t, s, "blobs") != 0 {
		t.Error("undoing the add left something behind")
	}
	// A removal whose bytes were purged since cannot be undone.
	added, _ = s.AddEvidence(ctx, a.ID, []Attachment{{Name: "y.pdf", Data: []byte("y")}})
	gone, _ = s.RemoveEvidence(ctx, added[0].ID)
	if p, err := s.PurgeEvidence(ctx); err != nil || p.Files != 1 || p.Bytes != 1 {
		t.Fatalf("purge %+v %v", p, err)
	}
	if err := s.UndoRemoveEvidence(ctx, gone); !errors.Is(err, model.ErrChanged) {
		t.Errorf("undo after the purge: %v", err)
	}
}

// Deleting a record keeps its evidence until the purge, so that undoing
// the delete brings the evidence back; the purge then removes what
// deleted records left.
func TestDeletedRecordKeepsEvidenceForUndo(t *testing.T) {
	s, a, b := evidenceLedger(t)
	shared := []byte("签到表")
	s.AddEvidence(ctx, a.ID, []Attachment{{Name: "签到.png", Data: shared}, {Name: "only-a.txt", Data: []byte("a")}})
	s.AddEvidence(ctx, b.ID, []Attachment{{Name: "签到.png", Data: shared}})
	gone, err := s.DeleteRecord(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := s.EvidenceIn(ctx, 0, 0); len(m[a.ID]) != 0 || len(m[b.ID]) != 1 {
		t.Errorf("a deleted record's evidence is listed: %v", m)
	}
	if err := s.UndoDelete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.Evidence(ctx, a.ID); len(items) != 2 {
		t.Fatalf("after undoing the delete the record has %d items, want 2", len(items))
	}
	back, _ := s.Record(ctx, a.ID)
	if _, err := s.DeleteRecord(ctx, back); err != nil {
		t.Fatal(err)
	}
	p, err := s.PurgeEvidence(ctx)
	if err != nil || p.Items != 2 || p.Files != 1 {
		t.Errorf("purge %+v %v", p, err)
	}
	if countRows(t, s, "blobs") != 1 {
		t.Error("the file b still names was purged")
	}
	checkIntegrity(t, s)
}

func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	var ok string
	if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check %q %v", ok, err)
	}
	rows, err := s.DB().Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("foreign_key_check found a dangling reference")
	}
}

func TestSaveEvidence(t *testing.T) {
	s, a, _ := evidenceLedger(t)
	body := bytes.Repeat([]byte("记录"), 5000)
	added, _ := s.AddEvidence(ctx, a.ID, []Attachment{{Name: "记录.docx", Data: body}, Paper("档案室")})
	dir := t.TempDir()
	dest := filepath.Join(dir, "out.docx")
	if _, err := s.SaveEvidence(ctx, added[0].ID, dest); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(dest)
	if !bytes.Equal(got, body) {
		t.Error("saved bytes differ")
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
		t.Errorf("saved file mode %v", fi.Mode().Perm())
	}
	if _, err := s.SaveEvidence(ctx, added[0].ID, dest); err == nil {
		t.Error("saved over an existing file")
	}
	if _, err := s.SaveEvidence(ctx, added[1].ID, filepath.Join(dir, "paper")); err == nil {
		t.Error("saved a paper locator")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files, want 1", len(entries))
	}
	// Bytes changed behind the ledger's back are refused, not handed out.
	if _, err := s.DB().Exec(`UPDATE blobs SET data = ? WHERE sha256 = ?`, bytes.Repeat([]byte("改"), 10000), added[0].SHA256); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveEvidence(ctx, added[0].ID, filepath.Join(dir, "bad")); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("damaged bytes: %v", err)
	}
}

func TestReadAttachmentRefuses(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "会议 记录.pdf")
	os.WriteFile(ok, []byte("pdf"), 0o600)
	big := filepath.Join(dir, "big.mp4")
	f, _ := os.Create(big)
	f.Truncate(model.MaxEvidenceSize + 1) // sparse: no 50 MB written
	f.Close()
	exact := filepath.Join(dir, "exact.bin")
	f, _ = os.Create(exact)
	f.Truncate(model.MaxEvidenceSize)
	f.Close()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here")
	}
	if a, err := ReadAttachment(ok); err != nil || a.Name != "会议 记录.pdf" || string(a.Data) != "pdf" {
		t.Errorf("a plain file: %+v %v", a, err)
	}
	if a, err := ReadAttachment(exact); err != nil || len(a.Data) != model.MaxEvidenceSize {
		t.Errorf("a file of exactly 50 MB: %v", err)
	}
	for name, path := range map[string]string{
		"missing": filepath.Join(dir, "nope.pdf"), "directory": dir, "over 50 MB": big, "fifo": fifo, "device": "/dev/null",
	} {
		_, err := ReadAttachment(path)
		if _, ok := model.AsInput(err); !ok {
			t.Errorf("%s: %v, want one sentence", name, err)
		}
	}
	if _, err := ReadAttachment(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over 50 MB: %v", err)
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.pdf")
		os.WriteFile(locked, []byte("x"), 0o000)
		if _, err := ReadAttachment(locked); err == nil {
			t.Error("an unreadable file was read")
		}
	}
}

func TestBackupAndRestoreCarryEvidence(t *testing.T) {
	s, a, _ := evidenceLedger(t)
	body := []byte("照片内容")
	s.AddEvidence(ctx, a.ID, []Attachment{{Name: "照片.jpg", Data: body}, Paper("本子")})
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	// Change the ledger, then restore: the evidence is as it was.
	items, _ := s.Evidence(ctx, a.ID)
	s.RemoveEvidence(ctx, items[0].ID)
	s.PurgeEvidence(ctx)
	if _, err := s.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Evidence(ctx, a.ID)
	if len(items) != 2 {
		t.Fatalf("%d items after restore", len(items))
	}
	if _, b, err := s.EvidenceData(ctx, items[0].ID); err != nil || !bytes.Equal(b, body) {
		t.Errorf("restored bytes: %v", err)
	}
	checkIntegrity(t, s)
}

// A ledger of schema 3 (the last before evidence) opens, keeps every
// record, and takes evidence.
func TestOpensSchema3Ledger(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taizhang.db")
	copyFile(t, v1Ledger, path)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations()[1:3] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec(`PRAGMA user_version = 3`)
	db.Exec(`INSERT INTO profile VALUES (1, '张三', '科长', '某局', '2026-01-01T00:00:00Z')`)
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs, _ := s.Records(ctx, RecordFilter{})
	if len(recs) != 5 {
		t.Fatalf("%d records after the upgrade, want 5", len(recs))
	}
	ds, _ := s.Duties(ctx)
	if len(ds) != 3 || ds[0].Evidence != "" {
		t.Errorf("duties after the upgrade: %+v", ds)
	}
	if p, _ := s.Profile(ctx); p.Name != "张三" {
		t.Errorf("profile after the upgrade: %+v", p)
	}
	if _, err := s.AddEvidence(ctx, recs[0].ID, []Attachment{{Name: "a.pdf", Data: []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, s)
}

func TestDutyNamesExpectedEvidence(t *testing.T) {
	s := openTemp(t)
	id, err := s.AddDuty(ctx, model.Duty{Title: "党小组会", Category: model.Meeting, Evidence: " 会议记录、签到表、照片 "},
		model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Duty(ctx, id)
	if d.Evidence != "会议记录、签到表、照片" {
		t.Errorf("expected evidence %q", d.Evidence)
	}
	d.Evidence = ""
	if err := s.EditDuty(ctx, DutyChange{Duty: d}); err != nil {
		t.Fatal(err)
	}
	if d, _ = s.Duty(ctx, id); d.Evidence != "" {
		t.Errorf("after clearing: %q", d.Evidence)
	}
}
