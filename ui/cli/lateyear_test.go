package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// The year-end report given in January for the year before (--for) is in
// that year's record list, where it counts, as in the export's 附件; the
// year it is dated in lists it too, with the period it counts for.
func TestRecordsOfAYearHoldTheReportGivenForItLater(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "leadership", "--year", "2025")
	ok(t, db, "template", "apply", "leadership", "--year", "2026")
	ok(t, db, "log", "向党组报告", "--date", "2026-01-10", "--for", "2025-H2", "--topic", "2025年终报告")
	for _, year := range []string{"2025", "2026"} {
		out := ok(t, db, "records", "--year", year)
		if !strings.Contains(out, "2025年终报告") || !strings.Contains(out, "2025年下半年") || !strings.Contains(out, "计入期间") {
			t.Errorf("records --year %s:\n%s", year, out)
		}
		en := ok(t, db, "--lang", "en", "records", "--year", year)
		if !strings.Contains(en, "2025 H2") || !strings.Contains(en, "Counts for") {
			t.Errorf("records --year %s in English:\n%s", year, en)
		}
		var recs []recordOut
		if err := json.Unmarshal([]byte(ok(t, db, "records", "--json", "--year", year)), &recs); err != nil || len(recs) != 1 || recs[0].For != "2025-H2" {
			t.Errorf("records --json --year %s = %+v (%v)", year, recs, err)
		}
	}
	// One duty's records in the year they count for, as its detail shows them.
	if out := ok(t, db, "records", "--duty", "向党组报告", "--year", "2025"); !strings.Contains(out, "2025年终报告") {
		t.Errorf("records --duty --year 2025:\n%s", out)
	}
	if out := ok(t, db, "records", "--year", "2024"); !strings.Contains(out, "2024年没有记录") {
		t.Errorf("records --year 2024:\n%s", out)
	}
}
