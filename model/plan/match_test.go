package plan

import (
	"testing"

	"taizhang/model"
)

// Pairs of a title a plan gives (from the sample plans and the test
// corpora) and a duty's title in the built-in templates, with whether a
// careful officer would call them the same duty. The matcher must call
// each pair as the officer does; the scores are logged to show the margin
// around the threshold.
func TestSimilarityPairs(t *testing.T) {
	tests := []struct {
		plan, kept string
		same       bool
	}{
		// the two, and restatements of template duties
		{"与分管科室专题研究党风廉政建设工作", "与分管科室专题研究党风廉政建设", true},
		{"述责述廉", "年度述职述廉", true},
		{"述责述廉", "述责述廉", true},
		{"专题述法", "述法", true},
		{"述法活动", "述法", true},
		{"与分管科室负责人提醒谈话", "与分管科室负责人提醒谈话", true},
		{"与分管科室负责人开展廉政谈话", "与分管科室负责人提醒谈话", true},
		{"听取分管科室党风廉政建设工作汇报", "听取分管科室党风廉政汇报", true},
		{"聽取保密工作彙報", "听取保密工作汇报", true},
		{"廉政风险点排查", "科室廉政风险点排查", true},
		{"到廉政教育基地开展专题警示教育", "组织廉政教育基地警示教育", true},
		{"组织警示教育", "参加警示教育", true},
		{"观看警示教育片", "参加警示教育", true},
		{"会前集中学法", "会前学法", true},
		{"参加会前学法", "科室会前学法", true},
		{"组织法治讲座", "专题学法（法治讲座）", true},
		{"中心组集体学习", "参加中心组集体学习", true},
		{"组织中心组集体学习活动", "参加中心组集体学习", true},
		{"参加党组民主生活会", "参加民主生活会", true},
		{"参加支部组织生活会", "参加所在支部组织生活会", true},
		{"召開組織生活會", "参加组织生活会", true},
		{"召开党员大会", "参加所在支部党员大会", true},
		{"支部黨員大會", "参加支部党员大会", true},
		{"召开党小组会", "参加党小组会", true},
		{"主題黨日活動", "参加主题党日", true},
		{"上党课", "参加党课", true},
		{"民主评议党员", "参加民主评议党员", true},
		{"专题调研", "开展调研", true},
		{"调研活动", "开展调研", true},
		{"专题研究意识形态工作", "专题研究分管领域意识形态工作", false}, // 0.58: the unit's, not the member's field
		// different duties that share words
		{"党组研究党风廉政建设工作", "与分管科室专题研究党风廉政建设", false},
		{"参加党组民主生活会", "参加所在支部组织生活会", false},
		{"参加支部组织生活会", "参加民主生活会", false},
		{"向党组报告党风廉政建设工作情况", "与分管科室专题研究党风廉政建设", false},
		{"与分管科室负责人提醒谈话", "与分管科室专题研究党风廉政建设", false},
		{"与分管科室专题研究党风廉政建设工作", "为分管科室讲党课（含廉政党课）", false},
		{"专题研究党风廉政建设工作", "向党组报告党风廉政建设工作", false},
		{"专题研究党风廉政建设工作", "向分管领导报告科室党风廉政情况", false},
		{"廉政谈话", "组织廉政教育基地警示教育", false},
		{"廉政谈话", "科室廉政风险点排查", false},
		{"讲廉政党课", "组织廉政教育基地警示教育", false},
		{"形成调研报告", "开展调研", false},
		{"撰写监督调研文章", "开展调研", false},
		{"自学学法", "会前学法", false},
		{"会前学法", "专题学法（法治讲座）", false},
		{"民主评议党员", "参加民主生活会", false},
		{"召開黨組會議", "参加党小组会", false},
		{"机关党组会议", "参加党小组会", false},
		{"与班子成员提醒谈话", "与分管科室负责人提醒谈话", false},
		{"对全体干部职工提醒谈话", "与分管科室负责人提醒谈话", false},
		{"听取分管科室意识形态工作汇报", "听取保密工作汇报", false},
		{"向区委宣传部书面报告意识形态工作情况", "专题研究分管领域意识形态工作", false},
		{"集中学习", "组织科室政治理论学习", false},
		{"党组会议、中心组学习会把学习习近平总书记最新重要讲话作为第一议题", "参加中心组集体学习", false},
	}
	right := 0
	for _, tt := range tests {
		s := Similarity(tt.plan, tt.kept)
		if back := Similarity(tt.kept, tt.plan); back != s {
			t.Errorf("%s / %s: %.3f one way, %.3f the other", tt.plan, tt.kept, s, back)
		}
		if (s >= MatchThreshold) == tt.same {
			right++
		} else {
			t.Errorf("%s / %s: score %.2f, same duty %v", tt.plan, tt.kept, s, tt.same)
		}
		t.Logf("%.2f %-5v %s / %s", s, tt.same, tt.plan, tt.kept)
	}
	t.Logf("%d of %d pairs called as the officer would", right, len(tests))
}

// A plan read against the section chief's and the leadership templates:
// the duties they already keep are found, each kept duty once, only at its
// cadence and only for a candidate of its kind.
func TestMatchAll(t *testing.T) {
	var kept []Kept
	for i, d := range model.Templates[1].Duties {
		kept = append(kept, Kept{ID: int64(i + 1), Title: d.Title[0], Category: d.Category, Cadence: d.Cadence, Min: d.Min})
	}
	d := Analyze(`全年党组研究党风廉政建设工作不少于2次。全年班子成员向党组报告党风廉政建设工作情况不少于1次，与分管科室专题研究党风廉政建设工作不少于1次，与分管科室负责人进行提醒谈话不少于1次。领导班子成员年终进行述责述廉。每年参加党组民主生活会和支部组织生活会不少于1次。每半年听取1次保密工作汇报。每季度听取1次保密工作汇报。`)
	got := map[string]string{}
	for i, f := range MatchAll(d.Candidates, kept) {
		if f.OK {
			got[d.Candidates[i].Title] = f.Kept.Title
		}
	}
	want := map[string]string{
		"与分管科室专题研究党风廉政建设工作": "与分管科室专题研究党风廉政建设",
		"与分管科室负责人提醒谈话":      "与分管科室负责人提醒谈话",
		"述责述廉":              "述责述廉",
		"参加党组民主生活会":         "参加民主生活会",
		"参加支部组织生活会":         "参加所在支部组织生活会",
		"听取保密工作汇报":          "听取保密工作汇报", // the half-yearly one; the quarterly one is new
	}
	if len(got) != len(want) {
		t.Errorf("matched %d, want %d: %v", len(got), len(want), got)
	}
	for c, k := range want {
		if got[c] != k {
			t.Errorf("%s matched %q, want %q", c, got[c], k)
		}
	}
	n := 0
	for _, c := range d.Candidates {
		if c.Title == "听取保密工作汇报" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d 听取保密工作汇报 candidates", n)
	}
}

// A candidate with a kept duty's very title is that duty, in either script
// and whatever its cadence: the ledger holds one duty of a title, and
// would refuse the candidate as a second.
func TestMatchAllSameTitleAnyCadence(t *testing.T) {
	kept := []Kept{{ID: 1, Title: "听取保密工作汇报", Category: model.Report, Cadence: model.Half, Min: 1},
		{ID: 2, Title: "会前学法", Category: model.Study, Cadence: model.Month, Min: 1}}
	cs := []Candidate{
		{Title: "聽取保密工作匯報", Category: model.Report, Cadence: model.Quarter, Min: 1},
		{Title: "会前学法", Category: model.Study, Cadence: model.Year, Min: 12},
		{Title: "听取意识形态工作汇报", Category: model.Report, Cadence: model.Quarter, Min: 1},
	}
	got := MatchAll(cs, kept)
	if !got[0].OK || got[0].Kept.ID != 1 || !got[1].OK || got[1].Kept.ID != 2 || got[2].OK {
		t.Fatalf("MatchAll: %+v", got)
	}
	// a yearly total read over the monthly cadence of its sentence is the
	// kept monthly duty in other words
	also := Candidate{Title: "会前集中学法", Category: model.Study, Cadence: model.Year, Min: 15, Also: model.Target{Cadence: model.Month, Min: 1}}
	if got := MatchAll([]Candidate{also}, kept); !got[0].OK || got[0].Kept.ID != 2 {
		t.Errorf("会前集中学法 全年不少于15次 (每月1次): %+v", got)
	}
	also.Also = model.Target{}
	if got := MatchAll([]Candidate{also}, kept); got[0].OK {
		t.Errorf("会前集中学法 全年不少于15次 alone matched the monthly duty: %+v", got)
	}
}

// A plan for next year, read before its targets are carried, restates the
// duties kept this year: each is matched as kept, stays ticked, and taking
// it gives that duty the year's target, never a second duty. A duty with
// the year's target is skipped as before; a per-person duty keeps its
// group.
func TestReviewRenew(t *testing.T) {
	kept := []Kept{
		{ID: 1, Title: "组织科室政治理论学习", Category: model.Study, Cadence: model.Month, Min: 1},
		{ID: 2, Title: "参加党课", Category: model.Lesson, Cadence: model.Quarter, Min: 1},
		{ID: 3, Title: "参加党小组会", Category: model.Meeting, Cadence: model.Month, Min: 1, InYear: true},
		{ID: 4, Title: "与科室党员干部谈心谈话", Category: model.Talk, Cadence: model.Year, Min: 1, Each: "科室干部"},
	}
	tests := []struct {
		c         Candidate
		id        int64
		renew, on bool
		title     string // what taking it names
		cad       model.Cadence
		min       int
		each      string
	}{
		{Candidate{Title: "组织科室干部开展政治理论学习", Category: model.Study, Cadence: model.Month, Min: 1}, 1, true, true, "组织科室政治理论学习", model.Month, 1, ""},
		{Candidate{Title: "参加支部党课", Category: model.Lesson, Cadence: model.Quarter, Min: 2}, 2, true, true, "参加党课", model.Quarter, 2, ""},
		{Candidate{Title: "参加党小组会", Category: model.Meeting, Cadence: model.Month, Min: 1}, 3, false, false, "参加党小组会", model.Month, 1, ""},
		{Candidate{Title: "与科室党员干部谈心谈话", Category: model.Talk, Cadence: model.Year, Min: 3}, 4, true, true, "与科室党员干部谈心谈话", model.Year, 1, "科室干部"},
		{Candidate{Title: "开展廉政风险点排查", Category: model.Other, Cadence: model.Year, Min: 1}, 0, false, true, "开展廉政风险点排查", model.Year, 1, ""},
	}
	var cs []Candidate
	for _, tt := range tests {
		cs = append(cs, tt.c)
	}
	for i, r := range ReviewAll(cs, kept, "") {
		tt := tests[i]
		if r.Kept.ID != tt.id || r.Exists != (tt.id != 0) || r.Renew != tt.renew || r.On != tt.on {
			t.Errorf("%s: kept %d exists %v renew %v on %v, want kept %d renew %v on %v", tt.c.Title, r.Kept.ID, r.Exists, r.Renew, r.On, tt.id, tt.renew, tt.on)
		}
		if !tt.on {
			continue
		}
		d, tg := r.Duty(), r.Target(2027)
		if d.Title != tt.title || tg.Year != 2027 || tg.Cadence != tt.cad || tg.Min != tt.min || tg.Each != tt.each {
			t.Errorf("%s: taking it writes %q %+v, want %q %s %d %q", tt.c.Title, d.Title, tg, tt.title, tt.cad, tt.min, tt.each)
		}
	}
}

// Two candidates of one title, from two sentences, are one duty in the
// ledger: the later starts unticked, naming the earlier's line, unless it
// is itself a kept duty.
func TestReviewTwins(t *testing.T) {
	kept := []Kept{{ID: 1, Title: "参加党课", Category: model.Lesson, Cadence: model.Quarter, Min: 1, InYear: true}}
	cs := []Candidate{
		{Title: "组织政治理论学习", Category: model.Study, Cadence: model.Month, Min: 1, Line: 2},
		{Title: "参加党课", Category: model.Lesson, Cadence: model.Quarter, Min: 1, Line: 3},
		{Title: "组织政治理论学习", Category: model.Study, Cadence: model.Year, Min: 15, Line: 4},
		{Title: "參加黨課", Category: model.Lesson, Cadence: model.Year, Min: 4, Line: 5},
		{Title: "组织警示教育", Category: model.Education, Cadence: model.Year, Min: 1, Line: 6},
	}
	want := []struct {
		twin int
		on   bool
	}{{0, true}, {0, false}, {2, false}, {3, false}, {0, true}}
	for i, r := range ReviewAll(cs, kept, "") {
		if r.Twin != want[i].twin || r.On != want[i].on {
			t.Errorf("%d %s: twin %d on %v, want %d %v", cs[i].Line, cs[i].Title, r.Twin, r.On, want[i].twin, want[i].on)
		}
	}
}

// A per-person talk matches the ledger's per-person talk in other words,
// and the kept duties offered for a merge come likeliest first.
func TestPerPersonMatchAndRank(t *testing.T) {
	var kept []Kept
	for i, d := range model.Templates[0].Duties {
		kept = append(kept, Kept{ID: int64(i + 1), Title: d.Title[0], Category: d.Category, Cadence: d.Cadence, Min: d.Min, Each: d.Each[0]})
	}
	cs := Extract("一、科长每年与科室每名干部谈心谈话不少于1次。\n二、每月组织科室干部开展1次政治理论学习。\n三、每年与班子成员谈心谈话不少于1次。")
	if len(cs) != 3 {
		t.Fatalf("%+v", cs)
	}
	fs := MatchAll(cs, kept)
	if !fs[0].OK || fs[0].Kept.Title != "与科室党员干部谈心谈话" || fs[0].Kept.Each == "" {
		t.Errorf("the per-person talk matched %+v", fs[0])
	}
	if !fs[1].OK || fs[1].Kept.Title != "组织科室政治理论学习" {
		t.Errorf("the study matched %+v", fs[1])
	}
	if fs[2].OK {
		t.Errorf("a talk in all matched %+v", fs[2])
	}
	// a yearly total of the monthly study offered the monthly duty first,
	// not behind the yearly ones
	yearly := Candidate{Title: "组织科室干部开展政治理论学习", Category: model.Study, Cadence: model.Year, Min: 12}
	for i, c := range []Candidate{cs[0], cs[1], yearly} {
		want := []string{"与科室党员干部谈心谈话", "组织科室政治理论学习", "组织科室政治理论学习"}[i]
		if r := Rank(c, kept); r[0].Title != want {
			t.Errorf("merge choices for %s start %s, %s…", c.Title, r[0].Title, r[1].Title)
		}
	}
}

// What taking a per-person candidate writes: per person of the plan's
// group when new, of the ledger's group when kept per person, and the
// ledger's latest target whole when the two read the duty differently.
func TestPerPersonTarget(t *testing.T) {
	each := Kept{ID: 1, Title: "与科室党员干部谈心谈话", Category: model.Talk, Cadence: model.Year, Min: 1, Each: "科室干部"}
	all := Kept{ID: 2, Title: "与科室干部谈话", Category: model.Talk, Cadence: model.Year, Min: 10}
	tests := []struct {
		r    Review
		want model.Target
	}{
		{Review{Candidate: Candidate{Cadence: model.Year, Min: 1, Each: "科室干部"}}, model.Target{Year: 2027, Cadence: model.Year, Min: 1, Each: "科室干部"}},
		{Review{Candidate: Candidate{Cadence: model.Week, Min: 1, Each: "科室干部"}}, model.Target{Year: 2027, Cadence: model.Week, Min: 1}},
		{Review{Candidate: Candidate{Cadence: model.Half, Min: 1, Each: "干部"}, Kept: each, Exists: true, Renew: true}, model.Target{Year: 2027, Cadence: model.Half, Min: 1, Each: "科室干部"}},
		{Review{Candidate: Candidate{Cadence: model.Year, Min: 12}, Kept: each, Exists: true, Renew: true}, model.Target{Year: 2027, Cadence: model.Year, Min: 1, Each: "科室干部"}},
		{Review{Candidate: Candidate{Cadence: model.Year, Min: 1, Each: "科室干部"}, Kept: all, Exists: true, Renew: true}, model.Target{Year: 2027, Cadence: model.Year, Min: 10}},
		{Review{Candidate: Candidate{Cadence: model.Year, Min: 12}, Kept: all, Exists: true, Renew: true}, model.Target{Year: 2027, Cadence: model.Year, Min: 12}},
	}
	for i, tt := range tests {
		if got := tt.r.Target(2027); got != tt.want {
			t.Errorf("%d: %+v, want %+v", i, got, tt.want)
		}
	}
}
