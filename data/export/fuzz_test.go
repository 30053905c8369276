package export

import (
	"bytes"
	"strings"
	"testing"

	"taizhang/model"
)

// FuzzReadJSON: no file makes the reader panic, and whatever it accepts
// is clean and checked, ready for Store.Load.
func FuzzReadJSON(f *testing.F) {
	f.Add(`{"format": "taizhang-ledger", "version": 1, "exported_at": "2026-01-01T00:00:00Z", "profile": {"name": "", "post": "", "unit": ""}, "duties": []}`)
	f.Add(`{"format": "taizhang-ledger", "version": 1, "exported_at": "2026-01-01T00:00:00Z", "profile": {"name": "张三", "post": "", "unit": ""},
		"duties": [{"title": "会前学法", "category": "study", "description": "", "basis": "",
		"targets": [{"year": 2026, "cadence": "month", "min": 1, "start": "2026-07-01"}],
		"records": [{"date": "2026-07-08", "topic": "学习", "participants": "张三", "place": "", "note": "", "created": "2026-07-08T10:00:00Z"}]}]}`)
	f.Add(`{"format": "taizhang-ledger", "version": 2}`)
	f.Add(`{"format": 1}`)
	f.Add(`[]`)
	f.Add("\uFEFF{}")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadJSON(strings.NewReader(in), model.NewDate(2027, 1, 1))
		if err != nil {
			if _, ok := model.AsInput(err); !ok {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		for _, dd := range d.Duties {
			if dd.Duty.Title != model.CleanLine(dd.Duty.Title) || dd.Duty.Title == "" || !dd.Duty.Category.Valid() {
				t.Fatalf("accepted duty %+v", dd.Duty)
			}
			for _, tg := range dd.Targets {
				if tg.Check() != nil {
					t.Fatalf("accepted target %+v", tg)
				}
			}
			for _, r := range dd.Records {
				if r.Topic != model.CleanLine(r.Topic) || r.Note != model.Clean(r.Note) || r.Date > model.NewDate(2027, 1, 1) {
					t.Fatalf("accepted record %+v", r)
				}
			}
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, d, 0, fixedNow); err != nil {
			t.Fatal(err)
		}
	})
}
