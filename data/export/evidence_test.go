package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

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
		{"bytes changed", func(e map[string]any) { e["data"] = "AAAA" + e["data"].(string)[4:] }, "ImportItemHash"},
		{"cut short", func(e map[string]any) { e["size"] = e["size"].(float64) + 1 }, "ImportItemSize"},
		{"neither", func(e map[string]any) { delete(e, "sha256") }, "ImportItemNeither"},
		{"both", func(e map[string]any) { e["paper"] = "本子" }, "ImportItemBoth"},
		{"bad time", func(e map[string]any) { e["added"] = "yesterday" }, "ImportItemTime"},
		{"over 50 MB", func(e map[string]any) { e["size"] = float64(model.MaxEvidenceSize + 1) }, "ImportItemTooLarge"},
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
			if !ok || ie.Kind != model.Kind(tt.says) || !strings.Contains(ie.LeadEn, "evidence item 1") {
				t.Errorf("%v, want the kind %s after the place", err, tt.says)
			}
			if recs, _ := dst.Records(ctx, data.RecordFilter{}); len(recs) != 0 {
				t.Error("a refused import wrote records")
			}
		})
	}
}

// The workbook's 台账 sheet, the CSV and the 附件 of the documents name
// each record's evidence, and the check lists records of a duty that
// expects evidence but has none.
func TestExportsNameEvidence(t *testing.T) {
	s, _ := evidenceStore(t)
	dir := t.TempDir()
	var warned []Warning
	for _, f := range []Format{Excel, CSV, Markdown, Text} {
		path := filepath.Join(dir, "x."+string(f))
		_, ws, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: f, Path: path, Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		warned = ws
		raw, _ := os.ReadFile(path)
		text := string(raw)
		if f == Excel {
			x, err := excelize.OpenReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := x.GetRows("台账")
			if len(rows) < 3 || rows[1][9] != "佐证材料" || rows[2][9] != "会议记录.pdf；表?.jpg；纸质：党小组会议记录本第12页" {
				t.Errorf("台账 sheet: %q", rows[:min(3, len(rows))])
			}
			continue
		}
		if !strings.Contains(text, "会议记录.pdf；表?.jpg；纸质：党小组会议记录本第12页") || !strings.Contains(text, "empty.txt；same.pdf") {
			t.Errorf("%s does not name the evidence:\n%s", f, text)
		}
	}
	// The front ends phrase it, naming their command or key: the
	// finding carries the record's date, its duty, what it should have
	// and its id.
	var bare []Warning
	for _, w := range warned {
		if w.Kind == NoEvidence {
			bare = append(bare, w)
		}
	}
	if len(bare) != 1 || bare[0].Say != model.KindWarnNoEvidence || bare[0].Args[0] != model.NewDate(2026, 5, 7) || bare[0].Args[2] != "会议记录、签到表、照片" {
		t.Errorf("records without evidence: %+v", bare)
	}
}

// The inspection bundle holds the Word document, the workbook, the index
// and every evidence file under a safe name that says which record it
// proves, byte for byte; it is 0600 and never written over a file.
func TestBundle(t *testing.T) {
	s, recs := evidenceStore(t)
	// Hostile and colliding names.
	if _, err := s.AddEvidence(ctx, recs[2].ID, []data.Attachment{
		{Name: "../../etc/passwd", Data: []byte("p")}, {Name: "CON.txt", Data: []byte("c")},
		{Name: "照片.jpg", Data: []byte("1")}, {Name: "照片.JPG", Data: []byte("2")}, {Name: "x\x1b]0;t\x07 .pdf. ", Data: []byte("x")},
	}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "bundle.zip")
	if _, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Zip, Path: path, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("bundle mode %v", fi.Mode().Perm())
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[f.Name] = b
		if !strings.HasPrefix(f.Name, "2026年度履职检查材料/") || strings.Contains(f.Name, "..") || strings.Contains(f.Name, "\\") ||
			strings.ContainsAny(f.Name, "\x1b\x07:*?\"<>|") || strings.HasSuffix(f.Name, ".") || strings.HasSuffix(f.Name, " ") {
			t.Errorf("unsafe name %q", f.Name)
		}
		if f.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f.Name, f.Mode())
		}
	}
	ev := "2026年度履职检查材料/佐证材料/"
	want := map[string]string{
		ev + "001_2026-03-05_党小组会_会议记录.pdf":  "",
		ev + "001_2026-03-05_党小组会_表_.jpg":    "\xff\xd8\xff签到",
		ev + "002_2026-04-02_党小组会_empty.txt": "",
		ev + "003_2026-05-07_党小组会_passwd":    "p",
		ev + "003_2026-05-07_党小组会__CON.txt":  "c",
		ev + "003_2026-05-07_党小组会_照片.jpg":    "1",
		ev + "003_2026-05-07_党小组会_照片_2.JPG":  "2",
		ev + "003_2026-05-07_党小组会_x .pdf":    "x",
		ev + "002_2026-04-02_党小组会_same.pdf":  "",
		"2026年度履职检查材料/1_2026年度个人履职情况.docx":   "",
		"2026年度履职检查材料/2_2026年度履职台账.xlsx":     "",
		"2026年度履职检查材料/3_佐证材料清单.txt":          "",
	}
	for name, body := range want {
		b, ok := got[name]
		if !ok {
			t.Errorf("the bundle has no %s; it has %v", name, keys(got))
			continue
		}
		if body != "" && string(b) != body {
			t.Errorf("%s holds %q, want %q", name, b, body)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d files in the bundle, want %d: %v", len(got), len(want), keys(got))
	}
	every := got[ev+"001_2026-03-05_党小组会_会议记录.pdf"]
	if len(every) != 256*40 || every[255] != 255 {
		t.Error("the minutes are not byte for byte")
	}
	index := string(got["2026年度履职检查材料/3_佐证材料清单.txt"])
	for _, part := range []string{"共4条记录，其中3条有佐证材料", "纸质：党小组会议记录本第12页", "（无佐证材料）", data.HashHex(every)} {
		if !strings.Contains(index, part) {
			t.Errorf("the index does not say %q:\n%s", part, index)
		}
	}
	if _, err := excelize.OpenReader(bytes.NewReader(got["2026年度履职检查材料/2_2026年度履职台账.xlsx"])); err != nil {
		t.Errorf("the workbook does not open: %v", err)
	}
	if _, err := zip.NewReader(bytes.NewReader(got["2026年度履职检查材料/1_2026年度个人履职情况.docx"]), int64(len(got["2026年度履职检查材料/1_2026年度个人履职情况.docx"]))); err != nil {
		t.Errorf("the document does not open: %v", err)
	}
	before, _ := os.ReadFile(path)
	for _, force := range []bool{false, true} {
		_, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Zip, Path: path, Now: fixedNow, Force: force})
		if _, ok := model.AsInput(err); !ok {
			t.Errorf("force %v: written over an existing bundle: %v", force, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the bundle changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files beside the bundle", len(entries))
	}
	// In English, the names are English.
	en := filepath.Join(dir, "en.zip")
	if _, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Zip, Path: en, Now: fixedNow, Lang: model.English}); err != nil {
		t.Fatal(err)
	}
	zr2, _ := zip.OpenReader(en)
	defer zr2.Close()
	names := ""
	for _, f := range zr2.File {
		names += f.Name + "\n"
	}
	if !strings.Contains(names, "Inspection bundle 2026/Evidence/001_2026-03-05_党小组会_会议记录.pdf") || !strings.Contains(names, "3_Evidence index.txt") {
		t.Errorf("English bundle:\n%s", names)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestBundleName(t *testing.T) {
	long := BundleName("012", model.NewDate(2026, 3, 5), strings.Repeat("很长的事项名称", 10), strings.Repeat("文件", 80)+".docx")
	if n := utf8.RuneCountInString(long); n > maxEntryName || !strings.HasSuffix(long, ".docx") || !strings.HasPrefix(long, "012_2026-03-05_") {
		t.Errorf("%q (%d characters)", long, n)
	}
}
