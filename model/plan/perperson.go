package plan

import (
	"strings"
	"unicode"

	"taizhang/model"
)

// A talk owed to each person of a group is written 与科室每名干部谈心谈话,
// 同每位分管科室负责人开展廉政谈话, 对每名党员谈心谈话 or 与科室干部每人谈话一次:
// a preposition, the group, and 每名, 每位 or 每人 before or inside its last
// word. The ledger keeps such a duty per person (model.Target.Each), so a
// candidate reads as one: the group named as the plan names it (科室干部),
// and the title without the 每名 (与科室干部谈心谈话), as the officer would
// write the duty. Only talks are read so: 科室干部每人每年参加培训 is a duty
// of the cadres, not one owed to each of them.

// eachWords say "each person".
var eachWords = []string{"每名", "每位", "每人", "每个"}

// eachPreps open the group a talk is held with.
var eachPreps = []rune("与同对找和")

// groupNouns end a group's name after 每名 (每名干部, 每位分管科室负责人).
var groupNouns = []string{"工作人员", "负责人", "干部", "党员", "职工", "员工", "同志", "成员", "人员", "科长", "处长", "同事"}

// maxGroup bounds a group's name in runes.
const maxGroup = 12

// perPerson reads a talk candidate's title, else its basis, for a group
// each of whose people the talk is owed to. It returns the title without
// the 每名 and the group, or the title and "" when there is none.
func perPerson(title, basis string) (string, string) {
	if t, g := eachIn(title); g != "" {
		return t, g
	}
	if _, g := eachIn(basis); g != "" {
		return title, g
	}
	return title, ""
}

// eachIn finds the first per-person phrase in s: its group, and s without
// the 每名.
func eachIn(s string) (string, string) {
	orig := []rune(s)
	n := make([]rune, len(orig))
	for i, r := range orig {
		n[i] = fold(r, foldMap())
	}
	for i := range n {
		w := ""
		for _, e := range eachWords {
			if hasAt(n, i, e) {
				w = e
				break
			}
		}
		if w == "" {
			continue
		}
		// back to the preposition, over the group's words before 每名
		p := i - 1
		for p >= 0 && i-p <= maxGroup && unicode.Is(unicode.Han, n[p]) && !strings.ContainsRune(string(eachPreps), n[p]) {
			p--
		}
		if p < 0 || !strings.ContainsRune(string(eachPreps), n[p]) {
			continue
		}
		before := string(orig[p+1 : i])
		// the group's last word after 每名, if it is there
		after := ""
		k := i + runeLen(w)
		for j := k; j < len(n) && j-k <= maxGroup && unicode.Is(unicode.Han, n[j]); j++ {
			for _, g := range groupNouns {
				if hasAt(n, j, g) {
					after = string(orig[k : j+runeLen(g)])
					break
				}
			}
			if after != "" {
				break
			}
		}
		group := model.CleanLine(before + after)
		if w == "每个" && after == "" || runeLen(group) < 2 || runeLen(group) > model.MaxGroup {
			continue // 每个 counts things unless a person follows
		}
		return string(orig[:i]) + string(orig[k:]), group
	}
	return s, ""
}
