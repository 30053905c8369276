package data

import (
	"database/sql"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"taizhang/model"
)

var regenV1 = flag.Bool("regen-v1", false, "rewrite testdata/ledger-v1.db from migration 0001")

// v1Ledger is a ledger written by the first schema, checked in.
const v1Ledger = "../testdata/ledger-v1.db"

// writeV1Ledger builds the checked-in first-schema ledger: migration 0001
// only, with duties, targets and records as an officer would have them.
func writeV1Ledger(t *testing.T) {
	os.Remove(v1Ledger)
	db, err := sql.Open("sqlite", v1Ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{
		migrations()[0].sql,
		`PRAGMA user_version = 1`,
		`INSERT INTO duties VALUES (1, '会前学法', 'study', '', '单位工作计划：每月1次', NULL, '2025-01-02T01:00:00Z', '2025-01-02T01:00:00Z')`,
		`INSERT INTO duties VALUES (2, '与分管科室负责人提醒谈话', 'talk', '每人每年不少于1次', '《中国共产党党内监督条例》第二十一条', NULL, '2025-01-02T01:00:00Z', '2025-01-02T01:00:00Z')`,
		`INSERT INTO duties VALUES (3, '开展调研', 'research', '', '全年不少于12次', '2025-12-01', '2025-01-02T01:00:00Z', '2025-12-01T01:00:00Z')`,
		`INSERT INTO targets VALUES (1, 2025, 'month', 1, NULL), (2, 2025, 'year', 1, NULL), (3, 2025, 'year', 12, '2025-03-01'), (1, 2026, 'month', 1, NULL)`,
		`INSERT INTO records VALUES (1, 1, '2025-01-09', '学习《行政复议法》', '张三、李四', '局三楼会议室', '', '2025-01-09T08:00:00Z', '2025-01-09T08:00:00Z')`,
		`INSERT INTO records VALUES (2, 1, '2025-02-13', '学习《民法典》', '张三、李四、王五', '局三楼会议室', '会后讨论', '2025-02-13T08:00:00Z', '2025-02-14T08:00:00Z')`,
		`INSERT INTO records VALUES (3, 2, '2025-04-08', '年度廉政提醒谈话', '赵科长', '局长办公室', '', '2025-04-08T08:00:00Z', '2025-04-08T08:00:00Z')`,
		`INSERT INTO records VALUES (4, 3, '2025-05-20', '基层所营商环境调研', '刘所长', '城东基层所', '', '2025-05-20T08:00:00Z', '2025-05-20T08:00:00Z')`,
		`INSERT INTO records VALUES (5, 1, '2026-01-08', '学习党的二十届三中全会精神', '全体干部', '局五楼会议室', '', '2026-01-08T08:00:00Z', '2026-01-08T08:00:00Z')`,
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// A ledger from the first schema opens, is upgraded, keeps every record,
// and is copied aside before the upgrade.
func TestOpensFirstSchemaLedger(t *testing.T) {
	if *regenV1 {
		writeV1Ledger(t)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	copyFile(t, v1Ledger, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Migrated == "" {
		t.Fatal("no copy was kept aside before the upgrade")
	}
	var v int
	s.DB().QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Errorf("schema %d after opening, want %d", v, SchemaVersion())
	}
	recs, err := s.Records(ctx, RecordFilter{})
	if err != nil || len(recs) != 5 {
		t.Fatalf("%d records after the upgrade, want 5 (%v)", len(recs), err)
	}
	byID := map[int64]model.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	if r := byID[2]; r.Topic != "学习《民法典》" || r.With != "张三、李四、王五" || r.Note != "会后讨论" || r.Date.String() != "2025-02-13" {
		t.Errorf("record 2 = %+v", r)
	}
	ys, err := s.YearStatus(ctx, 2025, model.NewDate(2026, 11, 22))
	if err != nil {
		t.Fatal(err)
	}
	if len(ys.Duties) != 3 { // 开展调研, archived on 1 December 2025, still counts in 2025
		t.Errorf("2025 has %d duties, want 3", len(ys.Duties))
	}
	// Schema 8: the archived duty keeps its day, with no reason said.
	duties, err := s.Duties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	archived := 0
	for _, d := range duties {
		if !d.Archived.IsZero() {
			archived++
			if d.Archived.String() != "2025-12-01" || d.ArchiveReason != "" {
				t.Errorf("archived duty after the upgrade: %+v", d)
			}
		}
	}
	if archived != 1 {
		t.Errorf("%d archived duties after the upgrade, want 1", archived)
	}
	// Schema 9: the ledger has one generation, which writes see.
	var gens int
	var gen string
	s.DB().QueryRow("SELECT count(*), max(value) FROM generation").Scan(&gens, &gen)
	if gens != 1 || len(gen) != 32 {
		t.Errorf("generation after the upgrade: %d rows, %q", gens, gen)
	}
	if err := s.SetProfile(ctx, model.Profile{Name: "王小明"}); err != nil || s.Generation() != gen {
		t.Errorf("a write after the upgrade: %v, generation %q, want %q", err, s.Generation(), gen)
	}
	// The copy kept aside is the file as it was, still schema 1.
	kept, err := sql.Open("sqlite", s.Migrated)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	var kv, n int
	kept.QueryRow("PRAGMA user_version").Scan(&kv)
	kept.QueryRow("SELECT count(*) FROM records").Scan(&n)
	if kv != 1 || n != 5 {
		t.Errorf("kept-aside copy: schema %d, %d records", kv, n)
	}
	if fi, _ := os.Stat(s.Migrated); fi.Mode().Perm() != 0o600 {
		t.Errorf("kept-aside copy mode %v", fi.Mode().Perm())
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
