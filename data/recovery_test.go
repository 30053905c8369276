package data

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"taizhang/model"
)

// lastPage1 is the newest copy of page 1 in a WAL file: what a checkpoint
// writes first.
func lastPage1(t *testing.T, wal []byte) []byte {
	t.Helper()
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	var page []byte
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		if binary.BigEndian.Uint32(wal[off:off+4]) == 1 {
			page = wal[off+24 : off+24+pageSize]
		}
	}
	if page == nil {
		t.Fatal("no copy of page 1 in the WAL")
	}
	return page
}

// A checkpoint cut off after writing page 1 leaves a main file shorter
// than page 1 says, and a WAL holding everything: SQLite reads it whole.
// The ledger is opened, read and backed up, not called damaged.
func TestLedgerShortOfItsHeaderOpensFromTheWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	today := day("2026-11-22")
	long := strings.Repeat("会议记录。", 300)
	for i := 0; i < 12; i++ {
		if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-01-05").AddDays(i * 7), Topic: fmt.Sprintf("第%d次", i), Note: long}, today); err != nil {
			t.Fatal(err)
		}
	}
	main, _ := os.ReadFile(path)
	wal, _ := os.ReadFile(path + "-wal")
	s.Close()
	// The crash: page 1 checkpointed, nothing after it.
	crashed := filepath.Join(t.TempDir(), "taizhang.db")
	copy(main, lastPage1(t, wal))
	os.WriteFile(crashed, main, 0o600)
	os.WriteFile(crashed+"-wal", wal, 0o600)
	h, _ := readHeader(crashed)
	if !short(h, int64(len(main))) {
		t.Fatalf("the crashed file is not short of its header (%d bytes): the test builds the wrong case", len(main))
	}
	c, err := Open(crashed)
	if err != nil {
		t.Fatalf("a ledger SQLite recovers from its WAL was refused: %v", err)
	}
	defer c.Close()
	rs, err := c.Records(ctx, RecordFilter{})
	if err != nil || len(rs) != 12 {
		t.Fatalf("%d records after recovery, want 12 (%v)", len(rs), err)
	}
	var check string
	c.DB().QueryRow(`PRAGMA integrity_check`).Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check = %s", check)
	}
	if err := c.Backup(ctx, filepath.Join(dir, "b.db")); err != nil {
		t.Errorf("backup of the recovered ledger: %v", err)
	}
	// The same file without its WAL is damaged, and SQLite says so.
	lost := filepath.Join(t.TempDir(), "taizhang.db")
	os.WriteFile(lost, main, 0o600)
	if _, err := Open(lost); !errors.Is(err, ErrDamaged) {
		t.Errorf("a short file without its WAL: %v", err)
	}
}

// damagePages writes junk over the middle pages of a ledger file.
func damagePages(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 2 / 4096 * 4096; i < len(b)-4096; i++ {
		b[i] = byte(i*7 + 3)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A ledger that opens but has bad pages cannot be copied; restore keeps
// its files aside whole (the file and its -wal) and still restores, where a
// symbolic link points when the ledger is reached through one.
func TestRestoreOverBadPages(t *testing.T) {
	for _, viaLink := range []bool{false, true} {
		t.Run(fmt.Sprintf("link=%v", viaLink), func(t *testing.T) {
			dir := t.TempDir()
			real := filepath.Join(dir, "data", "taizhang.db")
			path := real
			if viaLink {
				path = filepath.Join(dir, "link.db")
				os.MkdirAll(filepath.Dir(real), 0o700)
				if err := os.Symlink(real, path); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			tpl, _ := model.FindTemplate("leadership")
			ds, ts := tpl.Build(2026, model.Chinese)
			s.AddDuties(ctx, ds, ts)
			backup := filepath.Join(dir, "backup.db")
			if err := s.Backup(ctx, backup); err != nil {
				t.Fatal(err)
			}
			all, _ := s.YearDuties(ctx, 2026)
			for i := 0; i < 150; i++ {
				s.AddRecord(ctx, model.Record{DutyID: all[i%len(all)].ID, Date: day("2026-01-01").AddDays(i % 300), Topic: strings.Repeat("长", 200)}, day("2026-11-22"))
			}
			s.Close()
			damagePages(t, real)
			before, _ := os.ReadFile(real)
			s, err = Open(path)
			if err != nil {
				t.Fatalf("the damaged ledger does not even open, which this test needs: %v", err)
			}
			defer s.Close()
			r, err := s.Restore(ctx, backup)
			if err != nil {
				t.Fatalf("restore over bad pages: %v", err)
			}
			if r.Damaged == "" || filepath.Dir(r.Damaged) != filepath.Dir(real) {
				t.Fatalf("the damaged files were set aside as %q, want beside %s", r.Damaged, real)
			}
			if kept, _ := os.ReadFile(r.Damaged); string(kept) != string(before) {
				t.Errorf("the damaged ledger was not kept byte for byte")
			}
			if viaLink {
				if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link was replaced: %v %v", fi, err)
				}
			}
			got, err := s.Duties(ctx)
			if err != nil || len(got) != len(ds) {
				t.Fatalf("after the restore: %d duties, %v", len(got), err)
			}
			// The same ledger opened afresh, through the link, is the restored one.
			again, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if rs, _ := again.Records(ctx, RecordFilter{}); len(rs) != 0 {
				t.Errorf("%d records in the restored ledger, want the backup's 0", len(rs))
			}
		})
	}
}

// A backup whose records point at duties that are not there is refused in
// one sentence, not with SQLite's constraint error, and nothing changes.
func TestRestoreRefusesBrokenForeignKeys(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "taizhang.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01"), Topic: "甲"}, day("2026-11-22"))
	backup := filepath.Join(dir, "backup.db")
	s.Backup(ctx, backup)
	b, err := Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	b.DB().Exec(`PRAGMA foreign_keys = OFF`)
	if _, err := b.DB().Exec(`UPDATE records SET duty_id = 999`); err != nil {
		t.Fatal(err)
	}
	b.Close()
	_, err = s.Restore(ctx, backup)
	ie, ok := model.AsInput(err)
	if !ok || ie.Kind != model.KindBackupForeignKey || strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("restore of a backup with broken foreign keys: %v", err)
	}
	if rs, _ := s.Records(ctx, RecordFilter{}); len(rs) != 1 || rs[0].DutyID != id {
		t.Errorf("the refused restore changed the ledger: %+v", rs)
	}
}

// Four writers log records while restores run: every acknowledged record
// is in the restored ledger or in a copy a restore kept aside.
func TestRestoreWhileFourWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	const writers, restores = 4, 4
	each := 150
	if underRace {
		each = 60
	}
	acked := make([][]string, writers)
	var count atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		ws, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		wg.Add(1)
		go func(w int, ws *Store) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				topic := fmt.Sprintf("w%d-%d", w, i)
				if _, err := ws.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01"), Topic: topic}, day("2026-11-22")); err != nil {
					t.Errorf("writer %d: %v", w, err)
					return
				}
				acked[w] = append(acked[w], topic)
				count.Add(1)
				time.Sleep(time.Millisecond) // a person, or a script, between commands
			}
		}(w, ws)
	}
	var asides []string
	for i := 1; i <= restores; i++ {
		// Restore under the writers, spread over their run.
		for count.Load() < int64(i*writers*each/(restores+1)) {
			time.Sleep(time.Millisecond)
		}
		r, err := s.Restore(ctx, backup)
		if err != nil {
			t.Fatal(err)
		}
		asides = append(asides, r.Aside)
	}
	wg.Wait()
	have := map[string]bool{}
	collect := func(st *Store) {
		rs, err := st.Records(ctx, RecordFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			have[r.Topic] = true
		}
	}
	collect(s)
	for _, a := range asides {
		k, err := Open(a)
		if err != nil {
			t.Fatal(err)
		}
		collect(k)
		k.Close()
	}
	total, lost := 0, 0
	for w := range acked {
		for _, topic := range acked[w] {
			total++
			if !have[topic] {
				lost++
				t.Errorf("acknowledged record %s is neither in the ledger nor in a copy kept aside", topic)
			}
		}
	}
	t.Logf("%d writers, %d restores, %d acknowledged records, %d lost", writers, restores, total, lost)
}

// Leftovers of a killed run — named for a process no longer running — are
// removed by the next open; a running process's files, and anything not
// named as ours, are left alone.
func TestLeftoversOfKilledRunsAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	dead := 1 << 22 // above pid_max's default: no such process
	for processAlive(dead) {
		dead++
	}
	gone := []string{
		fmt.Sprintf(".taizhang-restore-%d.db", dead), fmt.Sprintf(".taizhang-restore-%d.db-wal", dead),
		fmt.Sprintf(".taizhang-new-%d-123456.db", dead), fmt.Sprintf(".taizhang-tmp-%d-987654", dead),
		fmt.Sprintf(".taizhang-restore-%d.db.v3-20261122T093000.bak", dead),
	}
	kept := []string{
		fmt.Sprintf(".taizhang-tmp-%d-1", os.Getppid()), // a running process
		".taizhang-tmp-x-1", "notes.taizhang-tmp-1-1", ".other-tmp-1",
	}
	for _, n := range append(append([]string{}, gone...), kept...) {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, n := range gone {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("leftover %s was not removed", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
	// A backup or export into another directory cleans that one too.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, gone[3]), []byte("x"), 0o600)
	s, _ = Open(path)
	defer s.Close()
	if err := s.Backup(ctx, filepath.Join(other, "b.db")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(other); len(entries) != 1 {
		t.Errorf("after a backup the directory holds %v", entries)
	}
}

// -wal and -shm files made by someone else, or readable by others, are
// refused (someone else's) or made private (our own).
func TestWALFilesOfOthersRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a file of another user needs root; CI runs as root")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		t.Run(suffix, func(t *testing.T) {
			dir := t.TempDir()
			os.Chmod(dir, 0o1777)
			path := filepath.Join(dir, "x.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			planted := path + suffix
			os.WriteFile(planted, nil, 0o666)
			os.Chmod(planted, 0o666)
			if err := os.Chown(planted, 65534, 65534); err != nil {
				t.Fatal(err)
			}
			_, err = Open(path)
			ie, ok := model.AsInput(err)
			if !ok || ie.Kind != model.KindOtherOwner || ie.Args[0] != planted {
				t.Fatalf("a planted %s: %v", suffix, err)
			}
			// Our own, left readable by others, is made private.
			os.Chown(planted, os.Geteuid(), os.Getegid())
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, sfx := range []string{"-wal", "-shm"} {
				if fi, err := os.Stat(path + sfx); err == nil && fi.Mode().Perm() != 0o600 {
					t.Errorf("%s is %v after opening", sfx, fi.Mode().Perm())
				}
			}
		})
	}
}

// A ledger whose schema number reads −1 is named so, not as 4294967295.
func TestNegativeSchemaNumber(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec(`PRAGMA user_version = -1`)
	s.Close()
	_, err = Open(path)
	if ie, ok := model.AsInput(err); !ok || ie.Kind != model.KindBadSchema || ie.Args[1] != -1 {
		t.Errorf("user_version -1: %v", err)
	}
}

// Busy, lock and full-disk errors are one sentence in each language,
// naming the ledger or the disk.
func TestBusyAndFullAreSentences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holder, err := sql.Open("sqlite", dsn(path, "rw"))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE duties SET title = title`); err != nil {
		t.Fatal(err)
	}
	impatient, _ := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	defer impatient.Close()
	_, busy := impatient.Exec(`INSERT INTO profile (id, updated_at) VALUES (1, 'x')`)
	if busy == nil {
		t.Fatal("no busy error while another connection writes")
	}
	for _, c := range []struct {
		err  error
		kind model.Kind
		arg  string
	}{
		{busy, model.KindBusy, path},
		{errors.New("database or disk is full (13)"), model.KindDiskFull, filepath.Dir(path)},
	} {
		f, ok := model.AsFailure(sqliteError(path, c.err))
		if !ok || f.Kind != c.kind || len(f.Args) != 1 || f.Args[0] != c.arg {
			t.Errorf("%v: %+v", c.err, f)
		}
	}
}
