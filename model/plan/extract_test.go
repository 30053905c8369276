package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/model"
)

// want is one expected duty: its cadence and minimum exactly, and words
// its title must contain.
type want struct {
	cad   model.Cadence
	min   int
	title string
}

func (w want) match(c Candidate) bool {
	return c.Cadence == w.cad && c.Min == w.min && strings.Contains(c.Title, w.title)
}

func show(cs []Candidate) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "\n  line %d  %s %d %s [%s]  ← %s", c.Line, c.Cadence, c.Min, c.Title, c.Category, c.Basis)
	}
	if b.Len() == 0 {
		return " (none)"
	}
	return b.String()
}

// check asserts that cs holds exactly the wanted duties, one candidate each.
func check(t *testing.T, cs []Candidate, ws []want) {
	t.Helper()
	used := make([]bool, len(cs))
	for _, w := range ws {
		found := false
		for i, c := range cs {
			if !used[i] && w.match(c) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing %s %d %q; got:%s", w.cad, w.min, w.title, show(cs))
		}
	}
	for i, c := range cs {
		if !used[i] {
			t.Errorf("unexpected %s %d %q from %q", c.Cadence, c.Min, c.Title, c.Basis)
		}
	}
}

const (
	Y = model.Year
	H = model.Half
	Q = model.Quarter
	M = model.Month
	W = model.Week
)

// Each case is one grammar rule, in sentences written the way plans are.
func TestGrammar(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// requirement words
		{"不少于", "全年开展调研活动不少于12次。", []want{{Y, 12, "调研"}}},
		{"至少", "党组书记每年至少讲授一次专题党课。", []want{{Y, 1, "党课"}}},
		{"不低于", "每年开展警示教育不低于2次。", []want{{Y, 2, "警示教育"}}},
		{"不得少于", "班子成员每年深入基层调研不得少于4次。", []want{{Y, 4, "调研"}}},
		{"N次以上", "每年组织6次以上中心组集体学习活动。", []want{{Y, 6, "中心组"}}},
		{"N次及以上", "全年开展专题学法2次及以上。", []want{{Y, 2, "专题学法"}}},
		{"各N次 on time points", "年中和年终向党组专题报告党风廉政建设工作情况各1次。", []want{{H, 1, "报告党风廉政"}}},
		{"bare count in a plan", "组织到廉政教育基地开展专题警示教育1次。", []want{{Y, 1, "警示教育"}}},
		{"count before its object", "组织开展1次反对“官僚主义、形式主义”专题讨论活动。", []want{{Y, 1, "专题讨论"}}},

		// cadences
		{"每周", "局长办公会每周召开一次。", []want{{W, 1, "局长办公会"}}},
		{"每周 weekday", "坚持每周一召开科室例会。", []want{{W, 1, "例会"}}},
		{"每周 weekday evening", "落实“周二夜学”制度，坚持每周二晚集中学习。", []want{{W, 1, "集中学习"}}},
		{"a list after a colon", "做到“三个一”：每周一次集中学习、每月一次专题研讨、每季度一次交流发言。",
			[]want{{W, 1, "集中学习"}, {M, 1, "专题研讨"}, {Q, 1, "交流发言"}}},
		{"每半月", "每半月召开一次执法调度会。", []want{{M, 2, "调度会"}}},
		{"每月", "每月开展1次会前集中学法。", []want{{M, 1, "学法"}}},
		{"按月", "按月统计报送行政执法数据。", []want{{M, 1, "报送"}}},
		{"每季度", "每季度听取一次分管科室工作汇报。", []want{{Q, 1, "听取"}}},
		{"每季", "每季至少召开1次支部党员大会。", []want{{Q, 1, "党员大会"}}},
		{"每三个月", "每三个月开展一次廉政风险排查。", []want{{Q, 1, "风险排查"}}},
		{"每半年", "每半年向党组报告一次履行“一岗双责”情况。", []want{{H, 1, "向党组报告"}}},
		{"年中和年终", "年中和年终向区委宣传部书面报告意识形态工作情况。", []want{{H, 1, "报告意识形态"}}},
		{"上下半年各", "上、下半年各召开1次保密工作会议。", []want{{H, 1, "保密工作会议"}}},
		{"每年", "每年召开一次组织生活会。", []want{{Y, 1, "组织生活会"}}},
		{"全年", "全年开展法治讲座不少于4场。", []want{{Y, 4, "法治讲座"}}},
		{"a period without 每", "支委会两个月召开一次，党小组会半月一次，三个月开展一次安全检查。",
			[]want{{Y, 6, "支委会"}, {M, 2, "党小组会"}, {Q, 1, "安全检查"}}},
		{"每旬 and 每学期", "每旬报送1次工作进度，每学期开展1次家长会。", []want{{M, 3, "工作进度"}, {H, 1, "家长会"}}},
		{"每两个月", "每两个月开展一次食品安全督导检查。", []want{{Y, 6, "督导检查"}}},
		{"N次/月", "法制审核人员学法1次/月。", []want{{M, 1, "学法"}}},
		{"cadence after the subject", "支委会每月召开一次。", []want{{M, 1, "支委会"}}},
		{"cadence carried to the next clause", "全年与班子成员提醒谈话不少于1次，讲廉政党课不少于1次。",
			[]want{{Y, 1, "提醒谈话"}, {Y, 1, "党课"}}},
		{"cadence carried across 、", "每季度开展1次形势分析、组织1次专题学习。",
			[]want{{Q, 1, "形势分析"}, {Q, 1, "专题学习"}}},

		// numerals
		{"一", "每年讲一次党课。", []want{{Y, 1, "党课"}}},
		{"两", "每年开展两次专题调研。", []want{{Y, 2, "调研"}}},
		{"兩", "每年開展兩次專題調研。", []want{{Y, 2, "調研"}}},
		{"十二", "全年开展调研不少于十二次。", []want{{Y, 12, "调研"}}},
		{"二十四", "全年会前学法不少于二十四次。", []want{{Y, 24, "学法"}}},
		{"range 1—2篇", "每人每年撰写理论文章1—2篇。", []want{{Y, 1, "理论文章"}}},
		{"range 一至两次", "每年组织一至两次法律知识考试。", []want{{Y, 1, "考试"}}},
		{"range 两三次", "每年开展两三次联合检查。", []want{{Y, 2, "联合检查"}}},
		{"full-width digits", "全年开展调研不少于１２次。", []want{{Y, 12, "调研"}}},

		// units
		{"人次", "全年与干部职工谈心谈话不少于20人次。", []want{{Y, 20, "谈心谈话"}}},
		{"场", "每季度举办1场法治讲座。", []want{{Q, 1, "法治讲座"}}},
		{"篇", "每年形成调研报告不少于2篇。", []want{{Y, 2, "调研报告"}}},
		{"个", "每年至少完成2个调研课题。", []want{{Y, 2, "调研课题"}}},
		{"条", "每月报送政务信息不少于3条。", []want{{M, 3, "政务信息"}}},
		{"期", "全年举办专题培训班不少于4期。", []want{{Y, 4, "专题培训班"}}},
		{"期 of a bulletin", "全年编发工作简报不少于12期，每期不少于3篇。", []want{{Y, 12, "工作简报"}}},
		{"批次", "每季度开展食品抽检2—3批次。", []want{{Q, 2, "食品抽检"}}},
		{"家 and 户 with a requirement", "全年走访非公企业不少于30家，每年走访困难户不少于20户。", []want{{Y, 30, "走访非公企业"}, {Y, 20, "走访困难户"}}},
		{"篇 without a requirement", "撰写心得体会2篇。", []want{{Y, 2, "心得体会"}}},

		// several duties in one sentence, and lists
		{"three in one sentence", "党组主要负责人全年与班子成员提醒谈话不少于1次、对全体干部职工提醒谈话不少于1次，讲廉政党课不少于1次。",
			[]want{{Y, 1, "与班子成员提醒谈话"}, {Y, 1, "对全体干部职工提醒谈话"}, {Y, 1, "讲廉政党课"}}},
		{"各 shares one count over a list", "班子成员每半年听取分管科室意识形态、保密工作汇报各1次。",
			[]want{{H, 1, "意识形态工作汇报"}, {H, 1, "保密工作汇报"}}},
		{"a list of subjects is one duty", "党组书记、班子成员各讲1次廉政党课。", []want{{Y, 1, "廉政党课"}}},
		{"two meetings joined by 和 are two duties", "每年参加党组民主生活会和支部组织生活会不少于1次。",
			[]want{{Y, 1, "参加党组民主生活会"}, {Y, 1, "参加支部组织生活会"}}},
		{"two meetings after the count", "每月召开1次支委会和党小组会。", []want{{M, 1, "召开支委会"}, {M, 1, "召开党小组会"}}},
		{"and 及, in Traditional script", "每季度開展1次理論學習及業務培訓。", []want{{Q, 1, "理論學習"}, {Q, 1, "業務培訓"}}},
		{"、 with 各 shares the count", "每季度召开党员大会、支委会各1次。", []want{{Q, 1, "召开党员大会"}, {Q, 1, "召开支委会"}}},
		{"以及", "每半年开展1次廉政谈话以及警示教育。", []want{{H, 1, "廉政谈话"}, {H, 1, "警示教育"}}},
		{"one piece of work: 学习和贯彻", "每月学习和贯彻上级精神1次。", []want{{M, 1, "学习和贯彻上级精神"}}},
		{"a topic and a report is one report", "每季度听取1次意识形态和保密工作汇报。", []want{{Q, 1, "意识形态和保密工作汇报"}}},
		{"和 inside a word", "每年召开1次和谐机关建设座谈会。", []want{{Y, 1, "和谐机关建设座谈会"}}},
		{"及时 is no separator", "每月及时召开1次支委会。", []want{{M, 1, "支委会"}}},
		{"a 、 without 各 joins organisers", "全年党组理论中心组学习、支部专题组织至少1次党规党纪专题学习。", []want{{Y, 1, "党规党纪专题学习"}}},
		{"name taken from the clause before", "对于中心组学习，每年不少于6次。", []want{{Y, 6, "中心组学习"}}},
		// a cadence and a yearly total of one duty are one duty, in the
		// stricter reading: 4 a year by quarter is short of 6
		{"two requirements of one duty", "中心组学习每季度至少1次、全年不少于6次。",
			[]want{{Y, 6, "中心组学习"}}},
		{"其中", "理论学习中心组每年集体学习不少于12次，其中专题研讨不少于4次。",
			[]want{{Y, 12, "集体学习"}, {Y, 4, "专题研讨"}}},

		// titles
		{"subject and light verb dropped", "班子成员每年与分管科室负责人进行提醒谈话不少于1次。", []want{{Y, 1, "与分管科室负责人提醒谈话"}}},
		{"subject before a preposition dropped", "班子成员向党组报告党风廉政建设工作情况不少于1次。", []want{{Y, 1, "向党组报告"}}},
		{"parenthesised frequency", "按期召开支部党员大会（每季度1次）、支委会（每月1次）、党小组会（每月1次）。",
			[]want{{Q, 1, "支部党员大会"}, {M, 1, "支委会"}, {M, 1, "党小组会"}}},
		{"list number", "1.每年开展1次保密自查。", []want{{Y, 1, "保密自查"}}},
		{"year-end report", "党组主要负责人年终进行述责述廉，接受干部职工评议。", []want{{Y, 1, "述责述廉"}}},
		{"year-end deadline", "每年年底前向党组报告1次工作。", []want{{Y, 1, "向党组报告工作"}}},
		{"year-end clause", "年底前，班子成员向党组书面报告履行“一岗双责”情况。", []want{{Y, 1, "向党组书面报告"}}},
		{"a one-off deadline", "力争2024年底前完成平台建设，2024年底前向市局报告建设情况。", nil},
		{"a cadence clause", "每季度，听取一次分管科室工作汇报。", []want{{Q, 1, "听取"}}},
		{"each person", "每人形成1篇以上高质量调研报告。", []want{{Y, 1, "形成高质量调研报告"}}},
		{"a fixed day a month", "每月相对固定1天开展主题党日活动。", []want{{M, 1, "主题党日活动"}}},
		{"period before a requirement", "一年至少开展一次安全检查。", []want{{Y, 1, "安全检查"}}},
		{"an ordinal day in the period", "每季度第一个月10日前报送上季度工作情况。", []want{{Q, 1, "报送上季度工作情况"}}},
		{"a count of plenary meetings", "每年至少召开2次全体会议，召开1次职工代表大会。", []want{{Y, 2, "全体会议"}, {Y, 1, "职工代表大会"}}},
		{"a wrapped numbered line", "一、学习安排。中心组全年集中学习不少于12次，原则上每月\n安排1次。",
			[]want{{M, 1, "集中学习"}}},
		{"a count wrapped before its measure", "三、学习要求。中心组成员每年到所在支部或联系点讲授专题党课不少于1\n次。", []want{{Y, 1, "专题党课"}}},
		{"a part counts in its total's period", "全年集中学习不少于12次，原则上每月安排1次，其中专题研讨不少于4次。",
			[]want{{M, 1, "集中学习"}, {Y, 4, "专题研讨"}}},
		{"a topic before the cadence", "中心组学习情况每半年报送一次。", []want{{H, 1, "学习情况报送"}}},
		{"a length describing each occurrence", "每周五下午开展不少于30分钟的政治理论学习。", []want{{W, 1, "政治理论学习"}}},
		{"a year-end report with a manner", "党组主要负责人年终专题述法。", []want{{Y, 1, "述法"}}},
		{"the time in the column after the task", "报送廉政风险防控台账      每月25日前      各科室", []want{{M, 1, "廉政风险防控台账"}}},
		{"a cadence column without a count", "6\t常委会议\t每季度\t\t办公室", []want{{Q, 1, "常委会议"}}},
		{"接访 is an event", "局领导每周三上午在来访接待中心公开接访。", []want{{W, 1, "接访"}}},
		{"a day in a leading time clause", "每月10日，召开支委会。", []want{{M, 1, "支委会"}}},
		{"a year-end deadline after the task", "完成信息平台升级改造，年底前。", nil},
		{"a rule article", "第五条 党组书记每年至少听取1次班子成员履行“一岗双责”情况汇报。", []want{{Y, 1, "听取班子成员履行“一岗双责”情况汇报"}}},

		// not duties
		{"durations", "全体干部每年参加学法培训不少于40学时，集中培训不少于5天，每次不少于30分钟，安排半天集中学习。", nil},
		{"a duration with a cadence", "每月学法不少于2小时。", nil},
		{"periods no cadence states", "每日开展1次巡查，每个工作日召开1次晨会，每两年开展1次换届评估，两年一次组织体检。", nil},
		{"spans of time are not periods", "近两个月、前三个月和上半年开展检查。", nil},
		{"firms and homes without a requirement are targets", "新培育2家示范企业，帮扶3户困难家庭，慰问1家人。", nil},
		{"phases are not sessions", "推进二期工程建设，启动三期项目，3期间不再新增。", nil},
		{"a topic put into a programme", "中心组每年将意识形态工作纳入学习内容，每季度把廉政教育列入支部学习计划。", nil},
		{"percentages", "整改完成率达到100%，按时办复率、满意率达100％。", nil},
		{"people", "落实1名公职律师，培训对象不少于50人，配备两名专职纪检干部。", nil},
		{"slogans in quotes", "坚决做到“两个维护”，树立“四个意识”，推进“最多跑一次”改革，落实“三个一”活动。", nil},
		{"slogans without quotes", "坚决做到两个维护，坚定四个自信，实行一次性告知。", nil},
		{"congress ordinals", "贯彻党的十九届六中全会精神，对标市委四届九次全会部署，迎接省第十二次党代会，学习十四届全国人大二次会议精神。", nil},
		{"dates in quotes", "围绕“12.4”国家宪法日和“6.15”集中宣传月开展活动。", nil},
		{"years and durations", "坚持3年以上非法集资积案处置原则，力争2024年底前完成。", nil},
		{"upper bounds", "会议时间一般不超过2小时，每次会议议题不超过5个，文件篇幅最多3页。", nil},
		{"per occurrence", "每次学习不少于2个专题。", nil},
		{"past counts", "全年共组织中心组集体学法12次，累计开展法治宣传活动32场次，先后召开专题会议5次。", nil},
		{"past with 了", "局党组召开了3次专题会议。", nil},
		{"past carried along the sentence", "全年共组织学法12次，举办法治讲座4场。", nil},
		{"last year in a plan", "去年开展警示教育3次，组织干部旁听庭审2次。", nil},
		{"numbers in names", "积极参与全市第四批“一优十佳”法治示范创建评比，落实“三重一大”制度。", nil},
		{"a number without a measure", "报送2022年度报告，编号为12。", nil},
		{"a cadence without an event", "每年安排专项经费。", nil},
		{"targets of things", "建成3个示范点，培育5个特色品牌，形成2条典型经验。", nil},
		{"once and for all", "推行一次办好、一次告知，提高一次通过率。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Extract(tt.text), tt.want)
		})
	}
}

// A title keeps the script of its source, and Traditional text reads
// through the same grammar.
func TestTraditionalKeepsScript(t *testing.T) {
	cs := Extract("黨組書記每年至少講授一次廉政黨課，班子成員每半年向黨組報告一次履行「一崗雙責」情況。")
	check(t, cs, []want{{Y, 1, "廉政黨課"}, {H, 1, "向黨組報告"}})
	for _, c := range cs {
		if strings.ContainsAny(c.Title, "党讲报组") {
			t.Errorf("title %q mixes scripts", c.Title)
		}
	}
	if cs[0].Category != model.Lesson || cs[1].Category != model.Report {
		t.Errorf("categories %s, %s", cs[0].Category, cs[1].Category)
	}
}

// The same plans converted to Traditional script (Taiwan and Hong Kong
// forms, by OpenCC) give the same duties, with titles in Traditional script.
func TestTraditionalDocuments(t *testing.T) {
	for trad, simp := range map[string]string{
		"county-finance-plan-2024-traditional.txt": "county-finance-plan-2024.txt",
		"health-ideology-plan-2023-hk.txt":         "health-ideology-plan-2023.txt",
	} {
		text := readTestdata(t, trad)
		a, b := Extract(readTestdata(t, simp)), Extract(text)
		if len(a) != len(b) {
			t.Errorf("%s: %d duties, %s has %d:%s", trad, len(b), simp, len(a), show(b))
			continue
		}
		for i := range a {
			if a[i].Cadence != b[i].Cadence || a[i].Min != b[i].Min || a[i].Category != b[i].Category || a[i].Line != b[i].Line {
				t.Errorf("%s: %+v, but %+v in Simplified", trad, b[i], a[i])
			}
			for _, r := range b[i].Title {
				if !strings.ContainsRune(text, r) {
					t.Errorf("%s: title %q has %c, which the text does not", trad, b[i].Title, r)
				}
			}
		}
	}
}

func TestCategory(t *testing.T) {
	for title, cat := range map[string]model.Category{
		"中心组集体学习":       model.Study,
		"会前集中学法":        model.Study,
		"与分管科室负责人提醒谈话":  model.Talk,
		"讲廉政党课":         model.Lesson,
		"党组研究党风廉政建设工作":  model.Meeting,
		"听取分管科室工作汇报":    model.Meeting,
		"参加民主生活会":       model.Meeting,
		"向党组报告党风廉政建设":   model.Report,
		"述责述廉":          model.Report,
		"调研活动":          model.Research,
		"到廉政教育基地开展警示教育": model.Education,
		"廉政风险排查":        model.Other,
		"聽取彙報":          model.Meeting,
	} {
		if got := categoryOf(title, foldTable()); got != cat {
			t.Errorf("categoryOf(%q) = %s, want %s", title, got, cat)
		}
	}
}

// Basis is the source clause and Line its line, also when wrapped lines
// are joined.
func TestBasisAndLine(t *testing.T) {
	text := "\n\n2024年工作要点\r\n\n一、加强学习\n坚持学习制度，每月开展1次会前学法，每次不少于30分钟。\n党组每季度至少召开1次党风廉政建设专题会\n议，研究部署相关工作。\n"
	cs := Extract(text)
	check(t, cs, []want{{M, 1, "会前学法"}, {Q, 1, "党风廉政建设专题会议"}})
	if len(cs) != 2 {
		return
	}
	if cs[0].Line != 6 || cs[0].Basis != "每月开展1次会前学法" {
		t.Errorf("first: line %d basis %q", cs[0].Line, cs[0].Basis)
	}
	if cs[1].Line != 7 || cs[1].Basis != "党组每季度至少召开1次党风廉政建设专题会议" {
		t.Errorf("second: line %d basis %q", cs[1].Line, cs[1].Basis)
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		text string
		kind Kind
		year int
	}{
		{"2023年党风廉政建设工作计划\n全年开展调研不少于12次。", KindPlan, 2023},
		{"为做好2022年工作，制定本方案。\n每月开展1次学法。", KindPlan, 2022},
		{"区司法局2022年工作总结\n现将有关情况报告如下。\n一、主要做法和成效\n全年共开展学法12次。", KindReport, 2022},
		{"一、主要成效\n开展了学法12次，累计培训300人次，未发生违纪案件。\n二、下一步打算\n每月开展1次学法。", KindReport, 0},
		{"二〇二三年黨支部工作計劃\n每月開展一次主題黨日。", KindPlan, 2023},
		{"2023年，局党组全年召开党组会议24次，中心组学习12次，开展调研15次，讲党课2次。", KindReport, 0},
		{"全年开展调研不少于12次，组织开展1次专题讨论，每月开展1次学法。", KindPlan, 0},
		{"", KindPlan, 0},
	}
	for _, tt := range tests {
		d := Analyze(tt.text)
		if d.Kind != tt.kind || d.Year != tt.year {
			t.Errorf("Analyze(%.30q): kind %s year %d, want %s %d", tt.text, d.Kind, d.Year, tt.kind, tt.year)
		}
	}
}

// In a report, counts are history; a practice stated with a repeating
// cadence, and the plan section at its end, still make duties.
func TestReportSections(t *testing.T) {
	d := Analyze(readTestdata(t, "justice-report-2022.txt"))
	if d.Kind != KindReport {
		t.Fatalf("kind %s", d.Kind)
	}
	check(t, d.Candidates, []want{{M, 1, "会前学法"}, {Q, 1, "法治专题讲座"}, {Y, 2, "警示教育"}})
}

// Whole documents of other bureaus, in the forms plans arrive in.
func TestDocuments(t *testing.T) {
	tests := []struct {
		file string
		want []want
	}{
		{"health-ideology-plan-2023.txt", []want{
			{H, 1, "专题研究意识形态"},
			{Q, 1, "听取意识形态工作情况汇报"},
			{Y, 1, "专题党课"},
			{Q, 1, "分析研判"},
			{H, 1, "报告意识形态工作情况"},
			{Y, 12, "集体学习"},
			{Y, 4, "专题研讨"},
			{Y, 1, "宣传干部培训"},
			{M, 1, "巡查"},
			{H, 1, "意识形态工作汇报"},
			{H, 1, "保密工作汇报"},
			{Y, 2, "调研"},
			{Y, 1, "调研报告"},
		}},
		{"party-branch-plan-2023-traditional.txt", []want{
			{Q, 1, "黨員大會"},
			{M, 1, "支委會"},
			{M, 1, "黨小組會"},
			{Y, 2, "黨課"},
			{M, 1, "主題黨日"},
			{Y, 1, "組織生活會"},
			{Y, 1, "談心談話"},
			{Y, 2, "警示教育"},
		}},
		{"wrapped-integrity-plan.txt", []want{
			{Q, 1, "党风廉政建设专题会议"},
			{Y, 1, "廉政谈话"},
			{H, 1, "向党组报告"},
			{M, 1, "台账"},
			{W, 1, "局长办公会"},
			{Q, 1, "工作汇报"},
			{Q, 1, "廉政风险排查"},
			{Y, 6, "督导检查"},
			{M, 2, "调度会"},
			{M, 1, "学法"},
		}},
		{"table-duties.txt", []want{
			{Y, 6, "中心组集体学习"},
			{M, 1, "会前学法"},
			{Y, 1, "廉政谈话"},
			{Y, 12, "专题调研"},
		}},
		{"traps.txt", nil},
		{"personal-report-2023.txt", []want{
			{M, 1, "会前学法"},
			{Q, 1, "听取分管科室党风廉政建设工作汇报"},
		}},
		{"county-finance-plan-2024.txt", []want{
			{Y, 20, "第一议题"},
			{Y, 12, "集中学习"},
			{Q, 1, "专题研讨"},
			{Y, 2, "学习心得"},
			{M, 1, "支委会"},
			{M, 1, "党小组会"},
			{Q, 1, "党员大会"},
			{Q, 1, "党课"},
			{M, 1, "主题党日"},
			{Y, 1, "组织生活会"},
			{Y, 1, "民主评议党员"},
			{Y, 1, "为全体党员讲党课"},
			{Y, 1, "到联系支部讲党课"},
			{H, 1, "党风廉政建设"},
			{Q, 1, "意识形态工作汇报"},
			{Y, 1, "廉政谈话"},
			{Y, 1, "向党组书面报告"},
			{Y, 8, "调研"},
			{Y, 2, "调研报告"},
			{Y, 1, "警示教育"},
			{Y, 2, "警示教育片"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			check(t, Extract(readTestdata(t, tt.file)), tt.want)
		})
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHanValue(t *testing.T) {
	for s, v := range map[string]int{
		"一": 1, "两": 2, "兩": 2, "十": 10, "十二": 12, "二十": 20, "二十四": 24, "一百": 100,
		"一百零八": 108, "三千": 3000, "两万": 20000, "二〇二二": 2022, "一两": 1, "两三": 2, "三五": 3,
	} {
		got, ok := hanValue([]rune(s))
		if !ok || got != v {
			t.Errorf("hanValue(%s) = %d %v, want %d", s, got, ok, v)
		}
	}
	for _, s := range []string{"十十", "百", "三一"} {
		if v, ok := hanValue([]rune(s)); ok && s != "三一" {
			t.Errorf("hanValue(%s) = %d, want not a number", s, v)
		}
	}
}

// The folding table is pairs; a pair out of step would map a Simplified
// character to a Traditional one.
func TestFoldTable(t *testing.T) {
	if n := len([]rune(tradToSimp)); n%2 != 0 {
		t.Fatalf("tradToSimp has %d runes, not pairs", n)
	}
	m := foldTable()
	for k, v := range m {
		if w, ok := m[v]; ok {
			t.Errorf("%c→%c, and %c→%c: the table is out of step", k, v, v, w)
		}
	}
	for tr, s := range map[rune]rune{'週': '周', '於': '于', '兩': '两', '會': '会', '黨': '党', '談': '谈', '８': '8'} {
		if got := fold(tr, m); got != s {
			t.Errorf("fold(%c) = %c, want %c", tr, got, s)
		}
	}
}

// Every string out of Extract is already clean, however dirty the text.
func TestOutputIsClean(t *testing.T) {
	text := "每月开展1次\x1b[31m会前\u202e学法\r\n每年召开\x00一次\u200b组织生活会\t全年\u009b2J调研不少于12次"
	for _, c := range Extract(text) {
		if model.Clean(c.Title) != c.Title || model.Clean(c.Basis) != c.Basis || strings.ContainsAny(c.Title+c.Basis, "\x1b\u202e\x00\u200b\u009b\n") {
			t.Errorf("not clean: %q / %q", c.Title, c.Basis)
		}
	}
}

// A numeral that numbers headings (一、 （一） 第一部分) may number items
// too: a line that states a requirement is an item whatever its number,
// and it neither opens a section nor sets its tense.
func TestNumberedItems(t *testing.T) {
	tests := []struct {
		name string
		text string
		kind Kind
		want []want
	}{
		{"一、 items with sentences",
			"2027年党风廉政建设工作计划\n一、全年党组研究党风廉政建设工作不少于2次，年中和年终向市纪委专题报告履行主体责任情况各1次。\n二、每月开展1次会前集中学法。\n",
			KindPlan, []want{{Y, 2, "党风廉政"}, {H, 1, "专题报告"}, {M, 1, "学法"}}},
		{"（一） items with sentences",
			"2025年综合科工作计划\n（一）每季度向分管领导汇报1次科室工作情况。\n（二）每月召开1次科务会，研究部署重点工作。\n（三）全年开展业务培训不少于4次。\n",
			KindPlan, []want{{Q, 1, "汇报"}, {M, 1, "科务会"}, {Y, 4, "业务培训"}}},
		{"第一部分 with a sentence",
			"第一部分 每半年召开1次保密工作会议，听取保密工作情况汇报。\n第二部分 工作要求\n",
			KindPlan, []want{{H, 1, "保密工作会议"}}},
		{"an item naming 情况 does not make a past section",
			"一、每季度听取1次意识形态工作情况汇报。\n二、每月开展1次主题党日活动。\n",
			KindPlan, []want{{Q, 1, "意识形态工作情况汇报"}, {M, 1, "主题党日"}}},
		{"a heading with a weak cadence is still a heading",
			"2023年工作总结\n一、全年工作情况\n全年共开展学法12次，召开专题会议4次。\n二、全年工作安排\n每月开展1次会前学法。\n",
			KindReport, []want{{M, 1, "会前学法"}}},
		{"a heading that names a task with 情况 opens no past section",
			"2025年工作计划\n（一）及时报告工作情况。全年向党组报告工作不少于2次。\n（二）每月开展1次学法。\n",
			KindPlan, []want{{Y, 2, "向党组报告工作"}, {M, 1, "学法"}}},
		{"a heading names the count under it",
			"2025年工作计划\n一、理论学习\n1. 中心组学习\n全年集中学习不少于12次。\n2. 会前学法\n每月1次。\n（三）廉政谈话。每年1次，每次不少于30分钟。\n（四）加强组织领导。\n完善工作机制。全年不少于2次。\n",
			KindPlan, []want{{Y, 12, "集中学习"}, {M, 1, "会前学法"}, {Y, 1, "廉政谈话"}}},
		{"other list numbers",
			"3) 全年开展调研不少于4次。\n12）每月召开1次例会。\n1.1 每季度召开1次支委会。\n2.1.1 每半年听取1次汇报。\n",
			KindPlan, []want{{Y, 4, "调研"}, {M, 1, "例会"}, {Q, 1, "支委会"}, {H, 1, "听取汇报"}}},
		{"a gap after a heading's number only indents",
			"2023年工作总结\n一、　主要成效\n全年共开展学法12次。\n二、　下一步打算\n（一）\t全年开展学法不少于12次。\n",
			KindReport, []want{{Y, 12, "学法"}}},
		{"a year-end item is not a heading",
			"一、每季度开展1次廉政风险排查。\n二、年底前，向局党组书面报告全年工作完成情况。\n",
			KindPlan, []want{{Q, 1, "廉政风险排查"}, {Y, 1, "向局党组书面报告"}}},
		{"a long heading is not joined to the text under it",
			"区司法局2023年工作总结\n一、2023年度推进法治建设的主要举措和取得的成效\n全年共组织学法12次，举办法治讲座4场。\n二、2024年度推进法治建设的主要工作任务和具体安排\n每季度开展1次法治讲座。\n",
			KindReport, []want{{Q, 1, "法治讲座"}}},
		{"a report's numbered items are history, its plan heading is not",
			"2023年司法所工作总结\n一、主要成效\n（一）全年共组织学法12次，举办法治讲座4场。\n（二）开展普法宣传活动20场次。\n二、下一步打算\n（一）每季度至少开展1次法治讲座。\n",
			KindReport, []want{{Q, 1, "法治讲座"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text)
			if d.Kind != tt.kind {
				t.Errorf("kind %s, want %s", d.Kind, tt.kind)
			}
			check(t, d.Candidates, tt.want)
		})
	}
}

// A title is the duty's name alone: the day the period names, a length
// that describes each occurrence and the subject are left out.
func TestTitles(t *testing.T) {
	for text, title := range map[string]string{
		"每月5日前向局党组报送上月督办事项落实情况。":   "向局党组报送上月督办事项落实情况",
		"每年3月底前向市委报告上一年度法治政府建设情况。": "向市委报告上一年度法治政府建设情况",
		"每月第二个星期五开展主题党日活动。":        "主题党日活动",
		"每季度第一个月10日前报送上季度工作情况。":    "报送上季度工作情况",
		"每月15号召开支委会。":              "召开支委会",
		"每周五下午开展不少于30分钟的政治理论学习。":   "政治理论学习",
		"中心组学习情况每半年报送一次。":          "中心组学习情况报送",
		"对辖区学校食堂每月检查1至2次。":         "对辖区学校食堂检查",
		"每月10日前完成党费收缴并公示。":         "完成党费收缴并公示",
		"班子成员每年讲党课1次。":             "讲党课",
		"党组会议原则上每月召开一次。":           "党组会议",
		"各科室每周五下班前报送本周工作小结。":       "报送本周工作小结",
		"每季度最后一个月25日前报送季度工作总结。":    "报送季度工作总结",
		"3) 全年开展调研不少于4次。":          "调研",
		"2.1.1 每半年听取1次汇报。":         "听取汇报",
	} {
		cs := Extract(text)
		if len(cs) != 1 || cs[0].Title != title {
			t.Errorf("%s: want one duty %q, got:%s", text, title, show(cs))
		}
	}
}

// A text wrapped by a narrow window joins at its wrap width, numbered lines
// too; headings of one width and the rows of a table stay lines of their own.
func TestWrapWidth(t *testing.T) {
	narrow := "XX乡2025年网络意识形态工作计划\n" +
		"一、乡党委每半年专题研究一次\n网络意识形态工作，每季度听\n取一次网信工作情况汇报。\n" +
		"二、每月开展不少于2次网络舆\n情分析研判，形成研判报告报\n乡党委。\n" +
		"三、每周对乡政府网站和政务\n新媒体开展一次内容巡查，每\n日安排专人值守。\n"
	cs := Extract(narrow)
	check(t, cs, []want{{H, 1, "专题研究网络意识形态工作"}, {Q, 1, "网信工作情况汇报"}, {M, 2, "网络舆情分析研判"}, {W, 1, "内容巡查"}})
	for i, line := range []int{2, 3, 5, 8} {
		if i < len(cs) && cs[i].Line != line {
			t.Errorf("%q on line %d, want %d", cs[i].Title, cs[i].Line, line)
		}
	}

	headings := "2025年机关党建工作要点\n一、加强党的政治建设\n坚持每月开展1次集中学习\n二、加强党的思想建设\n全年讲党课不少于2次\n三、加强党的组织建设\n每季度召开1次党员大会\n"
	cs = Extract(headings)
	check(t, cs, []want{{M, 1, "集中学习"}, {Y, 2, "党课"}, {Q, 1, "党员大会"}})
	for i, line := range []int{3, 5, 7} {
		if i < len(cs) && cs[i].Line != line {
			t.Errorf("%q on line %d, want %d", cs[i].Title, cs[i].Line, line)
		}
	}

	table := "序号    工作事项                  频次要求\n" +
		"1       中心组集体学习            每年不少于6次\n" +
		"2       报送廉政风险防控台账      每月25日前\n" +
		"3       开展廉政谈话              每季度不少于1次\n"
	cs = Extract(table)
	check(t, cs, []want{{Y, 6, "中心组集体学习"}, {M, 1, "台账"}, {Q, 1, "廉政谈话"}})
	for i, c := range cs {
		if c.Line != i+2 {
			t.Errorf("%q on line %d, want %d", c.Title, c.Line, i+2)
		}
	}
}

// A sentence that states a duty's cadence and then its yearly total states
// one duty: one candidate, whose basis is the whole sentence. When the
// total is what the cadence comes to, the finer cadence stays and nothing
// more is said; when they disagree, the stricter reading stays and the
// other is kept in Also for the review to show.
func TestRestatedTotals(t *testing.T) {
	tests := []struct {
		text  string
		cad   model.Cadence
		min   int
		also  model.Target
		basis string
	}{
		{"每月组织科室干部开展1次政治理论学习，全年不少于12次。", M, 1, model.Target{}, "每月组织科室干部开展1次政治理论学习，全年不少于12次"},
		{"每季度向分管领导汇报1次工作，全年不少于4次。", Q, 1, model.Target{}, "每季度向分管领导汇报1次工作，全年不少于4次"},
		{"每半年专题研究1次党风廉政建设，全年不少于2次。", H, 1, model.Target{}, "每半年专题研究1次党风廉政建设，全年不少于2次"},
		{"每月组织科室干部开展1次政治理论学习，全年不少于15次。", Y, 15, model.Target{Cadence: M, Min: 1}, "每月组织科室干部开展1次政治理论学习，全年不少于15次"},
		{"每月组织科室干部开展1次政治理论学习，全年不少于10次。", M, 1, model.Target{Cadence: Y, Min: 10}, "每月组织科室干部开展1次政治理论学习，全年不少于10次"},
		{"全年开展政治理论学习不少于24次，每月2次。", M, 2, model.Target{}, "全年开展政治理论学习不少于24次，每月2次"},
	}
	for _, tt := range tests {
		cs := Extract(tt.text)
		if len(cs) != 1 {
			t.Errorf("%s: %d candidates %+v, want 1", tt.text, len(cs), cs)
			continue
		}
		c := cs[0]
		if c.Cadence != tt.cad || c.Min != tt.min || c.Also != tt.also || c.Basis != tt.basis {
			t.Errorf("%s: %s %d also %+v basis %q, want %s %d also %+v basis %q", tt.text, c.Cadence, c.Min, c.Also, c.Basis, tt.cad, tt.min, tt.also, tt.basis)
		}
	}
	// different duties of one sentence stay apart, and so do a weekly
	// cadence and a total a year of weeks does not divide into
	for text, n := range map[string]int{
		"每月开展1次会前学法，全年组织警示教育不少于2次。": 2,
		"每周开展1次政治理论学习，全年不少于50次。":    2,
	} {
		if cs := Extract(text); len(cs) != n {
			t.Errorf("%s: %d candidates %+v, want %d", text, len(cs), cs, n)
		}
	}
}

// A talk owed to each person of a group (每名, 每位, 每人 after the group's
// preposition) is read per person: the group as the plan names it, the
// title without the 每名. Duties of the people themselves, and things
// counted 每个, are not.
func TestPerPerson(t *testing.T) {
	tests := []struct{ text, title, each string }{
		{"二、科长每年与科室每名干部谈心谈话不少于1次。", "与科室干部谈心谈话", "科室干部"},
		{"班子成员每年同每位分管科室负责人开展廉政谈话不少于1次。", "同分管科室负责人开展廉政谈话", "分管科室负责人"},
		{"每半年与科室干部每人谈话1次。", "与科室干部谈话", "科室干部"},
		{"對每名黨員每年談心談話不少於1次。", "談心談話", "黨員"},
		{"每年与班子成员谈心谈话不少于1次。", "与班子成员谈心谈话", ""},
		{"科室干部每人每年参加学法培训不少于2次。", "参加学法培训", ""},
		{"每年与每个科室开展谈话不少于1次。", "与每个科室开展谈话", ""},
	}
	for _, tt := range tests {
		cs := Extract(tt.text)
		if len(cs) != 1 || cs[0].Title != tt.title || cs[0].Each != tt.each {
			t.Errorf("%s: %+v, want %q each %q", tt.text, cs, tt.title, tt.each)
		}
	}
}
