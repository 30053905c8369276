package plan

import "testing"

// Each duty carries who its sentence says must do it; a preposition's
// object (与班子成员) is not the doer, and a doer named early in a sentence
// serves its later clauses.
func TestAddressee(t *testing.T) {
	tests := []struct {
		text  string
		title string
		words string
		role  Role
	}{
		{"党组主要负责人全年与班子成员提醒谈话不少于1次、对全体干部职工提醒谈话不少于1次，讲廉政党课不少于1次。", "与班子成员提醒谈话", "党组主要负责人", RolePrincipal},
		{"党组主要负责人全年与班子成员提醒谈话不少于1次、对全体干部职工提醒谈话不少于1次，讲廉政党课不少于1次。", "讲廉政党课", "党组主要负责人", RolePrincipal},
		{"党组主要负责人年终进行述责述廉，接受干部职工评议。", "述责述廉", "党组主要负责人", RolePrincipal},
		{"全年班子成员向党组报告党风廉政建设工作情况不少于1次，与分管科室专题研究党风廉政建设工作不少于1次。", "与分管科室专题研究党风廉政建设工作", "班子成员", RoleLeader},
		{"领导班子成员中的党员干部每年参加党组民主生活会和支部组织生活会不少于1次。", "参加支部组织生活会", "领导班子成员", RoleLeader},
		{"黨組書記每年為全體黨員講黨課不少於1次。", "為全體黨員講黨課", "黨組書記", RolePrincipal},
		{"党组书记与班子成员、班子成员与分管科室负责人每年开展廉政谈话各不少于1次。", "廉政谈话", "班子成员", RoleLeader},
		{"科长每月组织科室政治理论学习1次。", "组织科室政治理论学习", "科长", RoleChief},
		{"支部书记每年为党员讲党课不少于1次。", "为党员讲党课", "支部书记", RoleBranch},
		{"副局长每季度听取1次分管科室汇报。", "听取分管科室汇报", "", ""}, // 副局长 names no role this list knows
		{"每月开展1次会前学法。", "会前学法", "", ""},
		{"全年党组研究党风廉政建设工作不少于2次。", "党组研究党风廉政建设工作", "党组", RoleLeader},
		{"黨委會議每月召開1次。", "黨委會議", "黨委", RoleLeader},
		{"全年向党组报告工作不少于1次。", "向党组报告工作", "", ""},
		{"落实党组主体责任，每季度听取1次汇报。", "听取汇报", "", ""},
		{"与班子成员每年谈话不少于1次。", "与班子成员谈话", "", ""},
		{"落实“党组书记”讲党课制度，每年讲党课1次。", "讲党课", "", ""},
		{"机关党委书记每年为机关党员讲党课不少于1次。", "为机关党员讲党课", "机关党委书记", RoleLeader},
		{"党组副书记每半年听取分管科室党风廉政建设情况汇报1次。", "听取分管科室党风廉政建设情况汇报", "党组副书记", RoleLeader},
	}
	for _, tt := range tests {
		var found *Candidate
		for _, c := range Extract(tt.text) {
			if c.Title == tt.title {
				found = &c
			}
		}
		if found == nil {
			t.Errorf("%s: no candidate %q in %+v", tt.text, tt.title, Extract(tt.text))
			continue
		}
		if found.Addressee != tt.words || found.Role != tt.role {
			t.Errorf("%s: %q is for %q (%s), want %q (%s)", tt.text, tt.title, found.Addressee, found.Role, tt.words, tt.role)
		}
	}
}

// A heading that names a doer (一、党组书记职责) names the doer of the duties
// under it whose own sentences name none, down to the next heading of its
// level; a heading naming a body (党组工作) does not.
func TestAddresseeFromHeading(t *testing.T) {
	text := `一、党组书记职责
1. 每年为全体党员讲党课不少于1次。
2. 班子成员每半年报告履职情况1次。
二、领导班子成员履职要求
（一）理论学习
1. 每月参加中心组学习1次。
（二）调查研究
每年开展调研不少于12次。
三、党组工作
1. 全年研究意识形态工作不少于2次。
四、其他事项
1. 每月开展会前学法1次。
`
	want := map[string]string{
		"为全体党员讲党课": "党组书记",   // from the heading over it
		"报告履职情况":   "班子成员",   // its own sentence names its doer
		"参加中心组学习":  "领导班子成员", // from the first-level heading, through （一）
		"调研":       "领导班子成员",
		"研究意识形态工作": "", // 党组 is a body: the items name their own doers
		"会前学法":     "", // a new section names no one
	}
	got := map[string]string{}
	for _, c := range Extract(text) {
		got[c.Title] = c.Addressee
	}
	for title, words := range want {
		a, ok := got[title]
		if !ok {
			t.Errorf("no candidate %q in %v", title, got)
			continue
		}
		if a != words {
			t.Errorf("%q is for %q, want %q", title, a, words)
		}
	}
}

func TestFits(t *testing.T) {
	tests := []struct {
		role        Role
		post        string
		fits, known bool
	}{
		{RolePrincipal, "科长", false, true},
		{RoleLeader, "科长", false, true},
		{RoleChief, "科长", true, true},
		{RoleChief, "办公室副科长", true, true},
		{RoleBranch, "党支部书记、科长", true, true},
		{RolePrincipal, "党支部书记、科长", false, true},
		{RolePrincipal, "党组书记、局长", true, true},
		{RoleLeader, "党组书记、局长", true, true},
		{RoleLeader, "党组成员、副局长", true, true},
		{RolePrincipal, "党组成员、副局长", false, true},
		{RolePrincipal, "副局长", false, true},
		{RoleLeader, "主任科员", false, true},
		{RolePrincipal, "主任", true, true},
		// the head of an office is a section chief, not the bureau's head
		{RolePrincipal, "办公室主任", false, true},
		{RoleLeader, "办公室主任", false, true},
		{RoleChief, "办公室主任", true, true},
		{RoleChief, "研究室副主任", true, true},
		{RoleLeader, "研究室副主任", false, true},
		{RolePrincipal, "党组书记、发改委主任", true, true},
		{RoleLeader, "发改委副主任", true, true},
		{RoleLeader, "黨組成員、副局長", true, true},
		{RolePrincipal, "", true, false},
		{"", "科长", true, false},
		{RoleChief, "一级科员", false, true},
		// the organs' party secretary and a deputy secretary are members
		// of the leadership, not its principal; a bare 局长 heads the bureau
		{RolePrincipal, "机关党委书记", false, true},
		{RoleLeader, "机关党委书记", true, true},
		{RolePrincipal, "党组成员、机关党委书记", false, true},
		{RolePrincipal, "党组副书记、副局长", false, true},
		{RoleLeader, "党组副书记、副局长", true, true},
		{RolePrincipal, "党组副书记、局长", true, true},
		{RolePrincipal, "机关党委专职副书记", false, true},
		{RoleLeader, "机关党委专职副书记", false, true},
		{RoleLeader, "纪检监察组组长", true, true},
		{RolePrincipal, "纪检监察组组长", false, true},
		{RolePrincipal, "局长", true, true},
	}
	for _, tt := range tests {
		fits, known := Fits(tt.role, tt.post)
		if fits != tt.fits || known != tt.known {
			t.Errorf("Fits(%s, %q) = %v, %v; want %v, %v", tt.role, tt.post, fits, known, tt.fits, tt.known)
		}
	}
}
