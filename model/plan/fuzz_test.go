package plan

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"taizhang/model"
)

// FuzzExtract: no text makes Extract panic or hang, every string it returns
// is already clean, and every candidate is a valid duty. The seeds in
// testdata/fuzz/FuzzExtract are sample sentences and the edge cases of
// the grammar.
func FuzzExtract(f *testing.F) {
	f.Add("每年组织6次以上中心组集体学习活动，每月开展1次会前集中学法。")
	f.Add("年中和年终向市委专题报告履行主体责任情况各1次。")
	// headings and items, wraps, table columns, days in the period, periods
	// without 每 and periods no cadence states
	f.Add("一、　全年党组研究党风廉政建设工作不少于2次，年中和年终报告情况各1次。\n（二）会前学法。每月1次。\n2.1.1 每半年听取1次汇报。")
	f.Add("一、乡党委每半年专题研究一次\n网络意识形态工作，每季度听\n取一次网信工作情况汇报。\n二、每月开展不少于2次网络舆\n情分析研判，形成研判报告报\n乡党委。")
	f.Add("5       报送廉政风险防控台账      每月25日前\n6\t常委会议\t每季度\t\t办公室")
	f.Add("每季度最后一个月25日前报送，两个月召开一次，每日1次，每两年1次，每旬1次，每周五下午开展不少于30分钟的学习，其中专题研讨4期。")
	// a UTF-16 mark, whole and cut short
	// a talk with each of a group, a cadence and its yearly total
	f.Add("科长每年与科室每名干部谈心谈话不少于1次。每月组织1次政治理论学习，全年不少于15次。")
	f.Add("\xff\xfe\xcf\x6b\x08\x67\x31\x00\x21\x6b")
	f.Add("\xfe\xff\x6b\xcf\x67")
	f.Fuzz(func(t *testing.T, s string) {
		checkDoc(t, s, Analyze(s))
		if text, err := Decode([]byte(s)); err == nil {
			checkDoc(t, text, Analyze(text))
		} else if _, ok := model.AsInput(err); !ok {
			t.Fatalf("Decode error %v is not an input error", err)
		}
	})
}

func checkDoc(t *testing.T, s string, d Document) {
	t.Helper()
	if d.Kind != KindPlan && d.Kind != KindReport {
		t.Fatalf("kind %q", d.Kind)
	}
	lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
	for _, c := range d.Candidates {
		for _, v := range []string{c.Title, c.Basis} {
			if model.Clean(v) != v || model.CleanLine(v) != v || !utf8.ValidString(v) {
				t.Fatalf("not clean: %q", v)
			}
		}
		n := utf8.RuneCountInString(c.Title)
		switch {
		case n == 0 || n > model.MaxTitle:
			t.Fatalf("title of %d characters: %q", n, c.Title)
		case utf8.RuneCountInString(c.Basis) > model.MaxText:
			t.Fatalf("basis too long: %d", utf8.RuneCountInString(c.Basis))
		case !c.Cadence.Valid() || !c.Category.Valid():
			t.Fatalf("cadence %q category %q", c.Cadence, c.Category)
		case c.Min < 1 || c.Min > model.MaxMin:
			t.Fatalf("min %d", c.Min)
		case c.Line < 1 || c.Line > lines:
			t.Fatalf("line %d of %d", c.Line, lines)
		}
		if c.Each != "" {
			if g, err := model.CheckGroup(c.Each); err != nil || g != c.Each || c.Category != model.Talk || c.Cadence == model.Week {
				t.Fatalf("each %q of a %s %s duty: %v", c.Each, c.Category, c.Cadence, err)
			}
		}
		if c.Also.Min != 0 && (!c.Also.Cadence.Valid() || c.Also.Min < 1 || c.Also.Min > model.MaxMin) {
			t.Fatalf("also %+v", c.Also)
		}
		if err := (model.Target{Year: 2026, Cadence: c.Cadence, Min: c.Min}).Check(); err != nil {
			t.Fatalf("target: %v", err)
		}
		duty := model.Duty{Title: c.Title, Category: c.Category, Basis: c.Basis}
		if err := duty.Normalize(); err != nil || duty.Title != c.Title {
			t.Fatalf("duty %q: %v", c.Title, err)
		}
	}
}

// Big texts of every shape finish; the benchmark below says how fast.
// A quadratic path would make this test crawl rather than fail.
func TestLargeTexts(t *testing.T) {
	for name, text := range bigTexts(256 << 10) {
		checkDoc(t, text, Analyze(text))
		_ = name
	}
}

// BenchmarkExtract1MB extracts from 1 MB of text of several shapes: a
// realistic plan, arbitrary runes, arbitrary bytes, one clause with no
// punctuation and a count every few characters, numerals and quotes.
func BenchmarkExtract1MB(b *testing.B) {
	for name, text := range bigTexts(1 << 20) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(text)
			}
		})
	}
}

// bigTexts builds texts of about n bytes each, from one seeded generator.
func bigTexts(n int) map[string]string {
	rng := rand.New(rand.NewPCG(7, 11))
	plan := []string{
		"全年党组研究党风廉政建设工作不少于2次，年中和年终向市委专题报告履行主体责任情况各1次。",
		"党组主要负责人全年与班子成员提醒谈话不少于1次、对全体干部职工提醒谈话不少于1次，讲廉政党课不少于1次。",
		"坚决做到“两个维护”，对标对表抓好市委四届九次全会精神贯彻落实。",
		"每季度听取一次分管科室工作汇报，按月统计报送行政执法数据，每次不少于30分钟。",
		"全年共组织学法12次，累计开展“法律进社区”活动32场次。",
		"支部黨員大會每季度召開一次，支委會每月召開一次。",
		"（一）加强组织领导。", "\n", "\n\n",
	}
	var b strings.Builder
	texts := map[string]string{}
	for b.Len() < n {
		b.WriteString(plan[rng.IntN(len(plan))])
	}
	texts["plan"] = b.String()

	b.Reset()
	alphabet := []rune("每年月季度半周全不少于至以上各次个篇条场两十一二三四五六七八九0123456789“”（）《》、，。；：\n 学法谈话党课会议调研报告累计共第届中")
	for b.Len() < n {
		if rng.IntN(4) == 0 {
			b.WriteRune(rune(rng.IntN(0x10000)))
		} else {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
	}
	texts["runes"] = b.String()

	raw := make([]byte, n)
	for i := range raw {
		raw[i] = byte(rng.Uint32())
	}
	texts["bytes"] = string(raw)

	texts["one-clause"] = strings.Repeat("每月开展1次会前学法不少于2次以上各3篇", n/60)
	texts["numerals"] = strings.Repeat("一二三四五六七八九十百千万次两个“十二场", n/60)
	texts["quotes"] = strings.Repeat("“（《每年1次", n/20)
	texts["no-breaks"] = strings.Repeat("党组研究党风廉政建设工作", n/36) + "不少于2次"
	return texts
}
