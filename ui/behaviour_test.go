package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
	"taizhang/model/plan/docx/docxtest"
)

func TestTickRecordsTodayWithATopic(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "述法")
	press(t, a, "space")
	mustContain(t, a, "登记 述法 2026-11-22  主题：", "enter 保存  esc 取消")
	press(t, a, "2026年度述法报告", "enter")
	rs := recordsOf(t, s, "述法")
	if len(rs) != 1 || rs[0].Topic != "2026年度述法报告" || rs[0].Date.String() != "2026-11-22" {
		t.Fatalf("records = %+v", rs)
	}
	mustContain(t, a, "已登记：述法 2026-11-22")
	if dy, _ := a.dash.selected(); dy.Status != model.Done {
		t.Errorf("述法 status after the tick = %s", dy.Status)
	}
	// esc abandons a tick without writing.
	press(t, a, "space", "不保存", "esc")
	if n := len(recordsOf(t, s, "述法")); n != 1 {
		t.Errorf("esc wrote a record: %d", n)
	}
	// u takes the tick back.
	press(t, a, "u")
	if n := len(recordsOf(t, s, "述法")); n != 0 {
		t.Errorf("undo left %d records", n)
	}
	mustContain(t, a, "已撤销新增记录 述法 2026-11-22")
	press(t, a, "u")
	mustContain(t, a, "没有可撤销的操作")
}

func TestFullRecordForm(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "a")
	mustContain(t, a, "新增履职记录：与分管科室负责人提醒谈话", "日期", "2026-11-22", "主题", "参加人员", "地点", "备注")
	press(t, a, "节前廉洁提醒", "tab", "赵")
	mustContain(t, a, "tab 补全：赵科长")
	press(t, a, "tab", "钱科长", "tab", "局长办公室")
	// Back to the date: step two days back with -.
	press(t, a, "up", "up", "up", "-", "-")
	mustContain(t, a, "2026-11-20")
	press(t, a, "ctrl+s")
	rs := recordsOf(t, s, "提醒谈话")
	if len(rs) != 2 {
		t.Fatalf("%d records", len(rs))
	}
	r := rs[0]
	if r.Date.String() != "2026-11-20" || r.Topic != "节前廉洁提醒" || r.With != "赵科长、钱科长" || r.Place != "局长办公室" {
		t.Errorf("saved record = %+v", r)
	}
	mustContain(t, a, "已登记：与分管科室负责人提醒谈话 2026-11-20")
}

func TestRecordFormRefusesBadDates(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "述法")
	press(t, a, "a", "up", "+")
	mustContain(t, a, "2026-11-23")
	press(t, a, "ctrl+s")
	mustContain(t, a, "日期晚于今天，不能登记未来的记录。")
	for range 10 {
		press(t, a, "backspace")
	}
	press(t, a, "2026-02-30", "ctrl+s")
	mustContain(t, a, "日期无效")
	// A date in a year without a target is refused by the ledger, shown in the form.
	for range 10 {
		press(t, a, "backspace")
	}
	press(t, a, "2025-05-01", "ctrl+s")
	mustContain(t, a, "在2025年没有年度要求")
	if n := len(recordsOf(t, s, "述法")); n != 0 {
		t.Errorf("a refused form wrote %d records", n)
	}
	press(t, a, "esc")
	mustNotContain(t, a, "新增履职记录")
}

func TestDetailEditDeleteAndUndo(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "会前学法")
	press(t, a, "enter")
	mustContain(t, a, "会前学法", "每月1次", "依据：", "1月", "12月", "记录（10）", "2026-11-09")
	// The strip shows August missed.
	if !strings.Contains(screen(a), "0!") {
		t.Errorf("August is not shown missed:\n%s", screen(a))
	}
	// Edit the newest record's topic.
	press(t, a, "e")
	mustContain(t, a, "修改履职记录：会前学法")
	press(t, a, "down")
	for range 12 {
		press(t, a, "backspace")
	}
	press(t, a, "学习《民法典》", "ctrl+s")
	if rs := recordsOf(t, s, "会前学法"); rs[0].Topic != "学习《民法典》" {
		t.Fatalf("edited topic = %q", rs[0].Topic)
	}
	// Delete it, with confirmation.
	press(t, a, "d")
	mustContain(t, a, "删除这条记录？2026-11-09", "y 删除")
	press(t, a, "y")
	if n := len(recordsOf(t, s, "会前学法")); n != 9 {
		t.Fatalf("%d records after delete", n)
	}
	mustContain(t, a, "已删除：会前学法 2026-11-09", "记录（9）")
	press(t, a, "u")
	rs := recordsOf(t, s, "会前学法")
	if len(rs) != 10 || rs[0].Topic != "学习《民法典》" {
		t.Fatalf("undo of delete: %d records, newest %q", len(rs), rs[0].Topic)
	}
	mustContain(t, a, "已撤销删除记录 会前学法 2026-11-09")
	press(t, a, "u")
	if rs := recordsOf(t, s, "会前学法"); rs[0].Topic != "学习《行政复议法》" {
		t.Fatalf("undo of edit left %q", rs[0].Topic)
	}
	mustContain(t, a, "已撤销修改记录")
	// n keeps the record; esc goes back to the dashboard.
	press(t, a, "d", "n", "esc")
	mustContain(t, a, "学习（3）")
}

func TestFilterByPinyinInitials(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "/", "txth")
	// 谈心谈话 and 提醒谈话 both read t-x-t-h.
	mustContain(t, a, "谈心谈话（班子成员之间、与分管干部）", "与分管科室负责人提醒谈话", "筛选：txth")
	mustNotContain(t, a, "会前学法", "开展调研")
	press(t, a, "enter")
	press(t, a, "j")
	if dy, ok := a.dash.selected(); !ok || !strings.HasPrefix(dy.Duty.Title, "谈心谈话") {
		t.Errorf("selected after filtering: %+v", dy.Duty)
	}
	press(t, a, "esc")
	mustContain(t, a, "会前学法")
	press(t, a, "/", "学法")
	mustContain(t, a, "会前学法", "专题学法")
	mustNotContain(t, a, "开展调研")
	press(t, a, "esc", "/", "zzzz")
	mustContain(t, a, "没有符合“zzzz”的事项")
}

func TestYearSwitchAndCarry(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "]")
	mustContain(t, a, "2027年度", "尚未开始", "2027年还没有履职事项。", "c 从2026年复制要求")
	press(t, a, "c")
	mustContain(t, a, "已从2026年复制 19 项要求。", "未开始19")
	press(t, a, "[", "[")
	mustContain(t, a, "2025年度", "全年已结束", "2025年还没有履职事项。")
	press(t, a, "]")
	mustContain(t, a, "2026年度", "全年还剩39天")
}

func TestSeesWritesFromAnotherProcess(t *testing.T) {
	s, path := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	other, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	send(t, a, pollMsg{}) // the first poll learns the ledger's version
	all, _ := other.Duties(bg)
	d, _ := model.MatchDuty(all, "述法")
	if _, err := other.AddRecord(bg, model.Record{DutyID: d.ID, Date: model.DateOf(testNow), Topic: "命令行登记"}, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	send(t, a, pollMsg{})
	mustContain(t, a, "台账已被其他程序更新，已刷新。")
	selectDuty(t, a, "述法")
	if dy, _ := a.dash.selected(); dy.Done != 1 {
		t.Errorf("the record written elsewhere is not counted: %+v", dy)
	}
}

func TestNewDutyForm(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "n")
	mustContain(t, a, "新建履职事项（2026年）", "名称", "类别", "频次", "每期次数", "依据", "起始日期")
	press(t, a, "tab", "right", "tab", "left", "left", "left", "tab", "backspace", "2", "tab", "《工作计划》第7条", "ctrl+s")
	mustContain(t, a, "事项名称不能为空，请填写名称。")
	press(t, a, "谈话记录抽查", "ctrl+s") // the error put the cursor back on the title
	mustContain(t, a, "已添加事项：谈话记录抽查")
	var got data.DutyTarget
	dts, _ := s.YearDuties(bg, 2026)
	for _, dt := range dts {
		if dt.Title == "谈话记录抽查" {
			got = dt
		}
	}
	if got.Category != model.Talk || got.Target.Cadence != model.Month || got.Target.Min != 2 || got.Basis != "《工作计划》第7条" {
		t.Errorf("new duty = %+v", got)
	}
	// toggleArchive ticks or unticks the form's archive box (after the
	// title, category, cadence, minimum, basis, start, group and
	// evidence), gives the reason, and saves.
	toggleArchive := func(reason ...string) {
		t.Helper()
		for range 8 {
			press(t, a, "tab")
		}
		press(t, a, "space")
		if len(reason) > 0 {
			press(t, a, "tab", "ctrl+u")
			press(t, a, reason...)
		}
		press(t, a, "ctrl+s")
	}
	// Edit it and archive it, saying why.
	selectDuty(t, a, "谈话记录抽查")
	press(t, a, "e")
	mustContain(t, a, "修改履职事项（2026年要求）", "今天以后不再要求，已有记录仍计入本年", "归档原因")
	toggleArchive("职责划转")
	mustContain(t, a, "已归档事项：谈话记录抽查")
	all, _ := s.Duties(bg)
	for _, d := range all {
		if d.Title == "谈话记录抽查" && (d.Archived.String() != "2026-11-22" || d.ArchiveReason != "职责划转") {
			t.Errorf("archived on %q for %q", d.Archived, d.ArchiveReason)
		}
	}
	// The dashboard says it is archived; its form shows the box ticked,
	// and unticking it brings the duty back.
	mustContain(t, a, "谈话记录抽查（已归档）")
	selectDuty(t, a, "谈话记录抽查")
	press(t, a, "e")
	mustContain(t, a, "[x]", "已于2026-11-22归档；取消勾选即恢复", "职责划转")
	toggleArchive()
	mustContain(t, a, "已恢复事项：谈话记录抽查")
	mustNotContain(t, a, "（已归档）")
	if d, _ := s.Duty(bg, got.ID); !d.Archived.IsZero() || d.ArchiveReason != "" {
		t.Errorf("still archived on %s for %q", d.Archived, d.ArchiveReason)
	}
	// Archive it again; archived today, it is not carried into next year.
	press(t, a, "e")
	toggleArchive()
	mustContain(t, a, "已归档事项：谈话记录抽查")
	press(t, a, "]", "c")
	mustContain(t, a, "已从2026年复制 19 项要求。")
	mustNotContain(t, a, "谈话记录抽查")
}

func TestFirstRunOffersTemplates(t *testing.T) {
	path := t.TempDir() + "/new.db"
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	mustContain(t, a, "欢迎使用台账", "1  科长（科室负责人）（14）", "2  班子成员（党组成员）（19）")
	press(t, a, "1")
	// Next it asks for the post start date; esc skips it.
	mustContain(t, a, "今年任职的请填写任职日期", "[x]")
	press(t, a, "esc")
	// Then for the people of 科室干部; esc skips that too.
	mustContain(t, a, "人员名单", "科室干部")
	press(t, a, "esc")
	mustContain(t, a, "已添加 14 项（2026年）。", "参加支部党员大会")
}

func TestMouse(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	first := a.dash.selectedID()
	send(t, a, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if a.dash.selectedID() == first {
		t.Error("the wheel did not move the selection")
	}
	// Click the fourth body row: heading, 学习, then duties.
	send(t, a, tea.MouseClickMsg{X: 5, Y: headerLines + 3, Button: tea.MouseLeft})
	dy, _ := a.dash.selected()
	if want := a.c.data.status.Duties[a.dash.rows[a.dash.offset+2].idx].Duty.Title; dy.Duty.Title != want {
		t.Errorf("clicked %q, selected %q", want, dy.Duty.Title)
	}
	send(t, a, tea.MouseClickMsg{X: 5, Y: headerLines + 3, Button: tea.MouseLeft})
	if !a.detailOpen {
		t.Error("a second click did not open the duty")
	}
	// A click on a view's name switches to it.
	spans := a.tabSpans()
	send(t, a, tea.MouseClickMsg{X: spans[3][0] + 1, Y: 0, Button: tea.MouseLeft})
	if a.view != logView {
		t.Errorf("view after clicking the fourth tab = %d", a.view)
	}
}

func TestViewsAndHelp(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "tab")
	mustContain(t, a, "[本期]", "本期待办")
	press(t, a, "tab")
	mustContain(t, a, "[年度图]", "会前学法")
	press(t, a, "tab")
	mustContain(t, a, "[记录]", "2026-11-09", "学习《行政复议法》")
	press(t, a, "/", "营商")
	mustContain(t, a, "城东基层所营商环境调研")
	mustNotContain(t, a, "学习《行政复议法》")
	// A date, or part of one, finds the records of that day.
	press(t, a, "esc", "/", "11-09")
	mustContain(t, a, "2026-11-09", "学习《行政复议法》")
	mustNotContain(t, a, "城东基层所营商环境调研")
	press(t, a, "esc", "/", "无此记录")
	mustContain(t, a, "没有符合“无此记录”的记录。")
	press(t, a, "esc", "tab")
	mustContain(t, a, "[人员]", "分管科室负责人", "赵科长", "2026-10-01起")
	press(t, a, "tab")
	mustContain(t, a, "[总览]")
	press(t, a, "?")
	mustContain(t, a, "快捷键", "今天完成一次", "撤销")
	press(t, a, "x")
	mustNotContain(t, a, "快捷键")
}

func TestEnglish(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.English, 80, 24)
	mustContain(t, a, "taizhang  2026  as of 11-22  39 days left", "[Duties]", "done 1/19  rate 33.3%")
	selectDuty(t, a, "会前学法")
	press(t, a, "space")
	mustContain(t, a, "Log 会前学法 2026-11-22  topic:")
}

// Text with escape sequences reaches the screen inert.
func TestHostileTextIsInert(t *testing.T) {
	s, _ := testLedger(t)
	for _, w := range []int{40, 80, 200} {
		a := newTestApp(t, s, model.Chinese, w, 40)
		selectDuty(t, a, "调研")
		press(t, a, "enter")
		out := a.render()
		for _, bad := range []string{"\x1b[2J", "\x1b]52", "\u202e", "\x07"} {
			if strings.Contains(out, bad) {
				t.Fatalf("width %d: the screen carries %q", w, bad)
			}
		}
		if w == 200 {
			mustContain(t, a, "城东基层所营商环境调研")
		}
	}
}

func TestExportDialog(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "x")
	mustContain(t, a, "导出2026年度履职情况", "[md]", "Markdown 年度报告", "taizhang-2026.md", "截至日期", "2026-11-22", "覆盖已有文件")
	press(t, a, "right", "right")
	mustContain(t, a, "[docx]", "Word 年度报告（公文格式）", "taizhang-2026.docx")
	out := filepath.Join(t.TempDir(), "述职.docx")
	press(t, a, "tab", "tab", "ctrl+u", out, "ctrl+s")
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the export file: %v %v", fi, err)
	}
	mustContain(t, a, "已导出：", "导出前检查发现", "“会前学法”8月未达标")
	press(t, a, "q")
	mustNotContain(t, a, "导出前检查发现")
	// Again to the same file: refused in the dialog until Replace is ticked.
	press(t, a, "x", "right", "right", "tab", "tab", "ctrl+u", out, "ctrl+s")
	mustContain(t, a, "述职.docx 已存在；勾选")
	press(t, a, "down", "down", "space", "ctrl+s")
	mustContain(t, a, "已导出：")
}

// The dialog's layout choice writes the 述责述廉 report, and says that the
// workbook has no layout.
func TestExportReportLayout(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "x", "right", "right", "right", "tab")
	mustContain(t, a, "[xlsx]", "此格式不分版式")
	press(t, a, "esc", "x", "tab", "right")
	mustContain(t, a, "[md]", "[述责述廉报告]", "【请填写：…】处由本人补全")
	out := filepath.Join(t.TempDir(), "述责述廉.md")
	press(t, a, "tab", "ctrl+u", out, "ctrl+s")
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "# 2026年度述责述廉报告") || !strings.Contains(string(b), "以上报告，请予审议。") {
		t.Fatalf("the report: %v\n%s", err, b)
	}
	mustContain(t, a, "已导出：", "【请填写：…】")
}

const samplePlan = `2027年党风廉政建设工作计划
1. 全年党组研究党风廉政建设工作不少于2次，年中和年终向市纪委专题报告履行主体责任情况各1次。
2. 每月开展1次会前集中学法。
3. 全年开展调研活动不少于12次，每季度听取分管科室工作汇报1次。
4. 坚决做到“两个维护”，落实1名公职律师。`

func TestPlanImportFromAFile(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	path := filepath.Join(t.TempDir(), "计划.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	press(t, a, "]", "i")
	mustContain(t, a, "从工作计划导入事项（2027年）", "输入 .docx 或 .txt 文件的路径后回车，或直接粘贴计划全文")
	press(t, a, filepath.Join(t.TempDir(), "none.txt"), "enter")
	mustContain(t, a, "找不到文件")
	press(t, a, "ctrl+u", path, "enter")
	mustContain(t, a, "找到5项，已勾选5项", "党组研究党风廉政建设工作", "全年不少于2次", "每月1次", "全年不少于12次", "每季度1次")
	mustNotContain(t, a, "两个维护", "公职律师")
	// Leave the quarterly report out, and make research 10 a year.
	for i, it := range a.top().c.(*planReview).items {
		if strings.Contains(it.Title, "调研") {
			for range i {
				press(t, a, "down")
			}
			break
		}
	}
	press(t, a, "e")
	mustContain(t, a, "修改提取的事项")
	press(t, a, "tab", "tab", "tab", "backspace", "backspace", "10", "ctrl+s")
	mustContain(t, a, "全年不少于10次")
	press(t, a, "down", "space")
	mustContain(t, a, "已勾选4项")
	press(t, a, "enter")
	mustContain(t, a, "已添加 4 项（2027年）")
	dts, _ := s.YearDuties(bg, 2027)
	if len(dts) != 4 {
		t.Fatalf("%d duties in 2027, want 4: %+v", len(dts), dts)
	}
	for _, dt := range dts {
		if strings.Contains(dt.Title, "调研") && dt.Target.Min != 10 {
			t.Errorf("research minimum = %d", dt.Target.Min)
		}
		if strings.Contains(dt.Title, "听取") {
			t.Errorf("the unchecked duty was added: %s", dt.Title)
		}
		if dt.Basis == "" {
			t.Errorf("%s has no basis", dt.Title)
		}
	}
}

func TestPlanImportFromPastedText(t *testing.T) {
	path := t.TempDir() + "/new.db"
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	mustContain(t, a, "i  从工作计划文本导入")
	press(t, a, "i")
	send(t, a, tea.PasteMsg{Content: samplePlan})
	mustContain(t, a, "粘贴的文本：找到5项", "文本写的是2027年，将添加为2026年的要求")
	press(t, a, "A")
	mustContain(t, a, "已勾选0项")
	press(t, a, "enter")
	mustContain(t, a, "没有勾选任何事项。")
	press(t, a, "A", "enter")
	// The first duties of an empty ledger: the first run's question of
	// the post start date follows, as after a duty set.
	mustContain(t, a, "已添加 5 项（2026年）", "个人信息：今年任职的请填写任职日期")
	press(t, a, "esc")
	mustContain(t, a, "会前集中学法")
}

// A first duty of the officer's own (n on the welcome) is followed by the
// question of the post start date too, and the date reaches it.
func TestFirstOwnDutyAsksThePostStartDate(t *testing.T) {
	s, err := data.Open(t.TempDir() + "/new.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "n", "参加读书会", "ctrl+s")
	mustContain(t, a, "个人信息：今年任职的请填写任职日期")
	press(t, a, "2026-07-01", "ctrl+s")
	mustContain(t, a, "用于2026年的1项要求", "参加读书会")
}

// An undo pressed while a delete is still being written waits for it, and
// a form opened meanwhile survives the delete's completion.
func TestWritesInFlight(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "会前学法")
	press(t, a, "enter", "d")
	_, pending := a.Update(keys("y")[0]) // the delete, not yet run
	press(t, a, "u")
	mustContain(t, a, "正在保存，稍后再撤销。")
	press(t, a, "a", "我正在输入")
	mustContain(t, a, "新增履职记录：会前学法", "我正在输入")
	run(t, a, pending)
	mustContain(t, a, "新增履职记录：会前学法", "我正在输入")
	if n := len(recordsOf(t, s, "会前学法")); n != 9 {
		t.Fatalf("%d records after the delete", n)
	}
	press(t, a, "esc", "u")
	if n := len(recordsOf(t, s, "会前学法")); n != 10 {
		t.Fatalf("%d records after undoing the delete", n)
	}
}

// Undo never takes back a change overtaken by another process.
func TestUndoRefusesWhatChangedElsewhere(t *testing.T) {
	s, path := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "述法")
	press(t, a, "space", "本窗口", "enter")
	other, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	r := recordsOf(t, other, "述法")[0]
	r.Topic = "别处修改"
	if _, _, err := other.UpdateRecord(bg, r, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	press(t, a, "u")
	mustContain(t, a, "这条记录已被其他程序修改或删除，不能撤销。")
	if rs := recordsOf(t, s, "述法"); len(rs) != 1 || rs[0].Topic != "别处修改" {
		t.Fatalf("records after the refused undo: %+v", rs)
	}
}

// Editing a record's topic keeps its multi-line note; text from the
// ledger shows inert in the form.
func TestEditKeepsTheNoteAndShowsTextInert(t *testing.T) {
	s, _ := testLedger(t)
	rs := recordsOf(t, s, "提醒谈话")
	r := rs[0]
	r.Note = "第一行\n第二行"
	if _, _, err := s.UpdateRecord(bg, r, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("UPDATE records SET participants = ? WHERE id = ?", "赵科长\u202e\x1b]52;c;aGk=\x07", r.ID); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 80, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "e")
	out := a.render()
	if strings.ContainsAny(out, "\u202e\x07") || strings.Contains(out, "\x1b]52") {
		t.Fatalf("the form shows raw control text: %q", out)
	}
	press(t, a, "down", "（补）", "ctrl+s")
	got := recordsOf(t, s, "提醒谈话")[0]
	if got.Topic != "年度廉政提醒谈话（补）" || got.Note != "第一行\n第二行" {
		t.Errorf("after editing the topic: topic %q, note %q", got.Topic, got.Note)
	}
}

const reviewPlan = `2026年党风廉政建设工作计划
一、重点任务
党组主要负责人全年讲廉政党课不少于1次，年终进行述责述廉。
全年党组研究党风廉政建设工作不少于2次。
每季度听取1次意识形态和保密工作汇报。
全年开展专项检查不少于3次。
每年参加党组民主生活会和支部组织生活会不少于1次。`

// The review of a plan saved as a Word file, for a leadership member whose
// ledger keeps the leadership duties: what is kept already is shown as
// such and unticked, what the plan addresses to the principal is unticked
// and says why; the officer splits one duty in two, merges one with a kept
// duty and takes it apart again, jumps to the ends, and adds the ticked.
func TestPlanReviewKeptSplitMerge(t *testing.T) {
	s, _ := testLedger(t)
	if err := s.SetProfile(bg, model.Profile{Post: "党组成员、副局长"}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 100, 30)
	old := filepath.Join(t.TempDir(), "计划.doc")
	os.WriteFile(old, docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(false)}), 0o600)
	press(t, a, "i", old, "enter")
	mustContain(t, a, "这是旧版 Word 格式（.doc），无法直接读取；请在 Word 或 WPS 中“另存为”.docx 后再试。")
	path := filepath.Join(t.TempDir(), "计划.docx")
	os.WriteFile(path, docxtest.FromText(reviewPlan), 0o600)
	press(t, a, "ctrl+u", path, "enter")
	mustContain(t, a, "计划.docx：找到7项，已勾选3项", "讲廉政党课（非本职）", "述责述廉（已有）", "参加党组民主生活会（已有）", "参加支部组织生活会（已有）")
	mustContain(t, a, "写给党组主要负责人，不是您的职务（党组成员、副局长），默认不勾选")
	press(t, a, "down")
	mustContain(t, a, "台账中已有：述责述廉")
	// merge 党组研究… with a kept duty, then take it apart again
	press(t, a, "down", "m")
	mustContain(t, a, "“党组研究党风廉政建设工作”与哪一项已有事项相同？", "> 与分管科室专题研究党风廉政建设")
	press(t, a, "enter")
	mustContain(t, a, "党组研究党风廉政建设工作（已有）", "台账中已有：与分管科室专题研究党风廉政建设", "已勾选2项")
	press(t, a, "m")
	mustContain(t, a, "> （都不是：作为新事项添加）")
	press(t, a, "enter")
	mustContain(t, a, "已勾选3项")
	mustNotContain(t, a, "台账中已有：与分管科室")
	// split the report on two topics; copy a duty whose name holds no pair
	press(t, a, "down")
	mustContain(t, a, "听取意识形态和保密工作汇报")
	// (the ledger keeps 听取保密工作汇报, half-yearly: that half is the kept
	// duty, marked and not ticked, though the plan asks it quarterly)
	press(t, a, "s")
	mustContain(t, a, "找到8项，已勾选3项", "听取意识形态", "听取保密工作汇报（已有）")
	mustNotContain(t, a, "听取意识形态和保密工作汇报")
	press(t, a, "down", "s")
	mustContain(t, a, "修改提取的事项")
	press(t, a, "ctrl+u", "专项检查（下半年）", "ctrl+s")
	mustContain(t, a, "找到9项，已勾选4项", "专项检查（下半年）")
	// an edit that gives a duty a kept duty's title marks it kept
	press(t, a, "e", "ctrl+u", "会前学法", "ctrl+s")
	mustContain(t, a, "找到9项，已勾选3项", "会前学法（已有）")
	press(t, a, "e", "ctrl+u", "专项检查（下半年）", "ctrl+s")
	mustContain(t, a, "找到9项，已勾选4项")
	// the ends of the list
	press(t, a, "G")
	if it := a.top().c.(*planReview); it.list.cursor != len(it.items)-1 {
		t.Errorf("G left the cursor at %d of %d", it.list.cursor, len(it.items))
	}
	press(t, a, "g")
	if it := a.top().c.(*planReview); it.list.cursor != 0 {
		t.Errorf("g left the cursor at %d", it.list.cursor)
	}
	press(t, a, "enter")
	mustContain(t, a, "已添加 4 项（2026年）")
	mustNotContain(t, a, "未重复添加")
	dts, _ := s.YearDuties(bg, 2026)
	titles := map[string]bool{}
	for _, dt := range dts {
		titles[dt.Title] = true
	}
	for _, want := range []string{"党组研究党风廉政建设工作", "听取意识形态", "专项检查", "专项检查（下半年）"} {
		if !titles[want] {
			t.Errorf("%s was not added", want)
		}
	}
	for _, not := range []string{"讲廉政党课", "述责述廉（已有）", "参加党组民主生活会"} {
		if titles[not] {
			t.Errorf("%s was added", not)
		}
	}
}

// In English on an 80-column terminal the review fits, its keys included.
func TestPlanReviewEnglish80(t *testing.T) {
	s, _ := testLedger(t)
	s.SetProfile(bg, model.Profile{Post: "副局长"})
	a := newTestApp(t, s, model.English, 80, 24)
	path := filepath.Join(t.TempDir(), "plan.docx")
	os.WriteFile(path, docxtest.FromText(reviewPlan), 0o600)
	press(t, a, "i", path, "enter")
	mustContain(t, a, "7 found, 3 checked", "讲廉政党课 (not yours)", "For the 党组主要负责人, not your post (副局长): left", "s split", "m merge", "g/G first/last", "esc cancel")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	press(t, a, "down")
	mustContain(t, a, "Kept already as: 述责述廉")
	press(t, a, "down", "m")
	mustContain(t, a, "Which kept duty is 党组研究党风廉政建设工作?")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
}

// Rules version 2 on screen: the badge pair where a duty is due soon and
// its year already missed, credited/required, and 免 for an excused month
// in the detail's strip and the year map.
func TestBadgePairAndExcusedCells(t *testing.T) {
	s, _ := testLedger(t)
	today := model.NewDate(2026, 11, 22)
	id, err := s.AddDuty(context.Background(), model.Duty{Title: "周例会学习", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Week, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(context.Background(), model.Record{DutyID: id, Date: model.NewDate(2026, 1, 5)}, today); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.Duties(context.Background())
	for _, d := range ds {
		if d.Title == "会前学法" {
			if _, _, err := s.Excuse(context.Background(), d.ID, model.PeriodRef{Year: 2026, Cadence: model.Month, Index: 7}, "病休", today); err != nil {
				t.Fatal(err)
			}
		}
	}
	a := newTestApp(t, s, model.Chinese, 200, 60)
	// Sunday 22 November is the week's last day: due soon, and the weeks
	// missed since January make the year missed.
	mustContain(t, a, "周例会学习", "临期 · 全年未达标")
	selectDuty(t, a, "会前学法")
	press(t, a, "enter")
	if sc := screen(a); !strings.Contains(sc, "免") || strings.Contains(sc, "0!") {
		t.Errorf("August is not shown excused:\n%s", sc)
	}
	press(t, a, "esc")
	en := newTestApp(t, s, model.English, 200, 60)
	mustContain(t, en, "due soon · year missed")
}

// The evidence a duty expects is a field of its form: editing the duty
// keeps it, and the officer can change it there.
func TestDutyFormKeepsExpectedEvidence(t *testing.T) {
	s, _ := testLedger(t)
	all, _ := s.Duties(bg)
	d, err := model.MatchDuty(all, "会前学法")
	if err != nil {
		t.Fatal(err)
	}
	d.Evidence = "会议记录、签到表"
	if err := s.EditDuty(bg, data.DutyChange{Duty: d}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "会前学法")
	press(t, a, "e")
	mustContain(t, a, "应有佐证", "会议记录、签到表")
	press(t, a, "tab", "tab", "tab", "tab", "ctrl+u", "《工作规则》第3条", "ctrl+s")
	mustContain(t, a, "已保存事项：会前学法")
	if d, _ := s.Duty(bg, d.ID); d.Evidence != "会议记录、签到表" || d.Basis != "《工作规则》第3条" {
		t.Fatalf("after an edit of the basis: evidence %q, basis %q", d.Evidence, d.Basis)
	}
	press(t, a, "e", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "ctrl+u", "会议记录", "ctrl+s")
	if d, _ := s.Duty(bg, d.ID); d.Evidence != "会议记录" {
		t.Fatalf("evidence after its edit: %q", d.Evidence)
	}
	// A reason typed without ticking 归档 is not silently dropped.
	press(t, a, "e", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "岗位调整", "ctrl+s")
	mustContain(t, a, "归档原因只随归档保存；请勾选“归档”，或清空原因。")
	if d, _ := s.Duty(bg, d.ID); !d.Archived.IsZero() || d.ArchiveReason != "" {
		t.Fatalf("a reason without archiving changed the duty: %+v", d)
	}
}

// A talk naming a name two people in the group share is refused in the
// form, under 参加人员, with both written out; the full name is saved.
func TestRecordFormAmbiguousName(t *testing.T) {
	s, _ := testLedger(t)
	for _, note := range []string{"财务科", "办公室"} {
		if _, err := s.AddPerson(bg, model.Person{Name: "张伟", Note: note}, []data.Joining{{Group: "分管科室负责人"}}); err != nil {
			t.Fatal(err)
		}
	}
	before := len(recordsOf(t, s, "提醒谈话"))
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "a", "tab", "张伟", "ctrl+s")
	mustContain(t, a, "名单上有2人叫“张伟”：张伟（财务科）、张伟（办公室）；请写明是哪一位。")
	if got := len(recordsOf(t, s, "提醒谈话")); got != before {
		t.Fatalf("the refused talk was written")
	}
	press(t, a, "ctrl+u", "张伟（办公室）", "ctrl+s")
	if got := len(recordsOf(t, s, "提醒谈话")); got != before+1 {
		t.Fatalf("%d records after saving the full name, want %d:\n%s", got, before+1, screen(a))
	}
}

// A duty due soon whose year is already missed says both on the
// dashboard, at 80 columns and beside the side panel at 120: it must not
// read as merely due soon.
func TestDashboardShowsTheYearVerdictBesideDueSoon(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Sunday 22 November ends the week: due soon, and the weeks before
	// are missed.
	if _, err := s.AddDuty(bg, model.Duty{Title: "周例会学习", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Week, Min: 1}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{80, 120} {
		a := newTestApp(t, s, model.Chinese, w, 30)
		mustContain(t, a, "临期 · 全年未达标")
	}
	a := newTestApp(t, s, model.English, 80, 24)
	mustContain(t, a, "due soon · year missed")
}

// Saving the form of a duty owed to each person of a group keeps the
// group: the form has no field for it.
func TestDutyFormKeepsThePerPersonGroup(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "e", "tab", "tab", "tab", "tab", "ctrl+u", "《工作规则》第5条", "ctrl+s")
	mustContain(t, a, "已保存事项")
	all, _ := s.Duties(bg)
	d, err := model.MatchDuty(all, "提醒谈话")
	if err != nil {
		t.Fatal(err)
	}
	tg, has, err := s.TargetFor(bg, d.ID, model.NewDate(2026, 6, 1))
	if err != nil || !has || tg.Each != "分管科室负责人" || d.Basis != "《工作规则》第5条" {
		t.Fatalf("after saving the form: target %+v (%v, %v), basis %q", tg, has, err, d.Basis)
	}
	mustContain(t, a, "人")
}

// The duty form shows the group a per-person duty is owed to, and changes
// it: a duty counted in total becomes one owed to each of a group (the
// group completed from the roster), a group that does not exist is
// refused under the field, and clearing it counts in total again.
func TestDutyFormSetsThePerPersonGroup(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "e")
	mustContain(t, a, "按人计", "分管科室负责人")
	press(t, a, "esc")
	selectDuty(t, a, "谈心谈话")
	press(t, a, "e", "tab", "tab", "tab", "tab", "tab", "tab", "党员", "ctrl+s")
	mustContain(t, a, "没有名为“党员”的人员分组")
	press(t, a, "ctrl+u", "分管", "tab", "ctrl+s")
	mustContain(t, a, "已保存事项")
	target := func(title string) model.Target {
		all, _ := s.Duties(bg)
		d, _ := model.MatchDuty(all, title)
		tg, _, _ := s.TargetFor(bg, d.ID, model.NewDate(2026, 6, 1))
		return tg
	}
	if tg := target("谈心谈话"); tg.Each != "分管科室负责人" {
		t.Fatalf("the group was not set: %+v", tg)
	}
	selectDuty(t, a, "谈心谈话")
	press(t, a, "e", "tab", "tab", "tab", "tab", "tab", "tab", "ctrl+u", "ctrl+s")
	if tg := target("谈心谈话"); tg.Each != "" {
		t.Fatalf("the group was not cleared: %+v", tg)
	}
}

// u takes back a change made in the duty form: the basis and minimum
// edited, then the archiving; a duty changed elsewhere since is left
// alone, in one sentence.
func TestUndoDutyEdit(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	duty := func() (model.Duty, model.Target) {
		all, _ := s.Duties(bg)
		d, _ := model.MatchDuty(all, "参加中心组集体学习")
		tg, _, _ := s.TargetFor(bg, d.ID, model.NewDate(2026, 6, 1))
		return d, tg
	}
	d0, t0 := duty()
	selectDuty(t, a, "参加中心组集体学习")
	press(t, a, "e", "tab", "tab", "tab", "ctrl+u", "8", "tab", "ctrl+u", "新依据", "ctrl+s")
	if d, tg := duty(); d.Basis != "新依据" || tg.Min != 8 {
		t.Fatalf("the edit did not save: %+v %+v", d, tg)
	}
	press(t, a, "u")
	mustContain(t, a, "已撤销修改事项 参加中心组集体学习")
	if d, tg := duty(); d.Basis != d0.Basis || tg.Min != t0.Min {
		t.Fatalf("undo left %q, %d", d.Basis, tg.Min)
	}
	// Archived in the form, then brought back by u.
	selectDuty(t, a, "参加中心组集体学习")
	press(t, a, "e")
	for range 8 {
		press(t, a, "down")
	}
	press(t, a, "space", "ctrl+s")
	if d, _ := duty(); d.Archived.IsZero() {
		t.Fatal("not archived")
	}
	press(t, a, "u")
	if d, _ := duty(); !d.Archived.IsZero() {
		t.Fatalf("undo left it archived on %s", d.Archived)
	}
	// Changed elsewhere after the edit: the undo is refused.
	selectDuty(t, a, "参加中心组集体学习")
	press(t, a, "e", "tab", "tab", "tab", "tab", "ctrl+u", "再改", "ctrl+s")
	d, _ := duty()
	d.Basis = "别处改的"
	if err := s.EditDuty(bg, data.DutyChange{Duty: d}); err != nil {
		t.Fatal(err)
	}
	press(t, a, "u")
	if d, _ := duty(); d.Basis != "别处改的" {
		t.Errorf("the undo overwrote another window's change: %q", d.Basis)
	}
}

// u takes back a duty just added (n) and the duties a plan just added,
// while nothing is recorded for them; one with a record since is kept,
// in one sentence.
func TestUndoAddedDuties(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	count := func() int { ds, _ := s.Duties(bg); return len(ds) }
	before := count()
	press(t, a, "n", "误加的事项", "ctrl+s")
	if count() != before+1 {
		t.Fatal("not added")
	}
	press(t, a, "u")
	mustContain(t, a, "已撤销添加事项 误加的事项")
	if count() != before {
		t.Fatalf("undo left %d duties, want %d", count(), before)
	}
	press(t, a, "i")
	send(t, a, tea.PasteMsg{Content: "一、每季度组织1次科室廉政风险排查。\n二、每月开展1次读书分享。\n"})
	press(t, a, "enter")
	if count() != before+2 {
		t.Fatalf("the plan added %d duties", count()-before)
	}
	press(t, a, "u")
	mustContain(t, a, "已撤销添加2项2026年要求")
	if count() != before {
		t.Fatalf("undo of the plan left %d duties, want %d", count(), before)
	}
	// A record since: the duty stays.
	press(t, a, "n", "有记录的事项", "ctrl+s")
	ds, _ := s.Duties(bg)
	d, _ := model.MatchDuty(ds, "有记录的事项")
	if _, err := s.AddRecord(bg, model.Record{DutyID: d.ID, Date: model.NewDate(2026, 11, 20), Topic: "已开展"}, model.NewDate(2026, 11, 22)); err != nil {
		t.Fatal(err)
	}
	press(t, a, "u")
	mustContain(t, a, "已有1条记录，不能删除")
	if count() != before+1 {
		t.Errorf("a duty with a record was removed")
	}
}
