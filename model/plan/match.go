package plan

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"taizhang/model"
)

// A plan often restates a duty the ledger already keeps, in other words:
// 与分管科室专题研究党风廉政建设工作 beside 与分管科室专题研究党风廉政建设,
// 述责述廉 beside 年度述职述廉. Two titles say the same thing when their
// distinctive words agree. Words are pairs of characters (Chinese has no
// spaces to find words by); the light words every duty uses (工作, 开展,
// 组织, 参加, 情况 …) and the pairs that straddle them do not count; the
// names of kinds of event (会议, 学习, 汇报 …) count a little; everything
// else counts fully. The score is the weight two titles share over the
// weight of the smaller one, so a short title wholly inside a longer one
// scores high.

// Kept is a duty the ledger keeps, as matching sees it: one with a target
// in the plan's year (InYear), or an active one without, seen through its
// latest target. A plan for next year, read in January before the targets
// are carried, restates the duties kept this year.
type Kept struct {
	ID       int64
	Title    string
	Category model.Category
	Cadence  model.Cadence
	Min      int
	Each     string // the group of a per-person target
	InYear   bool   // the target is the year's, not the latest of another
}

// KeptOf is how matching sees a duty and its target; inYear tells whether
// the target is the plan year's.
func KeptOf(d model.Duty, t model.Target, inYear bool) Kept {
	return Kept{ID: d.ID, Title: d.Title, Category: d.Category, Cadence: t.Cadence, Min: t.Min, Each: t.Each, InYear: inYear}
}

// MatchThreshold is the score from which two titles are taken to name the
// same duty.
const MatchThreshold = 0.6

// Rank orders kept duties by how far their titles say what a candidate's
// does, those of its cadence first among equals: the choices when the
// officer merges a candidate into a duty by hand, the likeliest on top.
func Rank(c Candidate, kept []Kept) []Kept {
	out := append([]Kept(nil), kept...)
	score := make(map[int64]float64, len(out))
	for _, k := range out {
		s := Similarity(c.Title, k.Title)
		if eachAlike(c, k) {
			s = max(s, perPersonThreshold)
		}
		score[k.ID] = s
	}
	sort.SliceStable(out, func(a, b int) bool {
		sa, sb := score[out[a].ID], score[out[b].ID]
		if sa != sb {
			return sa > sb
		}
		return out[a].Cadence == c.Cadence && out[b].Cadence != c.Cadence
	})
	return out
}

// perPersonThreshold is the score from which a talk owed to each person of
// a group and a kept talk owed per person name the same duty: 与科室干部
// 谈心谈话 and 与科室党员干部谈心谈话 both talk with each of a section's
// people, and the officer keeps one such duty a group.
const perPersonThreshold = 0.4

// eachAlike reports a per-person talk candidate and a kept per-person talk.
func eachAlike(c Candidate, k Kept) bool {
	return c.Each != "" && k.Each != "" && c.Category == model.Talk && k.Category == model.Talk
}

// sameKind reports a candidate and a kept duty of agreeing categories:
// equal, or one of them Other (a title the keywords did not place), or
// the kept title placed where the candidate is (the officer may have
// filed it elsewhere).
func sameKind(c Candidate, k Kept) bool {
	kc := categoryOf(k.Title, foldMap())
	return c.Category == k.Category || c.Category == kc || c.Category == model.Other || kc == model.Other
}

// lightWords add nothing to what a duty is.
var lightWords = []string{"工作", "开展", "组织", "参加", "参与", "进行", "召开", "举办", "举行", "落实", "完成",
	"情况", "活动", "年度", "全年", "每年", "每月", "每季度", "定期", "相关", "有关", "专题", "集中", "集体",
	"所在", "认真", "按时", "及时", "主要", "全体", "带头", "亲自", "一次"}

// heavyLight are the light words that are part of a name: 组织生活会 is a
// kind of meeting, not the light verb 组织 before 生活会.
var heavyLight = []string{"组织生活"}

// kindPairs name kinds of event; they count a little.
var kindPairs = map[string]bool{"会议": true, "生活": true, "活会": true, "汇报": true, "报告": true, "学习": true,
	"谈话": true, "教育": true, "建设": true, "检查": true, "研究": true, "党员": true, "干部": true, "职工": true,
	"科室": true, "成员": true, "班子": true, "领导": true, "党组": true, "支部": true, "分管": true, "负责": true, "责人": true}

// synonyms are the names one duty goes by, folded to one before scoring.
var synonyms = [][2]string{
	{"述职述责述廉", "述职述廉"}, {"述责述廉", "述职述廉"}, {"述廉述职", "述职述廉"},
	{"调查研究", "调研"}, {"上党课", "讲党课"}, {"授党课", "讲党课"},
	{"理论学习中心组", "中心组"}, {"党组中心组", "中心组"}, {"谈心谈话", "谈心"},
	{"党风廉政建设", "党风廉政"}, {"廉政风险点", "廉政风险"}, {"主题党日活动", "主题党日"},
}

const kindWeight = 0.3

// actorPenalty scales the score of two titles of which one opens with a
// body acting as a whole (党组, 党委, 支部) and the other does not.
const actorPenalty = 0.85

// collective reports a title opening with a body that acts as a whole.
func collective(title string) bool {
	rs := []rune(title)
	if len(rs) > 0 {
		rs[0] = fold(rs[0], foldMap())
	}
	if len(rs) > 1 {
		rs[1] = fold(rs[1], foldMap())
	}
	for _, w := range []string{"党组", "党委", "党工委", "支部", "党支部"} {
		if hasAt(rs, 0, w) {
			return true
		}
	}
	return false
}

// Similarity scores how far two titles say the same thing, from 0 to 1.
func Similarity(a, b string) float64 {
	pa, pb := pairs(a), pairs(b)
	wa, wb, shared := 0.0, 0.0, 0.0
	for p, w := range pa {
		wa += w
		if _, ok := pb[p]; ok {
			shared += w
		}
	}
	for _, w := range pb {
		wb += w
	}
	if wa == 0 || wb == 0 {
		return 0
	}
	score := shared / math.Sqrt(wa*wb)
	if collective(a) != collective(b) {
		// 党组研究党风廉政建设工作 is the Party group's act, 与分管科室专题研究
		// 党风廉政建设 a member's: the same words, another doer
		score *= actorPenalty
	}
	// rounded, so that the order the weights were summed in never shows
	return math.Round(score*1e6) / 1e6
}

// pairs returns a title's pairs of characters with their weights.
func pairs(title string) map[string]float64 {
	var f strings.Builder
	for _, r := range title {
		f.WriteRune(fold(r, foldMap()))
	}
	s := f.String()
	for _, syn := range synonyms {
		s = strings.ReplaceAll(s, syn[0], syn[1])
	}
	rs := []rune(s)
	light := make([]bool, len(rs))
	named := make([]bool, len(rs)) // inside a name that holds a light word
	for i := range rs {
		for _, w := range heavyLight {
			if hasAt(rs, i, w) {
				for k := i; k < i+runeLen(w); k++ {
					named[k] = true
				}
			}
		}
	}
	for i := range rs {
		for _, w := range lightWords {
			if hasAt(rs, i, w) {
				for k := i; k < i+runeLen(w); k++ {
					light[k] = !named[k]
				}
			}
		}
	}
	out := map[string]float64{}
	for i := 0; i+1 < len(rs); i++ {
		if light[i] || light[i+1] || !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		p := string(rs[i : i+2])
		w := 1.0
		if kindPairs[p] {
			w = kindWeight
		}
		out[p] = max(out[p], w)
	}
	return out
}

// Found pairs a candidate with the kept duty it restates.
type Found struct {
	Kept  Kept
	Score float64
	OK    bool
}

// MatchAll matches each candidate with a kept duty, each kept duty with
// one candidate at most: the pairs are taken best first, so a plan's
// 党组研究党风廉政建设工作 does not take the place of its own 与分管科室专题研究
// 党风廉政建设工作, which says the kept duty's words. A candidate with a kept
// duty's very title is that duty whatever its cadence: the ledger holds
// one duty of a title.
func MatchAll(cs []Candidate, kept []Kept) []Found {
	type pair struct {
		c, k  int
		score float64
	}
	var ps []pair
	for i, c := range cs {
		for j, k := range kept {
			if (!sameCadence(c, k) || !sameKind(c, k)) && !sameTitle(c.Title, k.Title) {
				continue
			}
			s := Similarity(c.Title, k.Title)
			if s >= MatchThreshold || eachAlike(c, k) && (s >= perPersonThreshold || sameGroup(c.Each, k.Each)) {
				ps = append(ps, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].score > ps[b].score })
	out := make([]Found, len(cs))
	used := make([]bool, len(kept))
	for _, p := range ps {
		if out[p.c].OK || used[p.k] {
			continue
		}
		out[p.c] = Found{Kept: kept[p.k], Score: p.score, OK: true}
		used[p.k] = true
	}
	return out
}

// sameCadence reports a kept duty counted at the candidate's cadence, or
// at the one its sentence also gave (每月1次，全年不少于15次 is the kept
// monthly duty, read the stricter way).
func sameCadence(c Candidate, k Kept) bool {
	return k.Cadence == c.Cadence || c.Also.Min > 0 && k.Cadence == c.Also.Cadence
}

// sameTitle reports two titles that are the same words, in either script.
func sameTitle(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	table := foldMap()
	for i := range ra {
		if fold(ra[i], table) != fold(rb[i], table) {
			return false
		}
	}
	return true
}

// sameGroup reports two names of one group, in either script.
func sameGroup(a, b string) bool { return sameTitle(a, b) }
