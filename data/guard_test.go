package data

import (
	"database/sql"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"taizhang/model"
)

var regenV3 = flag.Bool("regen-v3", false, "rewrite testdata/ledger-v3.db from migrations 0001-0003")

// v3Ledger is a ledger written by schema 3 (record ids never reused),
// checked in.
const v3Ledger = "../testdata/ledger-v3.db"

func writeV3Ledger(t *testing.T) {
	os.Remove(v3Ledger)
	db, err := sql.Open("sqlite", v3Ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{migrations()[0].sql, migrations()[1].sql, migrations()[2].sql, `PRAGMA user_version = 3`, `PRAGMA journal_mode = WAL`,
		`INSERT INTO duties VALUES (1, '会前学法', 'study', '', '单位工作计划：每月1次', NULL, '2026-01-02T01:00:00Z', '2026-01-02T01:00:00Z')`,
		`INSERT INTO duties VALUES (2, '与分管科室负责人提醒谈话', 'talk', '每人每年不少于1次', '《中国共产党党内监督条例》第二十一条', NULL, '2026-01-02T01:00:00Z', '2026-01-02T01:00:00Z')`,
		`INSERT INTO duties VALUES (3, '开展调研', 'research', '', '全年不少于12次', '2026-09-30', '2026-01-02T01:00:00Z', '2026-09-30T01:00:00Z')`,
		`INSERT INTO targets VALUES (1, 2026, 'month', 1, NULL), (2, 2026, 'year', 1, NULL), (3, 2026, 'year', 12, '2026-03-01')`,
		`INSERT INTO records VALUES (1, 1, '2026-01-09', '学习《行政复议法》', '张三、李四', '局三楼会议室', '', '2026-01-09T08:00:00Z', '2026-01-09T08:00:00Z')`,
		`INSERT INTO records VALUES (2, 1, '2026-02-13', '学习《民法典》', '张三、李四、王五', '局三楼会议室', '会后讨论', '2026-02-13T08:00:00Z', '2026-02-14T08:00:00Z')`,
		`INSERT INTO records VALUES (4, 2, '2026-04-08', '年度廉政提醒谈话', '赵科长', '局长办公室', '', '2026-04-08T08:00:00Z', '2026-04-08T08:00:00Z')`,
		`INSERT INTO records VALUES (5, 3, '2026-05-20', '基层所营商环境调研', '刘所长', '城东基层所', '', '2026-05-20T08:00:00Z', '2026-05-20T08:00:00Z')`,
		`INSERT INTO profile VALUES (1, '张明', '法规科科长', '某市市场监督管理局', '2026-01-02T01:00:00Z')`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
		`PRAGMA journal_mode = DELETE`,
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// A schema-3 ledger (and the first-schema one) opens with every record,
// and every duty and record gets its own version, which changes with each
// edit however it is made.
func TestOlderLedgersGetRowVersions(t *testing.T) {
	if *regenV3 {
		writeV3Ledger(t)
	}
	for _, c := range []struct {
		file              string
		duties, records   int
		recordID          int64
		topic, with, kept string
	}{
		{v1Ledger, 3, 5, 2, "学习《民法典》", "张三、李四、王五", "v1"},
		{v3Ledger, 3, 4, 4, "年度廉政提醒谈话", "赵科长", "v3"},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "taizhang.db")
			copyFile(t, c.file, path)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.Migrated == "" || filepath.Ext(s.Migrated) != ".bak" {
				t.Errorf("copy kept aside: %q", s.Migrated)
			}
			ds, _ := s.Duties(ctx)
			rs, _ := s.Records(ctx, RecordFilter{})
			if len(ds) != c.duties || len(rs) != c.records {
				t.Fatalf("%d duties, %d records; want %d, %d", len(ds), len(rs), c.duties, c.records)
			}
			revs := map[string]bool{}
			for _, d := range ds {
				revs[d.Rev] = true
			}
			for _, r := range rs {
				revs[r.Rev] = true
			}
			if len(revs) != c.duties+c.records || revs[""] {
				t.Errorf("row versions are not all set and distinct: %v", revs)
			}
			r, err := s.Record(ctx, c.recordID)
			if err != nil || r.Topic != c.topic || r.With != c.with {
				t.Fatalf("record %d = %+v, %v", c.recordID, r, err)
			}
			// A write that does not name rev still gives the row a new one.
			if _, err := s.DB().Exec(`UPDATE records SET note = 'x' WHERE id = ?`, r.ID); err != nil {
				t.Fatal(err)
			}
			if now, _ := s.Record(ctx, r.ID); now.Rev == r.Rev || now.Rev == "" {
				t.Errorf("a plain UPDATE kept rev %q", now.Rev)
			}
			if _, err := s.DB().Exec(`INSERT INTO records (duty_id, date, created_at, updated_at) VALUES (1, '2026-06-01', 'x', 'x')`); err != nil {
				t.Fatal(err)
			}
			var rev string
			s.DB().QueryRow(`SELECT rev FROM records ORDER BY id DESC LIMIT 1`).Scan(&rev)
			if len(rev) != 16 {
				t.Errorf("a plain INSERT left rev %q", rev)
			}
			// Schemas 8 and 9: no reason for any archive yet, and one
			// generation for the ledger.
			for _, d := range ds {
				if d.ArchiveReason != "" {
					t.Errorf("duty %d has a reason after the upgrade: %q", d.ID, d.ArchiveReason)
				}
			}
			var gens int
			s.DB().QueryRow(`SELECT count(*) FROM generation WHERE length(value) = 32`).Scan(&gens)
			if gens != 1 {
				t.Errorf("%d generations after the upgrade, want 1", gens)
			}
		})
	}
}

// An edit or delete made from a record as it was read is refused, with
// one sentence and no change, once the record changed elsewhere or a
// restore brought back another record under the same id.
func TestEditsNameTheVersionTheyChange(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	today := day("2026-11-22")
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	mine, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01"), Topic: "甲"}, today)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	// Another window edits the record this one has open.
	theirs, _ := other.Record(ctx, mine.ID)
	theirs.Topic = "别处"
	if _, _, err := other.UpdateRecord(ctx, theirs, today); err != nil {
		t.Fatal(err)
	}
	stale := mine
	stale.Topic = "本窗口"
	if _, _, err := s.UpdateRecord(ctx, stale, today); !errors.Is(err, model.ErrChanged) {
		t.Fatalf("a stale edit: %v", err)
	} else if ie, _ := model.AsInput(err); ie.Kind != model.KindRecordChanged {
		t.Errorf("the refusal is not of its kind: %v", err)
	}
	if _, err := s.DeleteRecord(ctx, mine); !errors.Is(err, model.ErrChanged) {
		t.Fatalf("a stale delete: %v", err)
	}
	if got, _ := s.Record(ctx, mine.ID); got.Topic != "别处" {
		t.Fatalf("after the refused edit and delete the record reads %q", got.Topic)
	}
	// A duty edited elsewhere refuses an edit and an archive from before.
	d, _ := s.Duty(ctx, id)
	d2 := d
	d2.Basis = "别处"
	if err := other.EditDuty(ctx, DutyChange{Duty: d2}); err != nil {
		t.Fatal(err)
	}
	d.Basis = "本窗口"
	if err := s.EditDuty(ctx, DutyChange{Duty: d}); !errors.Is(err, model.ErrChanged) {
		t.Errorf("a stale duty edit: %v", err)
	}
	if err := s.SetArchived(ctx, d, today, ""); !errors.Is(err, model.ErrChanged) {
		t.Errorf("a stale archive: %v", err)
	}
	if got, _ := s.Duty(ctx, id); got.Basis != "别处" || !got.Archived.IsZero() {
		t.Errorf("duty after refused changes: %+v", got)
	}
	// A backup, then a new record; a restore brings back the backup,
	// where the record with this id is another one.
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	open, _ := s.Record(ctx, mine.ID) // a form opened now
	if _, err := other.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	// Same id, same content: but a form opened on a version the restore
	// replaced must not act on the restored row unless it is that version.
	if back, _ := s.Record(ctx, mine.ID); back.Rev != open.Rev {
		t.Fatalf("the restore changed the version of an unchanged record")
	}
	// Now a record whose id the backup gives to another record.
	gone, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-04-01"), Topic: "备份之后"}, today)
	if _, err := s.DeleteRecord(ctx, gone); err != nil {
		t.Fatal(err)
	}
	again, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-05-01"), Topic: "又一条"}, today)
	backup2 := filepath.Join(dir, "b2.db")
	if err := s.Backup(ctx, backup2); err != nil {
		t.Fatal(err)
	}
	// A ledger with the same ids filled differently: a backup of another
	// ledger, where id again.ID is someone else's record.
	elsewhere := filepath.Join(dir, "elsewhere.db")
	e, err := Open(elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	eid := mustAddDuty(t, e, "会前学法", model.Study, model.Month, 1, 2026)
	for i := 0; int64(i) <= again.ID; i++ {
		if _, err := e.AddRecord(ctx, model.Record{DutyID: eid, Date: day("2026-06-01"), Topic: "另一台账"}, today); err != nil {
			t.Fatal(err)
		}
	}
	e.Close()
	formed, _ := s.Record(ctx, again.ID)
	if _, err := other.Restore(ctx, elsewhere); err != nil {
		t.Fatal(err)
	}
	formed.Topic = "改错了对象"
	if _, _, err := s.UpdateRecord(ctx, formed, today); !errors.Is(err, model.ErrChanged) {
		t.Fatalf("an edit from before the restore: %v", err)
	}
	if _, err := s.DeleteRecord(ctx, formed); !errors.Is(err, model.ErrChanged) {
		t.Fatalf("a delete from before the restore: %v", err)
	}
	if got, err := s.Record(ctx, again.ID); err != nil || got.Topic != "另一台账" {
		t.Fatalf("the restored record %d reads %+v, %v", again.ID, got, err)
	}
}
