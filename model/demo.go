package model

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"time"
)

// DemoOptions size a generated sample ledger.
type DemoOptions struct {
	Years   int  // years ending with the current one
	Duties  int  // duties, each with a target in every year
	Records int  // records in all
	Today   Date // no record is dated after it
	Seed    uint64
}

// DemoLedger is a generated sample: duties with their targets, and records
// that point at duties by index.
type DemoLedger struct {
	Duties  []Duty
	Targets [][]Target // per duty, one target a year
	Records []DemoRecord
}

// DemoRecord is a generated record of Duties[Duty].
type DemoRecord struct {
	Duty int
	Record
}

var demoSections = []string{"", "办公室", "法规科", "财务科", "人事科", "监管一科", "监管二科", "信息科", "综合科",
	"机关党委", "政策研究室", "督查科", "行政审批科", "宣传科", "安全科", "规划科"}

var demoTopics = map[Category][]string{
	Study:     {"学习党的二十届三中全会精神", "学习《中国共产党纪律处分条例》", "学习习近平法治思想", "学习《行政复议法》", "学习《保守国家秘密法》", "第一议题：学习重要讲话精神", "学习《中国共产党章程》"},
	Talk:      {"年度廉政提醒谈话", "节前廉洁提醒", "新任职干部廉政谈话", "谈心谈话：工作与思想情况", "岗位调整谈心谈话"},
	Lesson:    {"廉政党课：守住底线不越红线", "专题党课：学党史 悟思想", "讲党课：以案为鉴 以案促改"},
	Meeting:   {"研究部署党风廉政建设工作", "听取科室党风廉政工作汇报", "意识形态工作专题研究", "保密工作汇报会", "支部党员大会：发展党员", "主题党日：志愿服务"},
	Report:    {"上半年党风廉政建设情况报告", "年度述责述廉", "全年党风廉政建设工作情况报告", "年度述法报告"},
	Research:  {"基层所营商环境调研", "企业服务情况调研", "社区政策落实情况调研", "重点项目推进情况调研", "乡镇基层减负调研"},
	Education: {"参观廉政教育基地", "观看警示教育片", "旁听职务犯罪庭审", "典型案例警示教育会"},
	Other:     {"廉政风险点排查", "民主评议党员", "个人有关事项报告", "签订党风廉政建设责任书"},
}

var demoPlaces = []string{"局三楼会议室", "党员活动室", "局五楼小会议室", "市廉政教育基地", "市中级人民法院", "区政务服务中心", "开发区企业服务中心", "城东基层所", "办公室"}

var demoSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
var demoGiven = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "志强", "海燕", "晓东", "国庆"}

// Demo generates a realistic ledger: the duties of both built-in templates
// (repeated for further sections when more are asked for), a target for
// each in every year, and records that meet most periods, miss some, and
// make up the requested total. The same options give the same ledger.
func Demo(o DemoOptions) DemoLedger {
	rng := rand.New(rand.NewPCG(o.Seed, 0x7a6c))
	var pool []TemplateDuty
	for _, t := range Templates {
		for _, row := range t.Duties {
			// The per-person talks need a roster; the demo keeps to duties
			// counted in records.
			if row.Each[0] == "" {
				pool = append(pool, row)
			}
		}
	}
	var dl DemoLedger
	last := o.Today.Year()
	first := last - o.Years + 1
	for i := 0; i < o.Duties; i++ {
		row := pool[i%len(pool)]
		title := row.Title[0]
		if sec := demoSections[(i/len(pool))%len(demoSections)]; sec != "" {
			title = fmt.Sprintf("%s（%s）", title, sec)
		}
		if i >= len(pool)*len(demoSections) {
			title = fmt.Sprintf("%s %d", title, i/(len(pool)*len(demoSections))+1)
		}
		dl.Duties = append(dl.Duties, Duty{Title: title, Category: row.Category, Basis: row.Basis[0]})
		var ts []Target
		for y := first; y <= last; y++ {
			ts = append(ts, Target{Year: y, Cadence: row.Cadence, Min: row.Min})
		}
		dl.Targets = append(dl.Targets, ts)
	}
	if len(dl.Duties) == 0 {
		return dl
	}
	type slot struct{ duty, year int }
	var dates []DemoRecord
	add := func(duty int, day Date) {
		dates = append(dates, DemoRecord{Duty: duty, Record: Record{Date: day}})
	}
	// Most periods up to today are met; about one in ten is not.
	for di, ts := range dl.Targets {
		for _, t := range ts {
			for _, p := range Periods(t.Cadence, t.Year) {
				if p.Start > o.Today || rng.IntN(10) == 0 {
					continue
				}
				end := min(p.End, o.Today)
				for range t.Min {
					add(di, p.Start+Date(rng.IntN(int(end-p.Start)+1)))
				}
			}
		}
	}
	rng.Shuffle(len(dates), func(i, j int) { dates[i], dates[j] = dates[j], dates[i] })
	if len(dates) > o.Records {
		dates = dates[:o.Records]
	}
	for len(dates) < o.Records {
		di := rng.IntN(len(dl.Duties))
		y := first + rng.IntN(o.Years)
		start := NewDate(y, time.January, 1)
		end := min(NewDate(y, time.December, 31), o.Today)
		add(di, start+Date(rng.IntN(int(end-start)+1)))
	}
	sort.SliceStable(dates, func(i, j int) bool { return dates[i].Date < dates[j].Date })
	for i := range dates {
		r := &dates[i]
		d := dl.Duties[r.Duty]
		topics := demoTopics[d.Category]
		r.Topic = topics[rng.IntN(len(topics))]
		r.Place = demoPlaces[rng.IntN(len(demoPlaces))]
		n := 1 + rng.IntN(3)
		if d.Category == Talk {
			n = 1
		}
		for k := 0; k < n; k++ {
			if k > 0 {
				r.With += "、"
			}
			r.With += string(demoSurnames[rng.IntN(len(demoSurnames))]) + demoGiven[rng.IntN(len(demoGiven))]
		}
		// Entered on the day, or a few days later.
		r.Created = r.Date.Time().Add(time.Duration(9+rng.IntN(9))*time.Hour + time.Duration(rng.IntN(4)*24)*time.Hour)
		if r.Created.After(o.Today.Time().Add(23 * time.Hour)) {
			r.Created = r.Date.Time().Add(17 * time.Hour)
		}
		r.Updated = r.Created
	}
	dl.Records = dates
	return dl
}
