package model

// TemplateDuty is one row of a built-in duty set.
type TemplateDuty struct {
	Title    [2]string // Chinese, English
	Category Category
	Cadence  Cadence
	Min      int
	Basis    [2]string // Chinese, English
	// Each is the group the duty is owed to each person of (DESIGN §3a),
	// Chinese and English; empty for an ordinary duty.
	Each [2]string
}

// Template is a built-in set of duties for one kind of post.
type Template struct {
	Name   string    // section-chief, leadership
	Title  [2]string // Chinese, English
	Duties []TemplateDuty
}

// In returns the text of a Chinese/English pair in lang.
func In(pair [2]string, lang Lang) string {
	if lang == English && pair[1] != "" {
		return pair[1]
	}
	return pair[0]
}

// The groups the templates' per-person duties are owed to.
var (
	SectionStaff  = [2]string{"科室干部", "Section staff"}
	SectionChiefs = [2]string{"分管科室负责人", "Section chiefs in charge"}
)

// Templates are the two built-in duty sets. Many minimums are local
// practice rather than central rules: the basis says which, and every row
// can be edited once applied.
var Templates = []Template{
	{
		Name:  "section-chief",
		Title: [2]string{"科长（科室负责人）", "Section chief"},
		Duties: []TemplateDuty{
			{[2]string{"参加支部党员大会", "Attend branch general meeting"}, Meeting, Quarter, 1,
				[2]string{"《中国共产党支部工作条例（试行）》第十一条（中央规定）", "Branch Work Regulations (trial), art. 11 (central rule)"}, [2]string{}},
			{[2]string{"参加党小组会", "Attend Party group meeting"}, Meeting, Month, 1,
				[2]string{"《中国共产党支部工作条例（试行）》第十三条（中央规定）", "Branch Work Regulations (trial), art. 13 (central rule)"}, [2]string{}},
			{[2]string{"参加主题党日", "Attend themed Party day"}, Meeting, Month, 1,
				[2]string{"《中国共产党支部工作条例（试行）》主题党日（中央规定）", "Branch Work Regulations (trial), themed Party day (central rule)"}, [2]string{}},
			{[2]string{"参加党课", "Attend Party lesson"}, Lesson, Quarter, 1,
				[2]string{"各地实践：每季度不少于1次（地方规定）", "Local practice: at least once a quarter (local rule)"}, [2]string{}},
			{[2]string{"参加组织生活会", "Attend organisational-life meeting"}, Meeting, Year, 1,
				[2]string{"《中国共产党支部工作条例（试行）》（中央规定）", "Branch Work Regulations (trial) (central rule)"}, [2]string{}},
			{[2]string{"参加民主评议党员", "Take part in member appraisal"}, Other, Year, 1,
				[2]string{"《中国共产党支部工作条例（试行）》（中央规定）", "Branch Work Regulations (trial) (central rule)"}, [2]string{}},
			{[2]string{"与科室党员干部谈心谈话", "Heart-to-heart talks with section members"}, Talk, Year, 1,
				[2]string{"《中国共产党支部工作条例（试行）》第十九条（中央规定）", "Branch Work Regulations (trial), art. 19 (central rule)"}, SectionStaff},
			{[2]string{"组织科室政治理论学习", "Run section political study"}, Study, Month, 1,
				[2]string{"未见统一规定，建议每月1次", "No rule found; suggested default"}, [2]string{}},
			{[2]string{"科室会前学法", "Pre-meeting law study"}, Study, Month, 1,
				[2]string{"地方做法：每月至少1次（地方规定）", "Local practice: at least once a month (local rule)"}, [2]string{}},
			{[2]string{"科室研究党风廉政建设（一岗双责）", "Section deliberation on integrity"}, Meeting, Half, 1,
				[2]string{"未见统一规定，建议每半年1次", "No rule found; suggested default"}, [2]string{}},
			{[2]string{"向分管领导报告科室党风廉政情况", "Report section integrity to the leader in charge"}, Report, Half, 1,
				[2]string{"地方做法：定期报告（地方规定），建议每半年1次", "Local practice: regular reports (local rule); suggested half-yearly"}, [2]string{}},
			{[2]string{"科室廉政风险点排查", "Integrity-risk review"}, Other, Year, 1,
				[2]string{"考核评分表：排查廉政风险点（地方做法）", "Assessment sheets: review integrity risks (local practice)"}, [2]string{}},
			{[2]string{"参加警示教育", "Attend warning education"}, Education, Year, 1,
				[2]string{"地方做法：单位每年不少于2次（地方规定）", "Local practice: at least twice a year for units (local rule)"}, [2]string{}},
			{[2]string{"年度述职述廉", "Annual duty and integrity report"}, Report, Year, 1,
				[2]string{"《中国共产党党内监督条例》（中央规定）", "Intra-Party Supervision Regulations (central rule)"}, [2]string{}},
		},
	},
	{
		Name:  "leadership",
		Title: [2]string{"班子成员（党组成员）", "Leadership-team member"},
		Duties: []TemplateDuty{
			{[2]string{"参加中心组集体学习", "Central-group collective study"}, Study, Year, 6,
				[2]string{"单位工作计划：每年6次以上（中央未见统一次数）", "Work plan: 6 or more a year (no central number found)"}, [2]string{}},
			{[2]string{"参加民主生活会", "Democratic-life meeting"}, Meeting, Year, 1,
				[2]string{"《县以上党和国家机关党员领导干部民主生活会若干规定》（中央规定）", "Provisions on Democratic-Life Meetings (2016) (central rule)"}, [2]string{}},
			{[2]string{"参加所在支部组织生活会", "Branch organisational-life meeting"}, Meeting, Year, 1,
				[2]string{"《中国共产党支部工作条例（试行）》（中央规定）", "Branch Work Regulations (trial) (central rule)"}, [2]string{}},
			{[2]string{"参加所在支部党员大会", "Branch general meeting"}, Meeting, Quarter, 1,
				[2]string{"《中国共产党支部工作条例（试行）》第十一条（中央规定）", "Branch Work Regulations (trial), art. 11 (central rule)"}, [2]string{}},
			{[2]string{"为分管科室讲党课（含廉政党课）", "Give a Party or integrity lesson"}, Lesson, Year, 1,
				[2]string{"中办关于深化“四风”整治的指导意见（2014）（中央规定）", "General Office opinion on the four malpractices (2014) (central rule)"}, [2]string{}},
			{[2]string{"向党组报告党风廉政建设工作", "Report integrity work to the Party group"}, Report, Half, 1,
				[2]string{"单位工作计划：年中、年终各1次", "Work plan: once mid-year and once at year end"}, [2]string{}},
			{[2]string{"与分管科室专题研究党风廉政建设", "Deliberate integrity with sections in charge"}, Meeting, Year, 1,
				[2]string{"单位工作计划：每年不少于1次", "Work plan: at least once a year"}, [2]string{}},
			{[2]string{"听取分管科室党风廉政汇报", "Hear section integrity reports"}, Meeting, Quarter, 1,
				[2]string{"地方做法：每季度至少听取1次汇报（地方规定）", "Local practice: a report each quarter (local rule)"}, [2]string{}},
			{[2]string{"与分管科室负责人提醒谈话", "Reminder talks with section chiefs"}, Talk, Year, 1,
				[2]string{"单位工作计划：每年不少于1次；《中国共产党党内监督条例》第二十一条", "Work plan: at least once a year; Intra-Party Supervision Regulations, art. 21"}, SectionChiefs},
			{[2]string{"谈心谈话（班子成员之间、与分管干部）", "Heart-to-heart talks"}, Talk, Year, 1,
				[2]string{"《中国共产党支部工作条例（试行）》第十九条（中央规定）", "Branch Work Regulations (trial), art. 19 (central rule)"}, [2]string{}},
			{[2]string{"开展调研", "Field research"}, Research, Year, 12,
				[2]string{"单位工作计划：全年不少于12次", "Work plan: at least 12 a year"}, [2]string{}},
			{[2]string{"专题研究分管领域意识形态工作", "Ideology deliberation"}, Meeting, Half, 1,
				[2]string{"地方做法：每半年至少1次（地方规定）", "Local practice: at least once every half-year (local rule)"}, [2]string{}},
			{[2]string{"听取保密工作汇报", "Hear secrecy-work report"}, Meeting, Half, 1,
				[2]string{"单位工作计划：每半年1次", "Work plan: once every half-year"}, [2]string{}},
			{[2]string{"会前学法", "Pre-meeting law study"}, Study, Month, 1,
				[2]string{"单位工作计划：每月1次", "Work plan: once a month"}, [2]string{}},
			{[2]string{"专题学法（法治讲座）", "Thematic law study"}, Study, Year, 2,
				[2]string{"地方做法：每年不少于2次（地方规定）", "Local practice: at least twice a year (local rule)"}, [2]string{}},
			{[2]string{"组织廉政教育基地警示教育", "Warning-education visit"}, Education, Year, 1,
				[2]string{"单位工作计划：每年1次", "Work plan: once a year"}, [2]string{}},
			{[2]string{"述责述廉", "Responsibility and integrity report"}, Report, Year, 1,
				[2]string{"《中国共产党党内监督条例》（中央规定）", "Intra-Party Supervision Regulations (central rule)"}, [2]string{}},
			{[2]string{"述法", "Rule-of-law report"}, Report, Year, 1,
				[2]string{"中央依法治国委关于述法工作的意见（2021）", "Central Commission opinion on rule-of-law reports (2021)"}, [2]string{}},
			{[2]string{"个人有关事项报告", "Personal-matters report"}, Other, Year, 1,
				[2]string{"领导干部报告个人有关事项规定", "Rules on leading officials' personal-matters reports"}, [2]string{}},
		},
	},
}

// Groups returns the groups the template's per-person duties are owed
// to, in lang, once each.
func (t Template) Groups(lang Lang) []string {
	var out []string
	for _, row := range t.Duties {
		if g := In(row.Each, lang); g != "" && !containsString(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// FindTemplate returns the built-in set called name.
func FindTemplate(name string) (Template, bool) {
	for _, t := range Templates {
		if t.Name == name {
			return t, true
		}
	}
	return Template{}, false
}

// Build returns the template's rows as duties and targets for year, in lang.
func (t Template) Build(year int, lang Lang) ([]Duty, []Target) {
	ds := make([]Duty, len(t.Duties))
	ts := make([]Target, len(t.Duties))
	for i, row := range t.Duties {
		ds[i] = Duty{Title: In(row.Title, lang), Category: row.Category, Basis: In(row.Basis, lang)}
		ts[i] = Target{Year: year, Cadence: row.Cadence, Min: row.Min, Each: In(row.Each, lang)}
	}
	return ds, ts
}
