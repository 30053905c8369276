package model

import (
	"strings"
	"testing"
	"time"
)

func TestAction(t *testing.T) {
	for _, c := range []struct {
		title string
		cat   Category
		want  string
	}{
		{"会前学法", Study, "参加会前学法"},
		{"参加中心组集体学习", Study, "参加中心组集体学习"},
		{"个人有关事项报告", Other, "报告个人有关事项"},
		{"向党组报告党风廉政建设工作", Report, "向党组报告党风廉政建设工作"},
		{"科室会前学法", Study, "组织科室会前学法"},
		{"提醒谈话", Talk, "开展提醒谈话"},
		{"党课", Lesson, "讲党课"},
		{"为分管科室讲党课", Lesson, "为分管科室讲党课"},
		{"开展调研", Research, "开展调研"},
		{"警示教育", Education, "参加警示教育"},
		{"民主生活会", Meeting, "参加民主生活会"},
		{"述责述廉", Report, "进行述责述廉"},
		{"专题学法（法治讲座）", Study, "参加专题学法（法治讲座）"},
		{"专题研究分管领域意识形态工作", Meeting, "专题研究分管领域意识形态工作"},
		{"年度述职述廉", Report, "进行年度述职述廉"},
	} {
		if got := Action(Duty{Title: c.title, Category: c.cat}, Chinese); got != c.want {
			t.Errorf("Action(%s) = %q, want %q", c.title, got, c.want)
		}
	}
	if got := Action(Duty{Title: "Law study", Category: Study}, English); got != "Law study" {
		t.Errorf("English title changed: %q", got)
	}
}

// shortLedger is a year with a missed yearly duty (9 of 12 research
// visits), nothing at all for warning education, and a report to the 党组.
func shortLedger(asOf Date) (YearStatus, []Record) {
	research := Duty{ID: 1, Title: "开展调研", Category: Research}
	edu := Duty{ID: 2, Title: "警示教育", Category: Education}
	rep := Duty{ID: 3, Title: "向党组报告党风廉政建设工作", Category: Report}
	study := Duty{ID: 4, Title: "中心组集体学习", Category: Study}
	var recs []Record
	add := func(d Duty, date Date, topic, with, note string) {
		recs = append(recs, Record{ID: int64(len(recs) + 1), DutyID: d.ID, Date: date, Topic: topic, With: with, Note: note})
	}
	for i := 0; i < 9; i++ {
		add(research, NewDate(2026, time.Month(1+i), 12), "基层调研", "", "")
	}
	add(rep, NewDate(2026, 6, 28), "上半年党风廉政建设工作情况", "局党组", "书面报告")
	add(rep, NewDate(2026, 12, 20), "全年党风廉政建设工作情况", "局党组", "")
	for i := 0; i < 6; i++ {
		add(study, NewDate(2026, time.Month(2*i+1), 5), "集体学习", "", "")
	}
	tracked := []Tracked{
		{Duty: research, Target: Target{Year: 2026, Cadence: Year, Min: 12}},
		{Duty: edu, Target: Target{Year: 2026, Cadence: Year, Min: 1}},
		{Duty: rep, Target: Target{Year: 2026, Cadence: Half, Min: 1}},
		{Duty: study, Target: Target{Year: 2026, Cadence: Year, Min: 6}},
	}
	for _, r := range recs {
		tracked[r.DutyID-1].Dates = append(tracked[r.DutyID-1].Dates, r.Date)
	}
	return EvaluateYear(2026, CloseOf(asOf), tracked), recs
}

func texts(d Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Lead != "" && d.Lang == English {
			b.Lead += " "
		}
		out = append(out, b.Lead+b.Text)
	}
	return out
}

func has(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func TestSummaryDocument(t *testing.T) {
	ys, recs := shortLedger(NewDate(2027, 1, 15))
	s := BuildSummary(ys, recs, Profile{Name: "张三", Post: "副局长", Unit: "某某局"}, Chinese)
	d := BuildDocument(s, SummaryLayout, NewDate(2027, 1, 8))
	lines := texts(d)
	for _, want := range []string{
		"全年未参加警示教育，未达到全年不少于1次的要求。",
		"全年开展调研9次，未达到全年不少于12次的要求。",
		"特此报告。",
		"附件：履职台账",
	} {
		found := false
		for _, l := range lines {
			found = found || strings.HasSuffix(l, want)
		}
		if !found {
			t.Errorf("summary lacks %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	if d.SignName != "张三" || d.SignDate != "2027年1月8日" {
		t.Errorf("signature %q %q", d.SignName, d.SignDate)
	}
	if d.Placeholders() != 0 {
		t.Errorf("the summary has %d placeholders", d.Placeholders())
	}
	// The shortfall is kept on the page of its reasons line.
	for i, b := range d.Blocks {
		if strings.HasPrefix(b.Text, "1. ") && strings.Contains(b.Text, "未开展") {
			if !b.KeepNext || d.Blocks[i+1].Text != "原因及整改措施：" || !d.Blocks[i+1].KeepNext {
				t.Errorf("missed item not kept with its reasons: %+v %+v", b, d.Blocks[i+1])
			}
		}
	}
	rows := d.Attachment.Table.Rows
	if len(rows) != 17 {
		t.Fatalf("%d attachment rows", len(rows))
	}
	var report []string
	for _, r := range rows {
		if r[2] == "向党组报告党风廉政建设工作" {
			report = r
		}
	}
	if report == nil || report[4] != "局党组" || report[6] != "下半年" || report[1] != "12月20日" {
		t.Errorf("report row %q", report)
	}
	if d.Attachment.Table.Columns[4] != "对象/参加人员" {
		t.Errorf("columns %q", d.Attachment.Table.Columns)
	}
	// Notes are kept: the report's 书面报告 is in the row.
	if rows[9][7] != "书面报告" && rows[8][7] != "书面报告" && rows[10][7] != "书面报告" {
		t.Errorf("note lost: %q", rows[8:11])
	}
}

func TestReportDocument(t *testing.T) {
	ys, recs := shortLedger(NewDate(2027, 1, 15))
	s := BuildSummary(ys, recs, Profile{Name: "张三", Post: "副局长", Unit: "某某局"}, Chinese)
	d := BuildDocument(s, ReportLayout, NewDate(2027, 1, 8))
	lines := texts(d)
	want := []string{
		"2026年度述责述廉报告",
		"某某局副局长\u3000张三",
		"根据【请填写：通知或会议名称】要求，现将本人2026年度履行全面从严治党责任和廉洁自律情况报告如下。",
		"一、加强政治理论学习",
		"全年参加中心组集体学习6次，达到全年不少于6次的要求。",
		"二、履行“一岗双责”和全面从严治党责任",
		"（一）报告工作情况",
		"全年向党组报告党风廉政建设工作2次，达到每半年1次的要求。",
		"三、廉洁自律情况",
		"四、存在的问题和不足",
		"（一）开展调研9次，未达到全年不少于12次的要求。",
		"【请填写：原因】",
		"（二）全年未参加警示教育，未达到全年不少于1次的要求。",
		"五、下一步打算",
		"以上报告，请予审议。",
		"附件：履职台账",
	}
	for _, w := range want {
		if !has(lines, w) {
			t.Errorf("report lacks %q:\n%s", w, strings.Join(lines, "\n"))
		}
	}
	// The parts come in the skeleton's order.
	last := -1
	for _, w := range []string{"一、加强政治理论学习", "二、履行“一岗双责”和全面从严治党责任", "三、廉洁自律情况", "四、存在的问题和不足", "五、下一步打算", "以上报告，请予审议。"} {
		for i, l := range lines {
			if l == w {
				if i < last {
					t.Errorf("%q out of order", w)
				}
				last = i
			}
		}
	}
	// opening, study, 一岗双责, 廉洁自律, two reasons, other problems, next steps
	if n := d.Placeholders(); n != 8 {
		t.Errorf("%d placeholders, want 8", n)
	}
	// Without a profile the byline asks for it.
	d = BuildDocument(BuildSummary(ys, recs, Profile{}, Chinese), ReportLayout, NewDate(2027, 1, 8))
	if b := d.Blocks[1].Text; b != "【请填写：单位】\u3000【请填写：职务】\u3000【请填写：姓名】" || d.Placeholders() != 11 {
		t.Errorf("byline %q, %d placeholders", b, d.Placeholders())
	}
}

func TestMidYearDocument(t *testing.T) {
	ys, recs := shortLedger(NewDate(2026, 6, 30))
	s := BuildSummary(ys, recs, Profile{}, Chinese)
	if s.Title != "2026年上半年个人履职情况" {
		t.Errorf("title %q", s.Title)
	}
	d := BuildDocument(s, SummaryLayout, NewDate(2026, 7, 2))
	lines := texts(d)
	for _, w := range []string{"三、未达标和进度滞后事项", "（一）未达标事项", "（二）进度滞后事项"} {
		if !has(lines, w) {
			t.Errorf("mid-year lacks %q:\n%s", w, strings.Join(lines, "\n"))
		}
	}
	// Research: 6 by Jun 30 against a pace of 12*181/365 = 5 is on
	// track; study: 3 against 6*181/365 = 2 is on track. Neither lags;
	// a ledger with fewer does.
	if len(s.Lagging) != 0 {
		t.Errorf("lagging %+v", s.Lagging)
	}
	ys = EvaluateYear(2026, CloseOf(NewDate(2026, 6, 30)), []Tracked{{Duty: Duty{ID: 1, Title: "开展调研", Category: Research},
		Target: Target{Year: 2026, Cadence: Year, Min: 12}, Dates: []Date{NewDate(2026, 3, 1), NewDate(2026, 4, 1)}}})
	s = BuildSummary(ys, nil, Profile{}, Chinese)
	if len(s.Lagging) != 1 || s.Lagging[0].Text != "开展调研：截至6月30日完成2次，按全年不少于12次的要求应完成5次。" {
		t.Errorf("lagging %+v", s.Lagging)
	}
	s = BuildSummary(ys, nil, Profile{}, English)
	if len(s.Lagging) != 1 || s.Lagging[0].Text != "开展调研: twice by Jun 30, where the pace of at least 12 a year asks 5." {
		t.Errorf("lagging en %+v", s.Lagging)
	}
}

func TestEnglishSentences(t *testing.T) {
	ys, recs := summaryLedger(NewDate(2027, 1, 15))
	s := BuildSummary(ys, recs, Profile{}, English)
	got := map[string]string{}
	for _, d := range s.Duties {
		got[d.Duty.Title] = d.Paragraph
	}
	for title, want := range map[string]string{
		"会前学法":   "10 times in 2026; 10 of 12 months met the requirement of 1 a month; none in Aug or Oct.",
		"开展调研活动": "12 times in 2026, meeting the requirement of at least 12 a year.",
		"提醒谈话":   "Once in 2026, meeting the requirement of at least 1 a year.",
	} {
		if got[title] != want {
			t.Errorf("%s: %q, want %q", title, got[title], want)
		}
	}
	ys, recs = shortLedger(NewDate(2027, 1, 15))
	s = BuildSummary(ys, recs, Profile{}, English)
	d := BuildDocument(s, ReportLayout, NewDate(2027, 1, 8))
	lines := texts(d)
	for _, w := range []string{"Report on Responsibility and Integrity for 2026", "4. Problems and shortcomings",
		"(2) 警示教育: none, short of the requirement of at least 1 a year.", "I submit this report for your review.",
		"向党组报告党风廉政建设工作: Twice in 2026, meeting the requirement of 1 per half-year."} {
		if !has(lines, w) {
			t.Errorf("English report lacks %q:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}

// A report given in January for last year's second half is listed in
// last year's attachment with its real date and where it counts; an
// excused month and an archived duty are explained under 说明事项.
func TestSummaryRulesV2(t *testing.T) {
	rep := Duty{ID: 1, Title: "向党组报告党风廉政建设工作", Category: Report}
	law := Duty{ID: 2, Title: "会前学法", Category: Study}
	risk := Duty{ID: 3, Title: "廉政风险点排查", Category: Other, Archived: NewDate(2026, 11, 30)}
	h2 := PeriodRef{Year: 2026, Cadence: Half, Index: 1}
	recs := []Record{
		{ID: 1, DutyID: 1, Date: NewDate(2026, 6, 20), Topic: "上半年报告", With: "局党组"},
		{ID: 2, DutyID: 1, Date: NewDate(2027, 1, 10), Topic: "下半年报告", With: "局党组", For: h2},
	}
	var lawDates []Date
	for m := 1; m <= 12; m++ {
		if m != 8 {
			lawDates = append(lawDates, NewDate(2026, time.Month(m), 3))
			recs = append(recs, Record{ID: int64(10 + m), DutyID: 2, Date: NewDate(2026, time.Month(m), 3), Topic: "学法"})
		}
	}
	riskTarget := Target{Year: 2026, Cadence: Year, Min: 1, End: NewDate(2026, 11, 30)}
	tracked := []Tracked{
		{Duty: rep, Target: Target{Year: 2026, Cadence: Half, Min: 1}, Dates: []Date{NewDate(2026, 6, 20)},
			Credits: []Credit{{Date: NewDate(2027, 1, 10), For: h2}}},
		{Duty: law, Target: Target{Year: 2026, Cadence: Month, Min: 1}, Dates: lawDates,
			Excuses: []Excuse{{DutyID: 2, Period: PeriodRef{Year: 2026, Cadence: Month, Index: 7}, Reason: "病休"}}},
		{Duty: risk, Target: riskTarget},
	}
	ys := EvaluateYear(2026, CloseOf(NewDate(2027, 1, 15)), tracked)
	s := BuildSummary(ys, recs, Profile{}, Chinese)
	var rows []LedgerRow
	for _, r := range s.Ledger() {
		if r.Duty == rep.Title {
			rows = append(rows, r)
		}
	}
	if len(rows) != 2 || rows[1].Date != NewDate(2027, 1, 10) || rows[1].Counts != "2026年下半年" || rows[0].Counts != "上半年" {
		t.Errorf("report rows %+v", rows)
	}
	for _, sd := range s.Duties {
		if sd.Duty.ID == 1 && sd.Paragraph != "全年向党组报告党风廉政建设工作2次，达到每半年1次的要求。" {
			t.Errorf("report paragraph %q", sd.Paragraph)
		}
		if sd.Duty.ID == 2 && sd.Verdict != VerdictDone {
			t.Errorf("the excused August still counts against 会前学法: %s", sd.Verdict)
		}
	}
	want := []string{"会前学法：8月经说明免于要求，原因：病休。", "廉政风险点排查已于11月30日归档，此后不再要求。"}
	if strings.Join(s.Notes, "|") != strings.Join(want, "|") {
		t.Errorf("notes %q", s.Notes)
	}
	d := BuildDocument(s, SummaryLayout, NewDate(2027, 1, 15))
	if !has(texts(d), "四、说明事项") || !has(texts(d), want[0]) {
		t.Errorf("the summary has no 说明事项:\n%s", strings.Join(texts(d), "\n"))
	}
	// The attachment gives the January date in full.
	for _, r := range d.Attachment.Table.Rows {
		if r[3] == "下半年报告" && (r[1] != "2027年1月10日" || r[6] != "2026年下半年") {
			t.Errorf("attachment row %q", r)
		}
	}
}
