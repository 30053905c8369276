package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/model"
)

// Roster benchmark sizes: a bureau's whole roster and a year of talks.
const (
	benchPeople = 300
	benchTalks  = 4000
)

// rosterLedger is the benchmark ledger (BenchSize) with a roster of 300
// people in three groups (some joining or leaving during the year, two
// pairs sharing a name), four per-person duties on them and 4 000 talk
// records naming one to three people each (one in twenty names someone
// not on the roster), cached beside the demo ledger.
func rosterLedger(b *testing.B) string {
	b.Helper()
	src := benchLedger(b)
	path := strings.TrimSuffix(src, ".db") + fmt.Sprintf("-roster%d-%d.db", benchPeople, benchTalks)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := filepath.Join(b.TempDir(), "roster.db")
	s, err := Open(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Backup(ctx, tmp); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if s, err = Open(tmp); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Load(ctx, rosterDump(), benchToday); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := copyLedgerFile(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func copyLedgerFile(from, to string) error {
	raw, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.WriteFile(to+".building", raw, 0o600); err != nil {
		return err
	}
	return os.Rename(to+".building", to)
}

// rosterDump is the roster, the per-person duties and their talks.
func rosterDump() Dump {
	rng := rand.New(rand.NewPCG(13, 300))
	var d Dump
	r := &d.Roster
	r.Groups = []string{"科室干部", "分管科室负责人", "党员"}
	labels := map[string][]string{}
	for i := range benchPeople {
		p := model.Person{ID: int64(i + 1), Name: fmt.Sprintf("干部%03d", i)}
		if i%150 == 7 || i%150 == 8 { // two pairs of the same name
			p.Name, p.Note = fmt.Sprintf("张伟%d", i/150), fmt.Sprintf("第%d科", i)
		}
		r.People = append(r.People, p)
		label := p.Name
		if p.Note != "" {
			label = model.Disambiguated(p.Name, p.Note)
		}
		join := func(g string, from, to model.Date) {
			r.Members = append(r.Members, model.Membership{PersonID: p.ID, Group: g, From: from, To: to})
			labels[g] = append(labels[g], label)
		}
		switch {
		case i < 200:
			join("科室干部", 0, 0)
		default:
			join("分管科室负责人", 0, 0)
		}
		switch i % 10 {
		case 3:
			join("党员", model.NewDate(2026, 7, 1), 0)
		case 4:
			join("党员", 0, model.NewDate(2026, 5, 31))
		default:
			join("党员", 0, 0)
		}
	}
	duties := []struct {
		title   string
		cadence model.Cadence
		group   string
	}{
		{"与科室干部谈心谈话", model.Year, "科室干部"},
		{"与分管科室负责人提醒谈话", model.Year, "分管科室负责人"},
		{"与党员谈心谈话", model.Half, "党员"},
		{"与分管科室负责人月度谈话", model.Month, "分管科室负责人"},
	}
	start := model.NewDate(2026, 1, 1)
	days := int(benchToday - start)
	for k, dt := range duties {
		dd := DumpDuty{Duty: model.Duty{Title: dt.title, Category: model.Talk},
			Targets: []model.Target{{Year: 2026, Cadence: dt.cadence, Min: 1, Each: dt.group}}}
		for j := range benchTalks / len(duties) {
			names := labels[dt.group]
			var with []string
			for range 1 + rng.IntN(3) {
				with = append(with, names[rng.IntN(len(names))])
			}
			if rng.IntN(20) == 0 {
				with = append(with, "外单位老刘")
			}
			dd.Records = append(dd.Records, model.Record{ID: int64(k*benchTalks + j + 1), Date: start + model.Date(rng.IntN(days+1)),
				Topic: "谈话", With: strings.Join(with, "、")})
		}
		d.Duties = append(d.Duties, dd)
	}
	return d
}

// BenchmarkYearStatusRoster evaluates this year on the roster ledger:
// BenchmarkYearStatus's ledger plus four per-person duties on 300 people
// and 4 000 talks.
func BenchmarkYearStatusRoster(b *testing.B) {
	s, err := Open(rosterLedger(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ys, err := s.YearStatus(ctx, 2026, benchToday)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, dy := range ys.Duties {
		if dy.Coverage != nil {
			n++
			if len(dy.Coverage.Required) < 50 {
				b.Fatalf("%s: %d required", dy.Duty.Title, len(dy.Coverage.Required))
			}
		}
	}
	if n != 4 {
		b.Fatalf("%d per-person duties, want 4", n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.YearStatus(ctx, 2026, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}
