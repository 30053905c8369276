package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// staff is a roster of 科室干部 and 分管科室负责人 used across the tests:
// 张三 since always, 李四 joined 1 July, 王五 joined 1 October, 赵六 left
// on 31 May, two 张伟 told apart by their sections, and 钱七 in both groups.
func staff() Roster {
	r := Roster{
		People: []Person{
			{ID: 1, Name: "张三"}, {ID: 2, Name: "李四"}, {ID: 3, Name: "王五"}, {ID: 4, Name: "赵六"},
			{ID: 5, Name: "张伟", Note: "财务科"}, {ID: 6, Name: "张伟", Note: "办公室"}, {ID: 7, Name: "钱七", Note: "办公室主任"},
		},
		Groups: []string{"科室干部", "分管科室负责人"},
	}
	g := "科室干部"
	r.Members = []Membership{
		{PersonID: 1, Group: g},
		{PersonID: 2, Group: g, From: d("2026-07-01")},
		{PersonID: 3, Group: g, From: d("2026-10-01")},
		{PersonID: 4, Group: g, To: d("2026-05-31")},
		{PersonID: 5, Group: g},
		{PersonID: 6, Group: g},
		{PersonID: 7, Group: g},
		{PersonID: 7, Group: "分管科室负责人"},
	}
	return r
}

func talks(r Roster, recs ...[2]string) []NamedRecord {
	var out []NamedRecord
	for _, x := range recs {
		out = append(out, r.TalkOf(d(x[0]), PeriodRef{}, x[1]))
	}
	return out
}

func TestPerPersonCoverage(t *testing.T) {
	r := staff()
	yearly := Target{Year: 2026, Cadence: Year, Min: 1, Each: "科室干部"}
	tests := []struct {
		name      string
		target    Target
		group     string
		talks     [][2]string
		at        Moment
		required  []string // labels, in roster order
		missing   []string
		credited  int
		need      int
		times     int
		outside   []string
		state     PeriodState
		count     int
		wantDone  bool
		wantGroup string
	}{
		{
			name: "joined in July is required, in October is not, left in May is not", target: yearly,
			at:       CloseOf(d("2026-12-31")),
			required: []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			missing:  []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			need:     5, state: Missed,
		},
		{
			name: "everyone required talked to once: met, and 王五 and 赵六 are not needed", target: yearly,
			talks:    [][2]string{{"2026-03-01", "张三、张伟（财务科）"}, {"2026-08-01", "李四，张伟(办公室)"}, {"2026-09-01", "钱七"}},
			at:       CloseOf(d("2026-12-31")),
			required: []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			credited: 5, need: 5, times: 5, state: Met, count: 3, wantDone: true,
		},
		{
			name: "the same person three times counts once", target: yearly,
			talks:    [][2]string{{"2026-03-01", "张三"}, {"2026-04-01", "张三"}, {"2026-05-01", "张三"}},
			at:       Now(d("2026-06-15")),
			required: []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			missing:  []string{"李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			credited: 1, need: 5, times: 3, state: Open, count: 3,
		},
		{
			name: "a bare name two people share is kept as written and covers nobody", target: yearly,
			talks:    [][2]string{{"2026-03-01", "张伟、外单位老刘"}},
			at:       Now(d("2026-06-15")),
			required: []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			missing:  []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			need:     5, times: 2, outside: []string{"张伟", "外单位老刘"}, state: Open, count: 1,
		},
		{
			name:     "a person in two groups counts in each group's duty",
			target:   Target{Year: 2026, Cadence: Year, Min: 1, Each: "分管科室负责人"},
			talks:    [][2]string{{"2026-03-01", "钱七、张三"}},
			at:       Now(d("2026-06-15")),
			required: []string{"钱七"},
			credited: 1, need: 1, times: 2, outside: []string{"张三"}, state: Met, count: 1, wantDone: true,
		},
		{
			name:     "half-yearly: 李四 joins for the second half only; 赵六 is needed in the first",
			target:   Target{Year: 2026, Cadence: Half, Min: 1, Each: "科室干部"},
			talks:    [][2]string{{"2026-03-01", "张三、赵六、张伟（财务科）、张伟（办公室）、钱七"}},
			at:       Now(d("2026-05-15")),
			required: []string{"张三", "赵六", "张伟（财务科）", "张伟（办公室）", "钱七"},
			credited: 5, need: 5, times: 5, state: Met, count: 1, wantDone: true,
		},
		{
			name: "before the year begins, the first period's people are shown", target: yearly,
			at:       Now(d("2025-12-01")),
			required: []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			missing:  []string{"张三", "李四", "张伟（财务科）", "张伟（办公室）", "钱七"},
			need:     5, state: Upcoming,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := Tracked{Target: tc.target, Group: r.GroupMembers(tc.target.Each), Talks: talks(r, tc.talks...)}
			dy := Evaluate(tr, tc.at)
			c := dy.Coverage
			if c == nil {
				t.Fatal("no coverage for a per-person duty")
			}
			var req []string
			for _, p := range c.Required {
				req = append(req, p.Label)
			}
			if !reflect.DeepEqual(req, tc.required) {
				t.Errorf("required = %v, want %v", req, tc.required)
			}
			if !reflect.DeepEqual(c.Missing, tc.missing) {
				t.Errorf("missing = %v, want %v", c.Missing, tc.missing)
			}
			p := dy.Periods[0]
			if p.Credit != tc.credited || p.Need != tc.need || p.State != tc.state || p.Count != tc.count {
				t.Errorf("first period = credit %d need %d %s count %d, want %d %d %s %d", p.Credit, p.Need, p.State, p.Count, tc.credited, tc.need, tc.state, tc.count)
			}
			if c.Times != tc.times {
				t.Errorf("人次 = %d, want %d", c.Times, tc.times)
			}
			if !reflect.DeepEqual(c.Outside, tc.outside) {
				t.Errorf("outside = %v, want %v", c.Outside, tc.outside)
			}
			if got := c.Covered() == len(c.Required) && len(c.Required) > 0; got != tc.wantDone {
				t.Errorf("full coverage = %v, want %v", got, tc.wantDone)
			}
		})
	}
}

func TestPerPersonYearFigures(t *testing.T) {
	r := staff()
	tr := Tracked{Target: Target{Year: 2026, Cadence: Year, Min: 2, Each: "科室干部"}, Group: r.GroupMembers("科室干部"),
		Talks: talks(r, [2]string{"2026-02-01", "张三"}, [2]string{"2026-03-01", "张三"}, [2]string{"2026-04-01", "张三"},
			[2]string{"2026-05-01", "李四、钱七"})}
	dy := Evaluate(tr, CloseOf(d("2026-12-31")))
	// Five people at 2 each: 10 required; 张三 2 (not 3), 李四 1, 钱七 1.
	if dy.Required != 10 || dy.Credited != 4 || dy.Verdict != VerdictMissed || dy.Done != 4 {
		t.Errorf("year = %d/%d %s done %d, want 4/10 missed done 4", dy.Credited, dy.Required, dy.Verdict, dy.Done)
	}
	if got := dy.Coverage.Ratio(Chinese); got != "1/5人" {
		t.Errorf("ratio = %q, want 1/5人", got)
	}
	// Mid-year, behind the pace: 10 × 183/365 = 5 due by 2 July.
	mid := Evaluate(tr, Now(d("2026-07-02")))
	if mid.Status != Behind || mid.Owed() != 6 {
		t.Errorf("mid-year = %s owed %d, want behind owed 6", mid.Status, mid.Owed())
	}
}

func TestPerPersonEmptyGroupRequiresNothing(t *testing.T) {
	dy := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Year, Min: 1, Each: "科室干部"}}, Now(d("2026-06-01")))
	if dy.Required != 0 || dy.Periods[0].State != Exempt || dy.Coverage == nil || len(dy.Coverage.Required) != 0 {
		t.Errorf("empty group = %+v", dy)
	}
	// The empty roster shows as such, never as 0/0 (a duty not begun).
	for lang, want := range map[Lang]string{Chinese: "名单未填", English: "no people"} {
		if !dy.Coverage.Unfilled || dy.Progress(lang) != want {
			t.Errorf("%s: progress of an empty group = %q (unfilled %v), want %q", lang, dy.Progress(lang), dy.Coverage.Unfilled, want)
		}
	}
	// Someone in the group, though not required this year (joined on 20
	// December), is a roster filled in: 0/0人.
	late := Member{ID: 1, Label: "张三", Spans: []Membership{{PersonID: 1, Group: "科室干部", From: d("2026-12-20")}}}
	dy = Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Year, Min: 1, Each: "科室干部"}, Group: []Member{late}}, Now(d("2026-06-01")))
	if dy.Coverage.Unfilled || dy.Progress(Chinese) != "0/0人" {
		t.Errorf("a member joining in December: %q, unfilled %v", dy.Progress(Chinese), dy.Coverage.Unfilled)
	}
}

func TestPerPersonCredit(t *testing.T) {
	// A talk on 8 January given for last year's second half counts there.
	r := staff()
	tk := r.TalkOf(d("2027-01-08"), PeriodRef{Year: 2026, Cadence: Half, Index: 1}, "李四")
	tr := Tracked{Target: Target{Year: 2026, Cadence: Half, Min: 1, Each: "科室干部"}, Group: r.GroupMembers("科室干部"), Talks: []NamedRecord{tk}}
	dy := Evaluate(tr, CloseOf(d("2027-01-31")))
	if p := dy.Periods[1]; p.Count != 1 || p.Credit != 1 {
		t.Errorf("H2 = %+v, want the credited talk", p)
	}
}

func TestRosterMatch(t *testing.T) {
	r := staff()
	tests := []struct {
		name string
		id   int64
		ok   bool
	}{
		{"张三", 1, true}, {" 张三 ", 1, true}, {"张伟", 0, false}, {"张伟（财务科）", 5, true}, {"张伟(办公室)", 6, true},
		{"钱七", 7, true}, {"钱七（办公室主任）", 7, true}, {"张", 0, false}, {"", 0, false},
	}
	for _, tc := range tests {
		p, ok := r.Match(tc.name)
		if ok != tc.ok || ok && p.ID != tc.id {
			t.Errorf("Match(%q) = %d %v, want %d %v", tc.name, p.ID, ok, tc.id, tc.ok)
		}
	}
	if got := r.Label(Person{ID: 7, Name: "钱七", Note: "办公室主任"}); got != "钱七" {
		t.Errorf("a note on a unique name is not part of the label: %q", got)
	}
	ids, unknown := r.Resolve("张三、张伟、张三、老刘")
	if !reflect.DeepEqual(ids, []int64{1}) || !reflect.DeepEqual(unknown, []string{"张伟", "老刘"}) {
		t.Errorf("Resolve = %v %v", ids, unknown)
	}
	if _, err := r.Find("张伟"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Find(张伟) = %v, want ambiguous", err)
	}
	if _, err := r.Find("孙八"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find(孙八) = %v, want not found", err)
	}
}

func TestNormalizePerson(t *testing.T) {
	r := staff()
	tests := []struct {
		name string
		p    Person
		err  string // the kind and its arguments, as the error describes them; "" for none
	}{
		{"new", Person{Name: "孙八"}, ""},
		{"empty", Person{Name: "  "}, "NameEmpty"},
		{"taken", Person{Name: "张三"}, "NameTaken: 张三, 张三"},
		{"taken with its note", Person{Name: "张伟", Note: "财务科"}, "NameNoteTaken: 张伟（财务科）"},
		{"a third 张伟 with a note", Person{Name: "张伟", Note: "人事科"}, ""},
		{"same name, no note, where the others have one", Person{Name: "张伟"}, "NameNeedsNote: 张伟（财务科）, 张伟"},
		{"same name as one without a note", Person{Name: "张三", Note: "新来的"}, "NameTakenNoNote: 张三"},
		{"editing oneself", Person{ID: 1, Name: "张三", Note: "科员"}, ""},
		{"two names", Person{Name: "张三、李四"}, "NameSeparators"},
		{"a space", Person{Name: "Li Wei"}, "NameSeparators"},
		{"too long", Person{Name: strings.Repeat("名", 51)}, "TooLong: FieldName, 50"},
		{"ascii brackets", Person{Name: "王(一)"}, ""},
		{"the note in brackets, another note given", Person{Name: "李四（办公室）", Note: "财务科"}, "NameBracket: 办公室, 财务科"},
		{"the note in brackets of a taken name", Person{Name: "张伟(财务科)"}, "NameNoteTaken: 张伟（财务科）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			err := r.NormalizePerson(&p)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			ie, ok := AsInput(err)
			if !ok || !strings.HasPrefix(ie.Error(), tc.err) {
				t.Fatalf("error = %v, want one saying %q", err, tc.err)
			}
		})
	}
}

func TestCheckLeaveAndEach(t *testing.T) {
	r := staff()
	if _, err := CheckLeave("李四", r.GroupsOf(2), "科室干部", d("2026-06-30")); !errors.Is(err, ErrLeaveEarly) {
		t.Errorf("leave before join = %v", err)
	}
	if m, err := CheckLeave("李四", r.GroupsOf(2), "科室干部", d("2026-07-01")); err != nil || m.PersonID != 2 {
		t.Errorf("leave on the join day = %v %v", m, err)
	}
	if _, err := CheckLeave("赵六", r.GroupsOf(4), "科室干部", d("2026-07-01")); !errors.Is(err, ErrNotAMember) {
		t.Errorf("leave twice = %v", err)
	}
	if err := r.CheckEach(Target{Cadence: Year, Each: "党员"}); !errors.Is(err, ErrNoGroup) {
		t.Errorf("unknown group = %v", err)
	}
	if err := r.CheckEach(Target{Cadence: Week, Each: "科室干部"}); !errors.Is(err, ErrEachCadence) {
		t.Errorf("weekly per person = %v", err)
	}
	if err := r.CheckEach(Target{Cadence: Month, Each: "科室干部"}); err != nil {
		t.Errorf("monthly per person = %v", err)
	}
}

func TestMembershipCovers(t *testing.T) {
	y := Periods(Year, 2026)[0]
	tests := []struct {
		m    Membership
		want bool
	}{
		{Membership{}, true},
		{Membership{From: d("2026-07-01")}, true},  // 184 of 365 days
		{Membership{From: d("2026-07-03")}, false}, // 182 of 365
		{Membership{From: d("2026-10-01")}, false},
		{Membership{To: d("2026-05-31")}, false},
		{Membership{To: d("2026-07-02")}, true}, // 183 days
		{Membership{From: d("2025-01-01"), To: d("2025-12-31")}, false},
	}
	for _, tc := range tests {
		if got := (Member{Spans: []Membership{tc.m}}).RequiredIn(y); got != tc.want {
			t.Errorf("%+v required = %v, want %v", tc.m, got, tc.want)
		}
	}
	// Two stays add up: 181 + 92 days of 365.
	two := Member{Spans: []Membership{{To: d("2026-06-30")}, {From: d("2026-10-01")}}}
	if !two.RequiredIn(y) {
		t.Error("two stays covering 273 days are not counted together")
	}
}

func TestCoverageSentences(t *testing.T) {
	r := staff()
	tr := Tracked{Duty: Duty{ID: 1, Title: "与科室干部谈心谈话", Category: Talk},
		Target: Target{Year: 2026, Cadence: Year, Min: 1, Each: "科室干部"}, Group: r.GroupMembers("科室干部")}
	some := talks(r, [2]string{"2026-03-01", "张三"}, [2]string{"2026-04-01", "张三"}, [2]string{"2026-05-01", "张伟（财务科）、钱七"})
	all := append(some, talks(r, [2]string{"2026-08-01", "李四、张伟（办公室）"})...)
	tests := []struct {
		name  string
		talks []NamedRecord
		lang  Lang
		want  string
	}{
		{"everyone", all, Chinese, "人次，覆盖5人，实现全覆盖。"},
		{"some missing", some, Chinese, "4人次，覆盖3人（应覆盖5人），尚未谈话：李四、张伟（办公室）。"},
		{"everyone in English", all, English, "talks (person-times) in 2026, covering 5 people: everyone in 科室干部."},
		{"some missing in English", some, English, "covering 3 of 5 people in 科室干部; not yet talked to: 李四, 张伟（办公室）."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr.Talks = tc.talks
			ys := EvaluateYear(2026, CloseOf(d("2026-12-31")), []Tracked{tr})
			s := BuildSummary(ys, nil, Profile{}, tc.lang)
			if got := s.Duties[0].Paragraph; !strings.Contains(got, tc.want) {
				t.Errorf("paragraph = %q, want it to hold %q", got, tc.want)
			}
		})
	}
}

// Behind pace in a report so far, a per-person duty is said in people:
// how many have had their talk, how many the pace asks for by now, and
// who is still waiting — never a count of talks against a minimum of one.
func TestLaggingInPeople(t *testing.T) {
	r := staff()
	tr := Tracked{Duty: Duty{ID: 1, Title: "与科室干部谈心谈话", Category: Talk},
		Target: Target{Year: 2026, Cadence: Year, Min: 1, Each: "科室干部"}, Group: r.GroupMembers("科室干部"),
		Talks: talks(r, [2]string{"2026-03-01", "张三"}, [2]string{"2026-04-01", "张三"})}
	for _, tc := range []struct {
		lang Lang
		want string
	}{
		{Chinese, "与科室干部谈心谈话：截至9月30日覆盖1人（应覆盖5人），按科室干部每人每年不少于1次的进度此时应覆盖3人，尚未谈话：李四、张伟（财务科）、张伟（办公室）、钱七。"},
		{English, "与科室干部谈心谈话: 1 of 5 people reached by Sep 30, where the pace of "},
	} {
		ys := EvaluateYear(2026, CloseOf(d("2026-09-30")), []Tracked{tr})
		if ys.Duties[0].Now != NowBehind {
			t.Fatalf("the duty is %s, want behind", ys.Duties[0].Now)
		}
		s := BuildSummary(ys, nil, Profile{}, tc.lang)
		if got := lagging(s, s.Duties[0], tc.lang); !strings.Contains(got, tc.want) {
			t.Errorf("lagging = %q, want %q", got, tc.want)
		}
	}
}

// A name typed with its note in brackets (people edit --name 张伟（办公室）)
// is stored as the name and the note, as a list of names would give it.
func TestNormalizePersonSplitsTheNote(t *testing.T) {
	p := Person{Name: " 张伟 (人事科) "}
	if err := staff().NormalizePerson(&p); err != nil || p.Name != "张伟" || p.Note != "人事科" {
		t.Fatalf("got %+v, %v", p, err)
	}
	p = Person{Name: "张伟（人事科）", Note: "人事科"}
	if err := staff().NormalizePerson(&p); err != nil || p.Name != "张伟" || p.Note != "人事科" {
		t.Fatalf("the same note twice: %+v, %v", p, err)
	}
}
