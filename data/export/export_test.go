package export

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"taizhang/data"
	"taizhang/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var ctx = context.Background()

// fixedToday is the day the fixed ledger is exported on: early in the
// next year, when the year-end summary is written.
var fixedToday = model.NewDate(2027, 1, 15)

var fixedNow = time.Date(2027, 1, 15, 9, 30, 0, 0, time.UTC)

// fixedLedger builds a year with something of everything the summary has
// to say: met and missed months, a missed half-year and quarter, a duty
// with no record, a target starting mid-year, a talk with nobody named, a
// record entered late, and topics that try to be formulas, Markdown and XML.
func fixedLedger(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "fixed.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetProfile(ctx, model.Profile{Name: "张三", Post: "副局长", Unit: "某某市某某局"}); err != nil {
		t.Fatal(err)
	}
	duty := func(title string, c model.Category, basis string, cad model.Cadence, min int, start model.Date) int64 {
		id, err := s.AddDuty(ctx, model.Duty{Title: title, Category: c, Basis: basis}, model.Target{Year: 2026, Cadence: cad, Min: min, Start: start})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	log := func(id int64, date model.Date, topic, with, place, note string, lateDays int) {
		created := date.Time().Add(10*time.Hour).AddDate(0, 0, lateDays)
		if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: date, Topic: topic, With: with, Place: place, Note: note, Created: created}, fixedToday); err != nil {
			t.Fatal(err)
		}
	}
	law := duty("会前学法", model.Study, "《2022年党风廉政建设工作计划》第4条", model.Month, 1, 0)
	research := duty("开展调研活动", model.Research, "", model.Year, 12, 0)
	talk := duty("与分管科室负责人提醒谈话", model.Talk, "《中国共产党党内监督条例》第二十一条", model.Year, 2, 0)
	report := duty("向党组报告党风廉政建设工作", model.Report, "年中、年终各1次", model.Half, 1, 0)
	meeting := duty("参加支部党员大会", model.Meeting, "支部工作条例 第十一条", model.Quarter, 1, 0)
	duty("参加警示教育", model.Education, "", model.Year, 1, 0)
	lessons := duty("专题学法", model.Study, "", model.Quarter, 1, model.NewDate(2026, 7, 1))

	for m := 1; m <= 12; m++ {
		if m == 8 || m == 10 {
			continue
		}
		log(law, model.NewDate(2026, time.Month(m), 8), "学习法律法规", "张三、李四", "三楼会议室", "", 0)
	}
	log(law, model.NewDate(2026, 3, 20), "=1+2 学习《行政复议法》", "-王五", "@会议室", "备注第一行\n备注第二行", 0)
	for i := 0; i < 12; i++ {
		log(research, model.NewDate(2026, time.Month(1+i), 10+i), "基层所营商环境调研", "赵六", "城东基层所", "", 1)
	}
	log(talk, model.NewDate(2026, 4, 2), "年度廉政提醒谈话", "王科长", "办公室", "", 0)
	log(talk, model.NewDate(2026, 9, 9), "节前廉洁提醒 <b>&amp; | *加粗*", "", "", "", 45)
	log(report, model.NewDate(2026, 6, 28), "上半年党风廉政建设情况报告", "党组成员", "党组会", "", 0)
	for _, d := range []model.Date{model.NewDate(2026, 3, 5), model.NewDate(2026, 6, 5), model.NewDate(2026, 9, 5)} {
		log(meeting, d, "支部党员大会", "全体党员", "党员活动室", "", 0)
	}
	log(lessons, model.NewDate(2026, 2, 1), "宪法学习（任职前）", "", "", "", 0)
	log(lessons, model.NewDate(2026, 8, 1), "民法典专题讲座", "全体干部", "报告厅", "", 0)
	log(lessons, model.NewDate(2026, 11, 1), "行政处罚法专题学习", "全体干部", "报告厅", "", 0)
	// Another year's record: in no 2026 export.
	if _, err := s.AddDuties(ctx, []model.Duty{{Title: "会前学法", Category: model.Study}}, []model.Target{{Year: 2025, Cadence: model.Month, Min: 1}}); err != nil {
		t.Fatal(err)
	}
	log(law, model.NewDate(2025, 12, 8), "去年的学法", "", "", "", 0)
	// The ledger was set up at the start of the year: records entered
	// long after their dates since then are late, not catch-up.
	if _, err := s.DB().Exec(`UPDATE duties SET created_at = '2026-01-02T01:00:00Z'`); err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -update after checking the change):\n%s", name, path, diffLines(string(want), string(got)))
	}
}

// diffLines shows the first differing line.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return ""
}

func summaryOf(t *testing.T, s *data.Store, asOf model.Date, lang model.Lang) model.Document {
	t.Helper()
	return documentOf(t, s, asOf, lang, model.SummaryLayout)
}

// documentOf lays out the 2026 year of s as of asOf, signed on fixedToday.
func documentOf(t *testing.T, s *data.Store, asOf model.Date, lang model.Lang, layout model.Layout) model.Document {
	t.Helper()
	rep, err := s.YearReport(ctx, 2026, model.CloseOf(asOf))
	if err != nil {
		t.Fatal(err)
	}
	return model.BuildDocument(model.BuildSummary(rep.Status, rep.Records, rep.Profile, lang), layout, fixedToday)
}

func TestGoldenText(t *testing.T) {
	s := fixedLedger(t)
	for _, c := range []struct {
		name string
		asOf model.Date
		lang model.Lang
		f    Format
	}{
		{"summary-zh.md", fixedToday, model.Chinese, Markdown},
		{"summary-en.md", fixedToday, model.English, Markdown},
		{"summary-zh.txt", fixedToday, model.Chinese, Text},
		{"summary-en.txt", fixedToday, model.English, Text},
		{"midyear-zh.md", model.NewDate(2026, 6, 30), model.Chinese, Markdown},
		{"midyear-en.txt", model.NewDate(2026, 6, 30), model.English, Text},
		{"report-zh.md", fixedToday, model.Chinese, Markdown},
		{"report-zh.txt", fixedToday, model.Chinese, Text},
		{"report-en.md", fixedToday, model.English, Markdown},
	} {
		t.Run(c.name, func(t *testing.T) {
			layout := model.SummaryLayout
			if strings.HasPrefix(c.name, "report") {
				layout = model.ReportLayout
			}
			var b bytes.Buffer
			if err := Render(&b, c.f, documentOf(t, s, c.asOf, c.lang, layout)); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, b.Bytes())
		})
	}
}
