package cli

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The JSON export states each per-person target's coverage; import reads
// a file with it, one without it (an older export), and one whose
// coverage was altered, and the ledger works coverage out afresh each time.
func TestCoverageInTheJSONExport(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "section-chief", "--people", "张三、李四、王五")
	ok(t, db, "log", "谈心谈话", "--date", "2026-03-01", "--with", "张三、外单位老刘")
	ok(t, db, "log", "谈心谈话", "--date", "2026-04-01", "--with", "李四")
	path := t.TempDir() + "/2026.json"
	ok(t, db, "export", "--year", "2026", "--format", "json", "-o", path)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type coverage struct {
		AsOf                       string `json:"as_of"`
		Group                      string
		Min, Times                 int
		Required, Covered, Missing []string
		Outside                    []string
	}
	var doc struct {
		Duties []struct {
			Title   string
			Targets []struct {
				Each     string
				Coverage *coverage
			}
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var got []coverage
	for _, d := range doc.Duties {
		for _, tg := range d.Targets {
			if (tg.Coverage != nil) != (tg.Each != "") {
				t.Errorf("%s: each %q with coverage %v", d.Title, tg.Each, tg.Coverage)
			}
			if tg.Coverage != nil {
				got = append(got, *tg.Coverage)
			}
		}
	}
	want := []coverage{{AsOf: "2026-11-22", Group: "科室干部", Min: 1, Times: 3, Required: []string{"张三", "李四", "王五"},
		Covered: []string{"张三", "李四"}, Missing: []string{"王五"}, Outside: []string{"外单位老刘"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coverage in the export = %+v, want %+v", got, want)
	}

	// Into a new ledger: as written, without coverage, and altered.
	older := t.TempDir() + "/older.json"
	os.WriteFile(older, []byte(strings.ReplaceAll(string(raw), `"coverage"`, `"_drop"`)), 0o644)
	if err := dropKey(older, "_drop"); err != nil {
		t.Fatal(err)
	}
	altered := t.TempDir() + "/altered.json"
	changed := strings.Replace(string(raw), `"covered": [`, `"covered": [
              "王五",`, 1)
	if changed == string(raw) {
		t.Fatal("the coverage was not altered")
	}
	os.WriteFile(altered, []byte(changed), 0o644)
	for _, f := range []string{path, older, altered} {
		fresh := newLedger(t)
		ok(t, fresh, "import", f)
		if st := ok(t, fresh, "status"); !strings.Contains(st, "2/3人") || !strings.Contains(st, "尚未谈话（2/3人）：王五") {
			t.Errorf("%s imported: status\n%s", f, st)
		}
	}
	// A coverage of the wrong shape is refused like any field.
	bad := t.TempDir() + "/bad.json"
	os.WriteFile(bad, []byte(strings.Replace(string(raw), `"times": 3`, `"times": "three"`, 1)), 0o644)
	if r := run(t, newLedger(t), "import", bad); r.code != 2 {
		t.Errorf("a coverage of the wrong shape: exit %d %s", r.code, r.stderr)
	}
}

// dropKey removes every member named key from the JSON file at path.
func dropKey(path, key string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, key)
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	out, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}
