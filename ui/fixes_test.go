package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"

	"taizhang/model"
	"taizhang/ui/cells"
)

// Each test here drives one rough edge an officer met in a day; each
// failed before its fix.

func TestPasteReachesEveryField(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	// The full form: a topic and names copied from a Word notice.
	press(t, a, "a")
	send(t, a, tea.PasteMsg{Content: "节前廉洁\r\n提醒谈话\x1b[31m"})
	press(t, a, "tab")
	send(t, a, tea.PasteMsg{Content: "钱科长、孙科长"})
	press(t, a, "tab")
	send(t, a, tea.PasteMsg{Content: "局长办公室"})
	press(t, a, "ctrl+s")
	got := recordsOf(t, s, "提醒谈话")[0]
	if got.Topic != "节前廉洁 提醒谈话" || got.With != "钱科长、孙科长" || got.Place != "局长办公室" {
		t.Fatalf("pasted record: topic %q, with %q, place %q", got.Topic, got.With, got.Place)
	}
	// The one-line tick prompt (of a duty not owed person by person).
	selectDuty(t, a, "会前学法")
	press(t, a, "space")
	send(t, a, tea.PasteMsg{Content: "谈话提醒"})
	press(t, a, "enter")
	if got := recordsOf(t, s, "会前学法")[0]; got.Topic != "谈话提醒" {
		t.Fatalf("pasted into the tick prompt: %q", got.Topic)
	}
	// The filter of the dashboard and of the log.
	press(t, a, "/")
	send(t, a, tea.PasteMsg{Content: "会前学法"})
	mustContain(t, a, "筛选：会前学法")
	mustNotContain(t, a, "参加民主生活会")
	press(t, a, "esc", "tab", "tab", "tab", "/")
	send(t, a, tea.PasteMsg{Content: "营商"})
	mustContain(t, a, "城东基层所营商环境调研")
	mustNotContain(t, a, "学习《行政复议法》")
	// The duty form's title.
	press(t, a, "esc", "n")
	send(t, a, tea.PasteMsg{Content: "落实意识形态工作责任制"})
	mustContain(t, a, "落实意识形态工作责任制")
}

func TestCompletionStoresNoTrailingSeparator(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "a", "节前提醒", "tab", "张")
	mustContain(t, a, "tab 补全：张三")
	press(t, a, "tab")
	mustContain(t, a, "张三、")
	press(t, a, "ctrl+s")
	if got := recordsOf(t, s, "提醒谈话")[0]; got.With != "张三" {
		t.Fatalf("participants stored as %q, want 张三", got.With)
	}
}

func TestResolvePath(t *testing.T) {
	home, _ := os.UserHomeDir()
	for _, c := range []struct{ typed, base, want string }{
		{`"/tmp/plan.txt"`, "", "/tmp/plan.txt"},
		{`'/tmp/my plan.txt'`, "", "/tmp/my plan.txt"},
		{` "/tmp/plan.txt" `, "", "/tmp/plan.txt"},
		{"~/plan.txt", "", filepath.Join(home, "plan.txt")},
		{`"~/文档/计划.txt"`, "", filepath.Join(home, "文档/计划.txt")},
		{"file:///tmp/%E8%AE%A1%E5%88%92.txt", "", "/tmp/计划.txt"},
		{"report.docx", "/home/officer/Documents", "/home/officer/Documents/report.docx"},
		{"/srv/report.docx", "/home/officer/Documents", "/srv/report.docx"},
		{`""`, "/d", ""},
	} {
		if got := resolvePath(c.typed, c.base); got != c.want {
			t.Errorf("resolvePath(%q, %q) = %q, want %q", c.typed, c.base, got, c.want)
		}
	}
}

func TestPlanPathInQuotesOrUnderHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	path := filepath.Join(home, "计划.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	s, _ := testLedger(t)
	for _, typed := range []string{`"` + path + `"`, "'" + path + "'", "~/计划.txt"} {
		a := newTestApp(t, s, model.Chinese, 100, 30)
		press(t, a, "]", "i")
		send(t, a, tea.PasteMsg{Content: typed})
		press(t, a, "enter")
		mustContain(t, a, "找到5项，已勾选5项")
	}
}

func TestLongTopicShowsItsStart(t *testing.T) {
	s, _ := testLedger(t)
	long := "学习贯彻党的二十届三中全会精神暨全面从严治党专题研讨会议" + strings.Repeat("（续）", 20) + "尾部"
	r := recordsOf(t, s, "提醒谈话")[0]
	r.Topic = long
	if _, _, err := s.UpdateRecord(bg, r, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "e")
	mustContain(t, a, "修改履职记录", "主题      学习贯彻党的二十届")
	mustNotContain(t, a, "尾部")
}

func TestCarryInAYearWithDutiesSaysWhy(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "c")
	mustContain(t, a, "2026年已有事项；c 只在还没有事项的年度里从上一年复制要求。")
	press(t, a, "[", "c")
	mustContain(t, a, "2024年没有可复制的要求。")
}

func TestPlanImportMentionsDuplicatesOnlyWhenThereAreSome(t *testing.T) {
	s, _ := testLedger(t)
	path := filepath.Join(t.TempDir(), "计划.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "]", "i", path, "enter", "enter")
	mustContain(t, a, "已添加 5 项（2027年）。")
	mustNotContain(t, a, "已有未重复添加")
	// Again, with every duty ticked by hand: all five are there already.
	press(t, a, "i", path, "enter", "A", "enter")
	mustContain(t, a, "已添加 0 项（2027年），5 项已有未重复添加。")
}

func TestPlanReviewTopAndBottom(t *testing.T) {
	s, _ := testLedger(t)
	path := filepath.Join(t.TempDir(), "计划.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "]", "i", path, "enter", "G")
	if c := a.top().c.(*planReview).list.cursor; c != 4 {
		t.Fatalf("G put the cursor on %d, want the last (4)", c)
	}
	mustContain(t, a, "> [x] 听取分管科室工作汇报")
	press(t, a, "g")
	mustContain(t, a, "> [x] 党组研究党风廉政建设工作")
}

func TestPlanReviewInEnglishCutsNoWordSilently(t *testing.T) {
	s, _ := testLedger(t)
	path := filepath.Join(t.TempDir(), "plan.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	a := newTestApp(t, s, model.English, 80, 24)
	press(t, a, "]", "i", path, "enter")
	mustContain(t, a, "at least 2 a year", "1 per half-year", "at least 12 a year")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
}

func TestHelpScrollsWhenItCannotFit(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.English, 40, 24)
	press(t, a, "?")
	mustContain(t, a, "done once today", "scroll")
	mustNotContain(t, a, "quit", "previous..")
	press(t, a, "G")
	mustContain(t, a, "next view", "previous view", "quit")
	checkFits(t, strings.Join(a.compose(), "\n"), 40, 24)
	press(t, a, "x")
	mustNotContain(t, a, "Keys")
}

func TestNoZeroRecordsFlashOnYearSwitch(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 160, 40)
	press(t, a, "]")
	// The year's status arrives before its records: the side panel says
	// they are being read, not that there are none.
	_, cmd := a.Update(keys("[")[0])
	loaded := cmd()
	a.Update(loaded)
	mustContain(t, a, "正在读取台账")
	mustNotContain(t, a, "记录（0）")
	run(t, a, loadRecords(s, 2026))
	mustContain(t, a, "记录（")
}

func TestEnterShowsTheRecordWhole(t *testing.T) {
	s, _ := testLedger(t)
	r := recordsOf(t, s, "提醒谈话")[0]
	r.Note = "谈话要点：\n一、节日期间廉洁纪律\n二、公务用车管理"
	if _, _, err := s.UpdateRecord(bg, r, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "enter", "enter")
	mustContain(t, a, "履职记录：与分管科室负责人提醒谈话", "2026-04-08", "2026年全年（2026-01-01至2026-12-31）", "年度廉政提醒谈话",
		"赵科长", "局长办公室", "谈话要点：", "一、节日期间廉洁纪律", "二、公务用车管理", "e 修改")
	press(t, a, "e")
	mustContain(t, a, "修改履职记录")
	press(t, a, "esc")
	mustNotContain(t, a, "修改履职记录")
	// From the log too.
	press(t, a, "esc", "tab", "tab", "tab", "/", "廉政提醒", "enter", "enter")
	mustContain(t, a, "履职记录：与分管科室负责人提醒谈话", "公务用车管理")
	press(t, a, "esc")
	mustContain(t, a, "[记录]")
}

func TestExportGoesToTheDocumentsDirectory(t *testing.T) {
	home := t.TempDir()
	docs := filepath.Join(home, "文档")
	os.Mkdir(docs, 0o700)
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", docs)
	t.Cleanup(xdg.Reload)
	xdg.Reload()
	if got := documentsDir(); got != docs {
		t.Fatalf("documents directory %q, want %q", got, docs)
	}
	s, _ := testLedger(t)
	o := newTestApp(t, s, model.Chinese, 80, 24).opts
	o.Dir = "" // as main leaves it
	a := New(o)
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	run(t, a, a.Init())
	press(t, a, "x")
	mustContain(t, a, filepath.Join(docs, "taizhang-2026.md"))
	// A file name alone goes there too, and the dialog says so.
	press(t, a, "tab", "tab", "ctrl+u", "述职.md")
	mustContain(t, a, "将写入："+filepath.Join(docs, "述职.md"))
	// No documents directory: home.
	os.Remove(docs)
	if got := documentsDir(); got != home {
		t.Fatalf("without a documents directory: %q, want home %q", got, home)
	}
}

func TestWideScreensGiveTitlesRoom(t *testing.T) {
	s, _ := testLedger(t)
	long := "落实全面从严治党主体责任和党风廉政建设工作责任制专题研究部署会议"
	if _, err := s.AddDuty(bg, model.Duty{Title: long, Category: model.Meeting}, model.Target{Year: 2026, Cadence: model.Year, Min: 1}); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Duties(bg)
	d, _ := model.MatchDuty(all, long)
	if _, err := s.AddRecord(bg, model.Record{DutyID: d.ID, Date: model.NewDate(2026, 11, 20), Topic: "部署会"}, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 200, 50)
	press(t, a, "tab", "tab")
	mustContain(t, a, long)
	press(t, a, "tab")
	mustContain(t, a, long)
}

func TestThisPeriodListsWhatIsOwedSoonestFirst(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "tab")
	mustContain(t, a, "[本期]", "本期待办 17 项  本期已完成 2 项", "本季度到期", "开展调研", "还差10次", "12-31止 剩39天")
	// Duties met in their current period are not on the list.
	mustNotContain(t, a, "会前学法", "参加民主生活会")
	// Behind comes before on track among periods ending together.
	sc := screen(a)
	if strings.Index(sc, "专题学法") > strings.Index(sc, "参加中心组集体学习") {
		t.Errorf("a duty behind is listed after one on track:\n%s", sc)
	}
	// Ticking the last one owed takes it off the list.
	for i := 0; i < 20 && !strings.Contains(screen(a), "> 参加中心组集体学习"); i++ {
		press(t, a, "j")
	}
	press(t, a, "space", "学习民法典", "enter")
	mustContain(t, a, "已登记：参加中心组集体学习", "本期待办 16 项  本期已完成 3 项")
	mustNotContain(t, a, "参加中心组集体学习    ")
	// Enter opens the selected duty.
	press(t, a, "g", "enter")
	mustContain(t, a, "[总览]", "开展调研", "记录（2）")
	// Another year has no open period.
	press(t, a, "esc", "tab", "]")
	mustContain(t, a, "2027年不是当前年度，没有正在进行的周期。")
}

func TestErrorsNameTheKeyNotACommand(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	// A second duty of the same title.
	press(t, a, "n", "会前学法", "ctrl+s")
	mustContain(t, a, "已有同名事项“会前学法”；请换一个名称，或在总览中按 / 找到它、按 e 修改。")
	mustNotContain(t, a, "taizhang duty")
	// A record dated in a year the duty has no target in.
	press(t, a, "esc")
	selectDuty(t, a, "会前学法")
	press(t, a, "a", "up", "ctrl+u", "2025-12-20", "ctrl+s")
	mustContain(t, a, "事项“会前学法”在2025年没有年度要求，不能登记该年的日期；请改用2026年内的日期。")
	mustNotContain(t, a, "taizhang duty", "--year")
	// A record after the duty's archive day.
	press(t, a, "esc", "e")
	for range 8 {
		press(t, a, "down")
	}
	press(t, a, "space", "ctrl+s")
	mustContain(t, a, "已归档事项：会前学法")
	if _, err := s.DB().Exec("UPDATE duties SET archived_on = ? WHERE title = ?", "2026-11-01", "会前学法"); err != nil {
		t.Fatal(err)
	}
	a = newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "会前学法")
	press(t, a, "a", "ctrl+s")
	mustContain(t, a, "事项“会前学法”已于2026-11-01归档，之后的日期不能登记；如仍需登记，请按 E 修改事项")
	mustNotContain(t, a, "taizhang duty", "--restore")
	press(t, a, "esc", "E")
	mustContain(t, a, "修改履职事项", "已于2026-11-01归档；取消勾选即恢复")
}

// A tick box's meaning wraps under itself rather than being cut: the
// English duty form at 80 columns says all of what archiving does.
func TestCheckMeaningWraps(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.English, 80, 24)
	press(t, a, "e")
	mustContain(t, a, "its records still count this", "year")
	mustNotContain(t, a, "this..")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
}

// Next year's plan, read in the app before carry, finds the duties the
// ledger keeps this year: they show as kept and to be given the year's
// target, stay ticked, and accepting gives them the 2027 target rather
// than adding near-copies beside them.
func TestPlanImportNextYearRenewsKeptDuties(t *testing.T) {
	s, _ := testLedger(t)
	before, _ := s.Duties(bg)
	path := filepath.Join(t.TempDir(), "计划.txt")
	os.WriteFile(path, []byte(samplePlan), 0o600)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "]", "i", path, "enter")
	mustContain(t, a, "找到5项，已勾选5项", "（已有，设本年）")
	var renewed []string
	for _, it := range a.top().c.(*planReview).items {
		if it.Renew {
			renewed = append(renewed, it.Kept.Title)
		}
	}
	if len(renewed) == 0 {
		t.Fatal("no duty of 2026 found in the 2027 plan")
	}
	press(t, a, "enter")
	mustContain(t, a, "已添加 5 项（2027年）", fmt.Sprintf("其中 %d 项为已有事项设了2027年要求。", len(renewed)))
	after, _ := s.Duties(bg)
	if len(after) != len(before)+5-len(renewed) {
		t.Errorf("%d duties after, %d before: the kept ones were added again", len(after), len(before))
	}
	dts, _ := s.YearDuties(bg, 2027)
	in := map[string]bool{}
	for _, dt := range dts {
		in[dt.Title] = true
	}
	for _, title := range renewed {
		if !in[title] {
			t.Errorf("%s has no 2027 target", title)
		}
	}
}

// The views' names stay where they are when [ and ] change the year: the
// top line is spaced for this year's, the longest, at every width.
func TestTabsStayOnYearChange(t *testing.T) {
	s, _ := testLedger(t)
	for _, w := range []int{80, 100, 120} {
		a := newTestApp(t, s, model.Chinese, w, 24)
		at := func() int {
			top := strings.Split(screen(a), "\n")[0]
			return cells.Width(top[:strings.Index(top, "本期")])
		}
		now := at()
		press(t, a, "]")
		if next := at(); next != now {
			t.Errorf("%d columns: 本期 moved from %d to %d on ]", w, now, next)
		}
		press(t, a, "[", "[")
		if prev := at(); prev != now {
			t.Errorf("%d columns: 本期 moved from %d to %d on [", w, now, prev)
		}
	}
}
