package plan

import (
	"sort"
	"strings"
)

// A plan names who must do many of its duties: 党组主要负责人全年与班子成员提醒
// 谈话不少于1次 is the principal's, 全年班子成员向党组报告… every leadership
// member's. A candidate carries the words that name its doer, and their
// role; an officer whose post does not hold that role is not asked to
// keep the duty by default.

// Role is the kind of post a duty is addressed to.
type Role string

// The roles plans address.
const (
	RolePrincipal Role = "principal"        // 主要负责人, 党组书记, 一把手
	RoleLeader    Role = "leader"           // 班子成员, 党组成员, 分管领导
	RoleChief     Role = "chief"            // 科长, 科室负责人
	RoleBranch    Role = "branch-secretary" // 支部书记
)

// addressees are the words that name a doer, longest first where one
// holds another.
var addressees = []struct {
	words string
	role  Role
}{
	{"科室主要负责人", RoleChief}, {"股室主要负责人", RoleChief}, {"科室负责人", RoleChief}, {"股室负责人", RoleChief},
	{"党组主要负责人", RolePrincipal}, {"党委主要负责人", RolePrincipal}, {"主要负责人", RolePrincipal}, {"主要领导", RolePrincipal},
	{"党支部书记", RoleBranch}, {"支部书记", RoleBranch},
	{"机关党委书记", RoleLeader}, {"党组副书记", RoleLeader}, {"党委副书记", RoleLeader},
	{"党组书记", RolePrincipal}, {"党委书记", RolePrincipal}, {"党工委书记", RolePrincipal}, {"一把手", RolePrincipal},
	{"领导班子成员", RoleLeader}, {"班子成员", RoleLeader}, {"党组成员", RoleLeader}, {"党委成员", RoleLeader},
	{"分管领导", RoleLeader}, {"局领导", RoleLeader}, {"县级领导", RoleLeader},
	{"科长", RoleChief}, {"股长", RoleChief}, {"各科室负责人", RoleChief},
	// a body acting as a whole, when it opens the sentence (全年党组研究…):
	// its members are the leadership
	{"党组", RoleLeader}, {"党委", RoleLeader},
}

// bodies are the naming words that name a body acting as a whole; they
// name the doer only at the head of a sentence, perhaps after its time.
var bodies = map[string]bool{"党组": true, "党委": true}

// heads are the time words that may come before a body at the head of a
// sentence.
var heads = []string{"全年", "每年", "年内", "原则上", "每半年", "每季度", "每月"}

// named is a doer named in a sentence, and where the naming words end.
type named struct {
	end   int
	words string
	role  Role
	body  bool // a body acting as a whole (党组), not a person's post
}

// doers lists the doers a sentence names in [a, b), in order: naming words
// that are not the object of a preposition (与班子成员 is with whom, not
// who) and not quoted. One pass, so a sentence of many counts costs time
// linear in its length.
func (x *extractor) doers(a, b int) []named {
	var out []named
	d := x.d
	for i := a; i < b && i < len(d.norm); i++ {
		if d.quoted[i] {
			continue
		}
		for _, ad := range addressees {
			if !hasAt(d.norm, i, ad.words) {
				continue
			}
			n := runeLen(ad.words)
			if bodies[ad.words] && !x.atHead(a, i) {
				break
			}
			if i+n <= b && !x.governed(i, a) {
				out = append(out, named{i + n, string(d.orig[i : i+n]), ad.role, bodies[ad.words]})
			}
			i += n - 1
			break
		}
	}
	return out
}

// governed reports naming words at i that are the object of a
// preposition a few characters before them (与分管科室负责人), or a
// deputy's (副科长).
func (x *extractor) governed(i, from int) bool {
	d := x.d
	if i > from && d.norm[i-1] == '副' {
		return true
	}
	for k := i - 1; k >= from && k >= i-4; k-- {
		switch r := d.norm[k]; {
		case strings.ContainsRune("与对向同为给跟到", r):
			return true
		case strings.ContainsRune("，、。；：,;:", r):
			return false
		}
	}
	return false
}

// atHead reports a position at the head of the sentence starting at a,
// with nothing before it but a list number and a time word.
func (x *extractor) atHead(a, i int) bool {
	sc := &scanner{d: x.d, a: a, b: i}
	a = sc.skipItemNumber()
	if a == i {
		return true
	}
	for _, h := range heads {
		if a+runeLen(h) == i && hasAt(x.d.norm, a, h) {
			return true
		}
	}
	return false
}

// addressee is the last doer the sentence names before position p, or,
// when it names none, the doer the headings over it name.
func (x *extractor) addressee(p int) (string, Role) {
	k := sort.Search(len(x.doing), func(i int) bool { return x.doing[i].end > p })
	if k > 0 {
		return x.doing[k-1].words, x.doing[k-1].role
	}
	for level := len(x.section) - 1; level > 0; level-- {
		if s := x.section[level]; s.role != "" {
			return s.words, s.role
		}
	}
	return "", ""
}

// enterSection starts the section a heading of level opens: the doer its
// words name (二、班子成员履职要求, （一）党组书记第一责任人职责) is the doer
// of the duties under it, down to the next heading of its level or
// higher. A body (三、党组工作) is not taken for the doer of everything
// under it: its items name their own.
func (x *extractor) enterSection(p span, level int) {
	if level >= len(x.section) {
		return
	}
	for l := level; l < len(x.section); l++ {
		x.section[l] = named{}
	}
	_, at := x.d.headingNumber(p)
	h := x.d.headingText(p, at)
	for _, n := range x.doers(h.a, h.b) {
		if !n.body {
			x.section[level] = n
			return
		}
	}
}

// PostRoles reads the roles a post (职务) holds: 党组书记、局长 is the
// principal and a leadership member; 副局长 a member; 党支部书记、科长 a
// branch secretary and a section chief.
func PostRoles(post string) map[Role]bool {
	var f strings.Builder
	for _, r := range post {
		f.WriteRune(fold(r, foldMap()))
	}
	p := f.String()
	roles := map[Role]bool{}
	p = strings.ReplaceAll(p, "主任科员", "")
	if strings.Contains(p, "支部书记") {
		roles[RoleBranch] = true
		p = strings.ReplaceAll(strings.ReplaceAll(p, "党支部书记", ""), "支部书记", "")
	}
	// The secretary of the organs' party committee (机关党委书记) and a
	// deputy secretary (党组副书记) sit on the leadership; neither is its
	// principal, whom 党委书记 and 书记 below would make them.
	for _, w := range []string{"机关党委书记", "机关党委副书记", "机关党委专职副书记", "党组副书记", "党委副书记", "副书记"} {
		if strings.Contains(p, w) {
			if !strings.HasPrefix(w, "机关党委") || w == "机关党委书记" {
				roles[RoleLeader] = true
			}
			p = strings.ReplaceAll(p, w, "")
		}
	}
	for _, w := range []string{"纪检监察组组长", "纪检组长"} {
		if strings.Contains(p, w) {
			roles[RoleLeader] = true
		}
	}
	for _, w := range []string{"党组书记", "党委书记", "党工委书记", "书记", "主要负责人", "一把手"} {
		if strings.Contains(p, w) {
			roles[RolePrincipal], roles[RoleLeader] = true, true
		}
	}
	for _, w := range []string{"党组成员", "党委成员", "班子成员", "调研员"} {
		if strings.Contains(p, w) {
			roles[RoleLeader] = true
		}
	}
	for _, head := range []string{"局长", "主任", "院长", "部长", "主席", "县长", "区长", "镇长", "乡长", "所长", "站长", "馆长", "校长"} {
		for i := strings.Index(p, head); i >= 0; {
			before := strings.TrimSuffix(p[:i], "副")
			switch {
			case head == "主任" && strings.HasSuffix(before, "室"):
				// 办公室主任, 研究室副主任: the head of a section
				roles[RoleChief] = true
			case strings.HasSuffix(p[:i], "副"):
				roles[RoleLeader] = true
			default:
				roles[RolePrincipal], roles[RoleLeader] = true, true
			}
			k := strings.Index(p[i+len(head):], head)
			if k < 0 {
				break
			}
			i += len(head) + k
		}
	}
	for _, w := range []string{"科长", "股长", "处长", "科室负责人", "股室负责人", "科室主任"} {
		if strings.Contains(p, w) {
			roles[RoleChief] = true
		}
	}
	return roles
}

// Fits reports whether a duty addressed to role is the officer's, given
// their post: a leadership member's duty is the principal's too. known is
// false when the post is empty or the duty names no one, and then fits is
// true.
func Fits(role Role, post string) (fits, known bool) {
	if role == "" || strings.TrimSpace(post) == "" {
		return true, false
	}
	roles := PostRoles(post)
	switch role {
	case RoleLeader:
		return roles[RoleLeader] || roles[RolePrincipal], true
	default:
		return roles[role], true
	}
}
