package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNames(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string // labels
		err      error
	}{
		{"one a line", "张三\n李四\r\n王五\n", []string{"张三", "李四", "王五"}, nil},
		{"separators", "张三、李四，王五,赵六；钱七;孙八/郑十一", []string{"张三", "李四", "王五", "赵六", "钱七", "孙八", "郑十一"}, nil},
		{"spaces alone", "孙八 周九　吴十", []string{"孙八", "周九", "吴十"}, nil},
		{"completion's trailing 、", "张三、李四、", []string{"张三", "李四"}, nil},
		{"blank lines and tabs", "\n\n张三\t\t李四\n\n", []string{"张三", "李四"}, nil},
		{"told apart", "张伟（财务科）、张伟(办公室)", []string{"张伟（财务科）", "张伟（办公室）"}, nil},
		{"empty note", "张伟（）", []string{"张伟"}, nil},
		{"a space before the note", "张伟 (财务科)、张伟　（办公室）、王五", []string{"张伟（财务科）", "张伟（办公室）", "王五"}, nil},
		{"a space inside the note", "张伟（财务 科）、李四", []string{"张伟（财务 科）", "李四"}, nil},
		{"a separator inside the note", "张伟（财务科、办公室）", []string{"张伟（财务科、办公室）"}, nil},
		{"spaces between names", "张三 李四 (办公室) 王五", []string{"张三", "李四（办公室）", "王五"}, nil},
		{"a space inside a name of a list", "王芳、欧阳 娜娜", nil, errNameSeparate},
		{"a space inside a name, one a line", "王芳\n欧阳　娜娜\n", nil, errNameSeparate},
		{"English names in a list", "Li Na, Zhou Jie", nil, errNameSeparate},
		{"a space before the note, in a list", "王芳、张伟 (财务科)", []string{"王芳", "张伟（财务科）"}, nil},
		{"empty", "", nil, ErrNoNames},
		{"separators only", " 、，\n;", nil, ErrNoNames},
		{"twice", "张三、李四、张三", nil, ErrNameTwice},
		{"twice with a note", "张伟（财务科）\n张伟(财务科)", nil, ErrNameTwice},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps, err := ParseNames(c.in)
			if !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if err != nil {
				ie, ok := AsInput(err)
				if !ok || ie.Field != "people" || ie.Kind == "" {
					t.Errorf("not a refusal of a kind for the field: %#v", err)
				}
				return
			}
			var got []string
			for _, p := range ps {
				l := p.Name
				if p.Note != "" {
					l = Disambiguated(p.Name, p.Note)
				}
				got = append(got, l)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// A target that starts mid-period (the post start date) counts the period
// from that day: people who joined on the day are required; someone who
// joined in the last weeks is not.
func TestPerPersonFromThePostStart(t *testing.T) {
	g := "科室干部"
	start := d("2026-09-01")
	group := []Member{
		{ID: 1, Label: "张三", Spans: []Membership{{PersonID: 1, Group: g, From: start}}},
		{ID: 2, Label: "李四", Spans: []Membership{{PersonID: 2, Group: g}}},
		{ID: 3, Label: "王五", Spans: []Membership{{PersonID: 3, Group: g, From: d("2026-11-15")}}},
	}
	tr := Tracked{Target: Target{Year: 2026, Cadence: Year, Min: 1, Each: g, Start: start}, Group: group}
	dy := Evaluate(tr, Now(d("2026-11-22")))
	if got := dy.Coverage.Ratio(Chinese); got != "0/2人" || !reflect.DeepEqual(dy.Coverage.Missing, []string{"张三", "李四"}) {
		t.Errorf("coverage from the post start = %s missing %v, want 0/2人 张三、李四", got, dy.Coverage.Missing)
	}
	if dy.Required != 2 {
		t.Errorf("required = %d, want 2", dy.Required)
	}
	// Without a start date the year is the whole year: 张三, from
	// September, is in the group for less than half of it.
	tr.Target.Start = 0
	if got := Evaluate(tr, Now(d("2026-11-22"))).Coverage.Ratio(Chinese); got != "0/1人" {
		t.Errorf("coverage over the whole year = %s, want 0/1人", got)
	}
}

// FuzzParseNames: whatever is typed or pasted, the names read are not
// empty, hold no separator or line break, are given once each, and a
// roster of them resolves its own labels back to every person.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"张三\n李四", "张三、李四、", "张伟（财务科）、张伟(办公室)", "", "、、", "张三、张三", "a（b）（c）", "（）", "张（", "\x1b[31m张三", "张三\u2028李四", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ps, err := ParseNames(in)
		if err != nil {
			if _, ok := AsInput(err); !ok {
				t.Fatalf("%q: not an input error: %v", in, err)
			}
			return
		}
		r := Roster{}
		seen := map[string]bool{}
		var labels []string
		for i, p := range ps {
			if p.Name == "" || !utf8.ValidString(p.Name) || strings.ContainsAny(p.Name, "、，,；; \u3000/\n\r\t") {
				t.Fatalf("%q: bad name %q", in, p.Name)
			}
			p.ID = int64(i + 1)
			r.People = append(r.People, p)
			l := r.Label(p)
			if p.Note != "" {
				l = Disambiguated(p.Name, p.Note)
			}
			if seen[l] {
				t.Fatalf("%q: %q twice", in, l)
			}
			seen[l] = true
			labels = append(labels, l)
		}
		// Only a roster the ledger would accept is resolved back: two
		// people of one name both with notes, notes free of separators.
		for i := range r.People {
			p := r.People[i]
			if err := (Roster{People: r.People[:i]}).NormalizePerson(&p); err != nil || p != r.People[i] {
				return
			}
		}
		for i := range r.People {
			labels[i] = r.Label(r.People[i])
		}
		ids, unknown := r.Resolve(strings.Join(labels, "、"))
		if len(unknown) != 0 || len(ids) != len(r.People) {
			t.Fatalf("%q: resolving %q gave %v, unknown %q", in, labels, ids, unknown)
		}
	})
}

// FuzzResolve: any participants text resolves without panicking into
// people named once each and names kept as written, once each, none
// empty, none holding a separator; a name that resolves is on the roster.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"张三、李四", "张伟", "张伟（财务科）", "张伟(办公室)、张伟（财务科）、张伟", "钱七（办公室主任）", "老刘，外单位", "、、 ,", "张三张三", "（财务科）", "\x00张三", "张伟（财务科"} {
		f.Add(s)
	}
	r := staff()
	idx := r.Index()
	f.Fuzz(func(t *testing.T, with string) {
		for _, name := range append(People(with), with) {
			p, ok := r.Match(name)
			q, ok2 := idx.Match(name)
			if ok != ok2 || (ok && p != q) {
				t.Fatalf("%q: the index matches %v %v, the roster %v %v", name, q, ok2, p, ok)
			}
		}
		ids, unknown := r.Resolve(with)
		seen := map[int64]bool{}
		for _, id := range ids {
			if _, ok := r.Person(id); !ok || seen[id] {
				t.Fatalf("%q: id %d unknown or twice in %v", with, id, ids)
			}
			seen[id] = true
		}
		kept := map[string]bool{}
		for _, n := range unknown {
			// A name kept may hold a separator only inside its note
			// (张伟（财务 科）): read again, it is that one name.
			if again := People(n); n == "" || kept[n] || len(again) != 1 || again[0] != n {
				t.Fatalf("%q: kept name %q bad in %q", with, n, unknown)
			}
			kept[n] = true
			if p, ok := r.Match(n); ok {
				t.Fatalf("%q: %q kept as written though it matches %v", with, n, p)
			}
		}
		// The talk made from the same text names the same people.
		tk := r.TalkOf(d("2026-05-01"), PeriodRef{}, with)
		var linked []int64
		for _, id := range tk.People {
			if id != 0 && !containsID(linked, id) {
				linked = append(linked, id)
			}
		}
		if !reflect.DeepEqual(linked, ids) && !(len(linked) == 0 && len(ids) == 0) {
			t.Fatalf("%q: TalkOf names %v, Resolve %v", with, linked, ids)
		}
	})
}

// Outsiders: who a talk names that counts for nobody in its period.
func TestOutsiders(t *testing.T) {
	r := staff()
	// The period requires 张三 and 赵六 (who left on 05-31 but was in the
	// group long enough for a yearly period).
	p := PeriodResult{People: []PersonCount{{ID: 1}, {ID: 4}}}
	for _, c := range []struct {
		with      string
		day       string
		out, then []string
	}{
		{"张三", "2026-09-01", nil, nil},
		{"路人甲、张三", "2026-09-01", []string{"路人甲"}, nil},
		{"钱七", "2026-09-01", nil, nil},            // in the group that day, though not required
		{"赵六", "2026-09-01", nil, nil},            // gone that day, but required in the period
		{"王五", "2026-09-01", nil, []string{"王五"}}, // joins in October, not required
		{"张伟", "2026-09-01", []string{"张伟"}, nil}, // two of that name: nobody
		{"张伟 (办公室)、李四", "2026-09-01", nil, nil},   // told apart, and in the group since July
		{"李四", "2026-03-01", nil, []string{"李四"}}, // before joining, not required
	} {
		out, then := r.Outsiders("科室干部", p, c.with, d(c.day))
		if !reflect.DeepEqual(out, c.out) || !reflect.DeepEqual(then, c.then) {
			t.Errorf("%s on %s: out %q then %q, want %q %q", c.with, c.day, out, then, c.out, c.then)
		}
	}
}
