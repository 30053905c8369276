package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/data"
	"taizhang/model"
)

// evidenceStore is a ledger of 2026 whose records carry files and a
// paper locator; one file's content is on two records.
func evidenceStore(t testing.TB) (*data.Store, []model.Record) {
	t.Helper()
	s := emptyLedger(t)
	id, err := s.AddDuty(ctx, model.Duty{Title: "党小组会", Category: model.Meeting, Evidence: "会议记录、签到表、照片"},
		model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	every := make([]byte, 256*40)
	for i := range every {
		every[i] = byte(i)
	}
	var recs []model.Record
	for i, r := range []model.Record{
		{DutyID: id, Date: model.NewDate(2026, 3, 5), Topic: "三月党小组会", With: "全体党员"},
		{DutyID: id, Date: model.NewDate(2026, 4, 2), Topic: "四月党小组会"},
		{DutyID: id, Date: model.NewDate(2026, 5, 7), Topic: "五月党小组会"},
		{DutyID: other, Date: model.NewDate(2026, 5, 8), Topic: "学法"},
	} {
		var items []data.Attachment
		switch i {
		case 0:
			items = []data.Attachment{{Name: "会议记录.pdf", Data: every}, {Name: "签到/表?.jpg", Data: []byte("\xff\xd8\xff签到")}, data.Paper("党小组会议记录本第12页")}
		case 1:
			items = []data.Attachment{{Name: "empty.txt", Data: []byte{}}, {Name: "same.pdf", Data: every}}
		}
		rec, err := s.AddRecordWith(ctx, r, fixedToday, items)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	return s, recs
}

// A JSON export carries every item, files in base64; importing it into an
// empty ledger and exporting again gives the same file, and the same bytes
// for every file; importing it twice adds nothing.
func TestJSONCarriesEvidence(t *testing.T) {
	src, recs := evidenceStore(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	if _, _, err := Write(ctx, src, Options{Year: 2026, AsOf: fixedToday, Format: JSON, Path: first, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(first)
	if !bytes.Contains(raw, []byte(`"paper": "党小组会议记录本第12页"`)) || !bytes.Contains(raw, []byte(`"data": "AAECAwQF`)) {
		t.Fatalf("the export does not carry the evidence:\n%.2000s", raw)
	}
	dst := emptyLedger(t)
	loaded, err := Import(ctx, dst, first, fixedToday)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.EvidenceAdded != 5 {
		t.Errorf("imported %d items, want 5", loaded.EvidenceAdded)
	}
	again := filepath.Join(dir, "again.json")
	if _, _, err := Write(ctx, dst, Options{Year: 2026, AsOf: fixedToday, Format: JSON, Path: again, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	raw2, _ := os.ReadFile(again)
	if !bytes.Equal(raw, raw2) {
		t.Errorf("the export of the imported ledger differs:\n%s", diffLines(string(raw), string(raw2)))
	}
	// Every file's bytes are the same in both ledgers.
	a, _ := src.EvidenceList(ctx, 0, 2026)
	b, _ := dst.EvidenceList(ctx, 0, 2026)
	if len(a) != len(b) || len(a) != 5 {
		t.Fatalf("%d items in the source, %d after import", len(a), len(b))
	}
	for i := range a {
		if !a[i].IsFile() {
			continue
		}
		_, x, err1 := src.EvidenceData(ctx, a[i].ID)
		_, y, err2 := dst.EvidenceData(ctx, b[i].ID)
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) || a[i].Name != b[i].Name {
			t.Errorf("item %d (%s) differs after import", i, a[i].Name)
		}
	}
	var blobs int
	dst.DB().QueryRow(`SELECT count(*) FROM blobs`).Scan(&blobs)
	if blobs != 3 {
		t.Errorf("%d stored files after import, want 3 (one per content)", blobs)
	}
	second, err := Import(ctx, dst, first, fixedToday)
	if err != nil || second.EvidenceAdded != 0 || second.RecordsAdded != 0 {
		t.Errorf("second import %+v %v", second, err)
	}
	_ = recs
}

// A file whose evidence was damaged or edited is refused whole.
func TestImportRefusesBadEvidence(t *testing.T) {
	src, _ := evidenceStore(t)
	path := filepath.Join(t.TempDir(), "x.json")
	if _, _, err := Write(ctx, src, Options{Year: 2026, AsOf: fixedToday, Format: JSON, Path: path, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	item := func(d map[string]any) map[string]any {
		for _, duty := range d["duties"].([]any) {
			for _, r := range duty.(map[string]any)["records"].([]any) {
				if ev, ok := r.(map[string]any)["evidence"]; ok {
					return ev.([]any)[0].(map[string]any)
				}
			}
		}
		t.Fatal("no evidence in the export")
		return nil
	}
	tests := []struct {
		name   string
		change func(e map[string]any)
		says   string
	}{
		{"bytes changed", func(e map[string]any) { e["data"] = "AAAA" + e["data"].(string)[4:] }, "does not match its sha256"},
		{"cut short", func(e map[string]any) { e["size"] = e["size"].(float64) + 1 }, "cut short"},
		{"neither", func(e map[string]any) { delete(e, "sha256") }, "neither"},
		{"both", func(e map[string]any) { e["paper"] = "本子" }, "both"},
		{"bad time", func(e map[string]any) { e["added"] = "yesterday" }, "RFC 3339"},
		{"over 50 MB", func(e map[string]any) { e["size"] = float64(model.MaxEvidenceSize + 1) }, "50 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d map[string]any
			json.Unmarshal(raw, &d)
			tt.change(item(d))
			b, _ := json.Marshal(d)
			p := writeTemp(t, "bad.json", b)
			dst := emptyLedger(t)
			_, err := Import(ctx, dst, p, fixedToday)
			ie, ok := model.AsInput(err)
			if !ok || !strings.Contains(ie.En, tt.says) || !strings.Contains(ie.En, "evidence item 1") {
				t.Errorf("%v, want a sentence saying %q", err, tt.says)
			}
			if recs, _ := dst.Records(ctx, data.RecordFilter{}); len(recs) != 0 {
				t.Error("a refused import wrote records")
			}
		})
	}
}
