package ui

import (
	"fmt"
	"testing"

	"taizhang/data/export"
	"taizhang/model"
)

// Every finding of the pre-export check can be read in the app: when they
// do not fit the screen the list scrolls with the list keys, says how many
// lie below, and any other key closes it.
func TestExportFindingsScroll(t *testing.T) {
	for _, lang := range []model.Lang{model.Chinese, model.English} {
		s, _ := testLedger(t)
		a := newTestApp(t, s, lang, 80, 24)
		var ws []export.Warning
		for i := 1; i <= 30; i++ {
			ws = append(ws, export.Warning{Kind: export.MissedPeriods,
				Zh: fmt.Sprintf("第%02d条发现", i), En: fmt.Sprintf("finding %02d", i)})
		}
		send(t, a, exportedMsg{layer: -1, path: "/home/officer/Documents/taizhang-2026.md", warnings: ws})
		first, last := "第01条发现", "第30条发现"
		if lang == model.English {
			first, last = "finding 01", "finding 30"
		}
		mustContain(t, a, first)
		mustNotContain(t, a, last)
		press(t, a, "G")
		mustContain(t, a, last)
		mustNotContain(t, a, first)
		press(t, a, "g", "pgdown", "pgdown", "pgdown")
		mustContain(t, a, last)
		press(t, a, "k")
		mustNotContain(t, a, last)
		press(t, a, "q")
		mustNotContain(t, a, first, last)
	}
}
