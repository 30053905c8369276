package ui

import (
	"taizhang/model"
	"taizhang/ui/internal/catalog"
)

// Text is the interface's wording in one language: one catalogue per
// language, so nothing the officer reads is spelled out anywhere else.
type Text struct {
	App, YearTitle, AsOf, DaysLeft, YearOver, YearAhead          string
	Figures                                                      string
	ViewDashboard, ViewMap, ViewLog                              string
	ColDuty, ColProgress, ColStatus, ColDue, ColDate             string
	ColTopic, ColWith, ColPlace                                  string
	Requirement, Basis, Description, Periods, Records            string
	Category, Cadence, Min, Start, Title, Note                   string
	Date, Topic, With, Place, Archive                            string
	Expects, ArchiveWhy, ArchiveWhyUnticked                      string
	EachOf, EachHint                                             string
	Legend                                                       string
	NoRecords, NoDuties, NoMatch, EmptyYear, CarryFrom           string
	NoRecordMatch                                                string
	FirstRunTitle, FirstRunBody, FirstRunNew                     string
	KeyTemplate                                                  string
	FirstRunImport, Loading                                      string
	Filter, TickPrompt, TickPromptShort                          string
	NewRecord, EditRecord, NewDuty, EditDuty                     string
	ConfirmDelete                                                string
	Logged, Saved, Deleted, Undone, NothingToUndo, StillSaving   string
	UndoAdd, UndoEdit, UndoDelete, UndoDuty                      string
	UndoDutyAdd, UndoDutiesAdd                                   string
	DutyAdded, DutySaved, DutyArchived, Refreshed                string
	Colon, Counted, ListSep                                      string
	DutyRestored, ArchivedTag, ArchivedLabel                     string
	TemplateApplied, Carried, NoPrevYear, Failed                 string
	NeedDuty, NeedRecord, MinInvalid, ArchiveLabel               string
	HelpTitle, HelpClose                                         string
	ExportTitle, ExportFormat, ExportPath, ExportAsOf            string
	ExportAsOfNow, ExportAsOfDay                                 string
	ExportForce, ExportReplace, ExportNoPath, ExportUnavailable  string
	Exported, ExportClean                                        string
	ExportWarnings, ExportMore                                   string
	ExportLayout, LayoutSummary, LayoutReport, LayoutNone        string
	LayoutSummaryHint, LayoutReportHint                          string
	PlanTitle, PlanPath, PlanPathHint, PlanNoPath, PlanPasted    string
	PlanMissing, PlanUnreadable, PlanIsDir, PlanTooBig, PlanNone string
	PlanFound, PlanIsReport, PlanOtherYear, PlanExists, PlanEdit string
	PlanBasis, PlanNoneChecked, PlanAdded                        string

	CarryNotEmpty, ExportTo, BadDate, FutureDate, BadStart   string
	BadAsOf, FutureAsOf, HelpCloseOther, KeyScroll           string
	CountsFor, CountsForLabel, Entered, Changed, RecordTitle string
	ErrExists, ErrTitleTaken, ErrNoTarget, ErrArchived       string
	ViewPeriod, DueThisWeek, DueThisMonth, DueThisQuarter    string
	DueLater, TodoFigures, TodoNone, TodoOtherYear, TodoOwed string
	TodoOwedPeople, TodoOwedTimes                            string
	TodoEnds, TodoEndsToday, ColPeriod, ColOwed              string
	ForPeriod, ForByDate                                     string
	ExcuseTitle, ExcuseReason, ExcuseWithdraw, ExcusedTag    string
	ExcuseWithdrawMeaning, ExcuseNoReason, Excused           string
	ExcuseRemoved, ExcuseUndo, ExcuseUndoRemove, KeyExcuse   string
	ProfileTitle, ProfileName, ProfilePost, ProfileUnit      string
	ProfileStart, ProfileStartHint, ProfileApply, KeyProfile string
	ProfileApplyMeaning, ProfileStartYear, ProfileApplyNeeds string
	ProfileSaved, ProfileApplied, ProfileWelcome             string
	ProfileMerged                                            string

	KeyUp, KeyDown, KeyPageUp, KeyPageDown, KeyTop, KeyBottom string
	KeyOpen, KeyBack, KeyTick, KeyAdd, KeyNewDuty, KeyEdit    string
	KeyDelete, KeyUndo, KeyFilter, KeyPrevYear, KeyNextYear   string
	KeyNextView, KeyPrevView, KeyExport, KeyImport, KeyHelp   string
	KeyQuit, KeyCarry, KeyEditDuty                            string
	KeyKeep, KeyClear, KeyNextField, KeyPrevField, KeySave    string
	KeyCancel, KeyComplete, KeyDay, KeyChoose, KeyToggle      string
	KeyYes, KeyNo, KeyCheck, KeyAll, KeyAddChecked            string
	KeySplit, KeyMerge, KeyEnds                               string
	PlanKept, PlanNotYours, PlanFor, PlanNotYoursTag          string
	PlanMergeTitle, PlanMergeNone, PlanNoKept                 string
	PlanRenew, PlanRenewTag, PlanGiven                        string
	PlanTwin, PlanTwinTag, PlanAlso                           string

	catalog.KindText
	StatusCount, StatusSep, PeopleUnit, ExcusedMark string

	// Evidence is the wording of evidence on records.
	Evidence evidenceText
	// People is the wording of the roster.
	People PeopleText
}

var textZh = Text{
	App: "台账", YearTitle: "%d年度", AsOf: "截至%s", DaysLeft: "全年还剩%d天", YearOver: "全年已结束", YearAhead: "尚未开始",
	Figures:       "完成 %d/%d 项  完成率 %s",
	ViewDashboard: "总览", ViewMap: "年度图", ViewLog: "记录",
	ColDuty: "事项", ColProgress: "进度", ColStatus: "状态", ColDue: "截止", ColDate: "日期",
	ColTopic: "主题", ColWith: "参加人员", ColPlace: "地点",
	Requirement: "要求", Basis: "依据", Description: "说明", Periods: "周期", Records: "记录",
	Category: "类别", Cadence: "频次", Min: "每期次数", Start: "起始日期", Title: "名称", Note: "备注",
	Date: "日期", Topic: "主题", With: "参加人员", Place: "地点", Archive: "归档",
	EachOf: "按人计", EachHint: "填人员分组（如 科室干部）：该组每人都要达到最少次数；留空按总次数计",
	Expects: "应有佐证", ArchiveWhy: "归档原因", ArchiveWhyUnticked: "归档原因只随归档保存；请勾选“归档”，或清空原因。",
	Legend:    "+ 达标  ! 未达标  * 进行中  . 未到期  - 不要求",
	NoRecords: "本年度还没有记录。", NoDuties: "本年度还没有事项。", NoMatch: "没有符合“%s”的事项。", NoRecordMatch: "没有符合“%s”的记录。",
	EmptyYear: "%d年还没有履职事项。", CarryFrom: "从%d年复制要求",
	FirstRunTitle: "欢迎使用台账",
	FirstRunBody:  "台账记录本人每年必须完成的履职事项，随时查看完成情况，年底生成履职报告。\n先选一套内置事项模板（之后每项都可修改）：",
	KeyTemplate:   "选用内置事项模板",
	FirstRunNew:   "n  自己逐项添加", FirstRunImport: "i  从工作计划文本导入（输入文件路径或粘贴全文）", Loading: "正在读取台账",
	Filter:     "筛选：",
	TickPrompt: "登记 %s %s  主题：", TickPromptShort: "%s 主题：",
	NewRecord: "新增履职记录：%s", EditRecord: "修改履职记录：%s", NewDuty: "新建履职事项（%d年）", EditDuty: "修改履职事项（%d年要求）",
	ConfirmDelete: "删除这条记录？%s %s",
	Logged:        "已登记：%s %s", Saved: "已保存：%s %s", Deleted: "已删除：%s %s（u 撤销）", Undone: "已撤销%s", NothingToUndo: "没有可撤销的操作。", StillSaving: "正在保存，稍后再撤销。",
	UndoAdd: "新增记录 %s %s", UndoEdit: "修改记录 %s %s", UndoDelete: "删除记录 %s %s", UndoDuty: "修改事项 %s", UndoDutyAdd: "添加事项 %s", UndoDutiesAdd: "添加%d项%d年要求",
	DutyAdded: "已添加事项：%s", DutySaved: "已保存事项：%s", DutyArchived: "已归档事项：%s", Colon: "：", Counted: "%s（%d）", ListSep: "、", DutyRestored: "已恢复事项：%s", ArchivedTag: "（已归档）", ArchivedLabel: "已于%s归档；取消勾选即恢复",
	Refreshed:       "台账已被其他程序更新，已刷新。",
	TemplateApplied: "已添加 %d 项（%d年）。", Carried: "已从%d年复制 %d 项要求。", NoPrevYear: "%d年没有可复制的要求。", Failed: "出错了：%s",
	NeedDuty: "请先选中一个事项。", NeedRecord: "请先选中一条记录。", MinInvalid: "每期次数应为1至1000之间的整数。", ArchiveLabel: "今天以后不再要求，已有记录仍计入本年",
	HelpTitle: "快捷键", HelpClose: "按任意键关闭",
	ExportTitle: "导出%d年度履职情况", ExportFormat: "格式", ExportPath: "文件", ExportAsOf: "截至日期", ExportAsOfNow: "今天：按此刻的进度统计，今天截止的期间仍算进行中", ExportAsOfDay: "按该日日终统计（与 export --as-of 相同）",
	ExportLayout: "版式", LayoutSummary: "履职情况", LayoutReport: "述责述廉报告", LayoutNone: "此格式不分版式，按履职情况导出",
	LayoutSummaryHint: "年度个人履职情况，附履职台账", LayoutReportHint: "述责述廉报告框架，【请填写：…】处由本人补全",
	ExportForce: "覆盖已有文件", ExportReplace: "覆盖", ExportNoPath: "请填写文件名。", ExportUnavailable: "此处不能导出。", Exported: "已导出：%s", ExportClean: "导出前检查未发现问题。",
	ExportWarnings: "导出前检查发现%d个问题，请在报告中说明或补登：",
	PlanTitle:      "从工作计划导入事项（%d年）", PlanPath: "计划文件", PlanPathHint: "输入 .docx 或 .txt 文件的路径后回车，或直接粘贴计划全文", PlanNoPath: "请输入计划文件的路径，或粘贴计划全文。",
	PlanPasted: "粘贴的文本", PlanMissing: "找不到文件“%s”；请检查路径。", PlanUnreadable: "无法读取文件“%s”；请检查路径和权限。",
	PlanIsDir: "“%s”是一个目录；请给出计划文件（.docx 或 .txt）的路径。", PlanTooBig: "“%s”超过 20 MB，不像是一份工作计划。",
	PlanNone:  "%s中没有找到带频次要求的事项（如“每月开展1次”“全年不少于2次”）。",
	PlanFound: "%s：找到%d项，已勾选%d项", PlanIsReport: "这份文本像是工作总结或报告：其中的次数多是已完成的情况，请逐项核对。",
	PlanOtherYear: "文本写的是%d年，将添加为%d年的要求；如需其他年份，请先用 [ ] 切换年度。", PlanExists: "（已有）", PlanEdit: "修改提取的事项",
	PlanBasis:       "原文第%d行：%s",
	PlanNoneChecked: "没有勾选任何事项。", PlanAdded: "已添加 %d 项（%d年），%d 项已有未重复添加。", ExportMore: "另有%d条未列出",

	CarryNotEmpty: "%d年已有事项；%s 只在还没有事项的年度里从上一年复制要求。", ExportTo: "将写入：%s",
	BadDate: "日期无效；请写成 YYYY-MM-DD，如 2026-03-15。", FutureDate: "日期晚于今天，不能登记未来的记录。",
	BadStart: "起始日期无效；请写成 YYYY-MM-DD，或留空。", BadAsOf: "截至日期无效；请写成 YYYY-MM-DD。", FutureAsOf: "截至日期晚于今天；请选今天或更早。",
	HelpCloseOther: "其他键关闭", KeyScroll: "滚动",
	ErrExists: "%s 已存在；勾选“覆盖已有文件”或换一个文件名。", ErrTitleTaken: "已有同名事项“%s”；请换一个名称，或在总览中按 %s 找到它、按 %s 修改。",
	ErrNoTarget: "事项“%s”在%d年没有年度要求，不能登记该年的日期；请改用%d年内的日期。", ErrArchived: "事项“%s”已于%s归档，之后的日期不能登记；如仍需登记，请按 %s 修改事项，取消“归档”的勾选。",
	ViewPeriod: "本期", DueThisWeek: "本周到期", DueThisMonth: "本月到期", DueThisQuarter: "本季度到期", DueLater: "以后到期",
	TodoFigures: "本期待办 %d 项  本期已完成 %d 项", TodoNone: "当前各周期都已完成，没有待办。", TodoOtherYear: "%d年不是当前年度，没有正在进行的周期。",
	ForPeriod: "计入期间", ForByDate: "%s（按日期）",
	ExcuseTitle: "免于要求：%s", ExcuseReason: "理由", ExcuseWithdraw: "撤销", ExcusedTag: "（已免）",
	ExcuseWithdrawMeaning: "撤销该期间的免于要求", ExcuseNoReason: "请写明免于要求的理由（如病休、出差）。",
	Excused: "已免于要求：%s %s", ExcuseRemoved: "已撤销免于要求：%s %s", ExcuseUndo: "免于要求 %s %s", ExcuseUndoRemove: "撤销免于要求 %s %s",
	KeyExcuse:    "某期免于要求",
	ProfileTitle: "个人信息", ProfileWelcome: "个人信息：今年任职的请填写任职日期（esc 跳过）", ProfileName: "姓名", ProfilePost: "职务", ProfileUnit: "单位", ProfileStart: "任职日期",
	ProfileStartHint: "YYYY-MM-DD；本年度任职的填写，此前的要求不计；可留空", ProfileApply: "用于已有",
	KeyProfile: "个人信息", ProfileApplyMeaning: "把任职日期用于该年已有、未设起始日期或沿用原任职日期的要求",
	ProfileStartYear:  "任职日期 %s 不在今年（%d年）或明年之内；任职早于今年时本年度的要求全部适用，请留空。",
	ProfileApplyNeeds: "“用于已有”需要填写任职日期。", ProfileSaved: "已保存个人信息。", ProfileMerged: "个人信息已在别处修改（或台账已从备份恢复）：你没动的各项已换成现在的内容，你改的仍在；核对后再按 ctrl+s 保存。", ProfileApplied: "已保存个人信息，并把任职日期 %s 用于%d年的%d项要求。",
	TodoOwed: "还差%d次", TodoOwedPeople: "还差%d人", TodoOwedTimes: "还差%d人次", TodoEnds: "%s止 剩%d天", TodoEndsToday: "今天截止", ColPeriod: "周期", ColOwed: "尚缺",
	CountsFor: "%d年%s（%s至%s）", CountsForLabel: "计入", Entered: "登记于", Changed: "修改于%s", RecordTitle: "履职记录：%s",

	KeyUp: "上移", KeyDown: "下移", KeyPageUp: "上翻页", KeyPageDown: "下翻页", KeyTop: "到顶", KeyBottom: "到底",
	KeyOpen: "打开", KeyBack: "返回", KeyTick: "今天完成一次", KeyAdd: "新增记录", KeyNewDuty: "新建事项", KeyEdit: "修改",
	KeyDelete: "删除记录", KeyUndo: "撤销", KeyFilter: "筛选", KeyPrevYear: "上一年", KeyNextYear: "下一年",
	KeyNextView: "切换视图", KeyPrevView: "上一视图", KeyExport: "导出", KeyImport: "从计划导入", KeyHelp: "帮助",
	KeyQuit: "退出", KeyCarry: "空白年度复制上年要求", KeyEditDuty: "修改事项",
	KeyKeep: "确定", KeyClear: "清除", KeyNextField: "下一项", KeyPrevField: "上一项", KeySave: "保存",
	KeyCancel: "取消", KeyComplete: "补全", KeyDay: "前后一天", KeyChoose: "选择", KeyToggle: "勾选",
	KeyYes: "删除", KeyNo: "取消", KeyCheck: "勾选", KeyAll: "全选/全不选", KeyAddChecked: "添加勾选的事项",
	KeySplit: "拆分", KeyMerge: "并入已有", KeyEnds: "首/尾",
	PlanKept: "台账中已有：%s", PlanNotYours: "写给%s，不是您的职务（%s），默认不勾选", PlanFor: "写给%s", PlanNotYoursTag: "（非本职）",
	PlanRenew: "台账中已有：%s，接受后设%d年要求，不重复添加", PlanRenewTag: "（已有，设本年）", PlanGiven: "其中 %d 项为已有事项设了%d年要求。",
	PlanTwin: "与第%d行的事项同名，台账中一个名称只有一项，默认不勾选；确是另一项请按 e 改名", PlanTwinTag: "（同名）", PlanAlso: "同句又写%s，与之不符，按较严的%s计",
	PlanMergeTitle: "“%s”与哪一项已有事项相同？", PlanMergeNone: "（都不是：作为新事项添加）", PlanNoKept: "%d年的台账中还没有事项，无可合并。",

	KindText:    kindTextZh,
	StatusCount: "%s%d", StatusSep: " ", PeopleUnit: "人", ExcusedMark: "免",
	Evidence: evidenceText{
		Head: "佐证材料（%d）", None: "暂无佐证材料：a 附上文件，p 写明纸质材料的存放位置。", Expected: "应有：%s",
		KeyAttach: "附上文件", KeyPaper: "纸质材料", KeyOpenFile: "打开文件", KeyDrop: "移除此项", ConfirmDrop: "从这条记录移除佐证材料 %s？",
		AttachPrompt: "附上文件（输入、粘贴或拖入路径）：", PaperPrompt: "纸质材料存放位置：",
		Attached: "已给“%[2]s”的记录附上 %[1]s。", PaperAdded: "已记下纸质材料：%s。", Removed: "已移除 %s；按 u 可撤销。",
		Opened: "已打开 %s 的副本。", UndoAttach: "附上 %s", UndoRemove: "移除 %s",
		NotAFile: "%s 是纸质材料，没有可打开的文件。", Loading: "正在读取佐证材料…",
	},
	People: PeopleText{
		View: "人员", Nobody: "（无人）", Empty: "人员名单是空的。", EmptyHint: "按 a 添加人员（姓名、分组，如 科室干部、分管科室负责人）。",
		ColName: "姓名", ColSpan: "在组时间", ColNote: "备注", ColTalks: "本年谈话",
		Since: "%s起", Until: "至%s", FromTo: "%s至%s",
		NewPerson: "添加人员", EditPerson: "修改人员：%s", LeavePerson: "%s离开“%s”",
		Name: "姓名", Group: "分组", From: "加入日期", LeaveDate: "在组最后一天",
		Added: "已添加人员：%s", Saved: "已保存人员：%s", Left: "已登记：%s离开“%s”", Removed: "已从名单删除：%s（u 撤销）",
		UndoAdd: "添加人员%s", UndoEdit: "修改人员%s", UndoLeave: "%s离开分组", UndoRemove: "删除人员%s",
		KeyAdd: "添加", KeyEdit: "修改", KeyLeave: "离开分组", KeyRemove: "删除",
		NotCovered: "未谈", Covered: "已谈话", Missing: "尚未谈话", Outside: "不在名单或分组中",
		Coverage: "覆盖", NoGroupYet: "“%s”分组还没有人：到“人员”页按 a 添加。", BadDate: "日期无效，请写成 YYYY-MM-DD。",
		Everyone:  "全覆盖",
		FillTitle: "人员名单（esc 跳过）",
		FillWhy:   "按人计的谈话事项要与下列分组的每个人谈话。请填写分组里的人：姓名之间用顿号、逗号分开或每行一个，同名的写作 张伟（财务科）；以后也可在“人员”页添加或修改。",
		FillNext:  "下一个姓名", FillSkip: "跳过",
		Filled: "已把%d人加入%s（u 撤销）", UndoFill: "填写人员名单",
		ConfirmRemove: "从名单删除%s？已登记的谈话仍在，但不再计入覆盖。",
		NotInGroup:    "注意：%s 不在“%s”分组中，不计入谈话覆盖。", NotInGroupThen: "注意：%s 在%s不在“%s”分组中，这次不计入其谈话覆盖。",
		KeyAddMany: "添加多人", ManyTitle: "添加多人到“%s”",
		ManyWhy: "姓名之间用顿号、逗号分开或每行一个，可直接粘贴名单；同名的写作 张伟（财务科）。加入日期留空表示一直在组。",
	},
}

var textEn = Text{
	App: "taizhang", YearTitle: "%d", AsOf: "as of %s", DaysLeft: "%d days left", YearOver: "year over", YearAhead: "not started",
	Figures:       "done %d/%d  rate %s",
	ViewDashboard: "Duties", ViewMap: "Map", ViewLog: "Records",
	ColDuty: "Duty", ColProgress: "Progress", ColStatus: "Status", ColDue: "Due", ColDate: "Date",
	ColTopic: "Topic", ColWith: "With", ColPlace: "Place",
	Requirement: "Requirement", Basis: "Basis", Description: "Note", Periods: "Periods", Records: "Records",
	Category: "Category", Cadence: "Cadence", Min: "Minimum", Start: "Start date", Title: "Title", Note: "Note",
	Date: "Date", Topic: "Topic", With: "With", Place: "Place", Archive: "Archive",
	EachOf: "Each of", EachHint: "a group (such as 科室干部): each of its people must reach the minimum; empty counts in total",
	Expects: "Evidence", ArchiveWhy: "Why archived", ArchiveWhyUnticked: "A reason is kept only with archiving: tick Archive, or clear the reason.",
	Legend:    "+ met  ! missed  * open  . upcoming  - not required",
	NoRecords: "No records this year yet.", NoDuties: "No duties this year yet.", NoMatch: "No duty matches %q.", NoRecordMatch: "No record matches %q.",
	EmptyYear: "No duties in %d yet.", CarryFrom: "copy targets from %d",
	FirstRunTitle: "Welcome to taizhang",
	FirstRunBody:  "taizhang keeps the ledger of the duties you must do each year, shows where you stand, and writes the year-end summary.\nStart from a built-in set of duties (every one can be changed later):",
	KeyTemplate:   "use a built-in duty set",
	FirstRunNew:   "n  add duties one by one", FirstRunImport: "i  import from a plan text", Loading: "Reading the ledger...",
	Filter:     "Filter: ",
	TickPrompt: "Log %s %s  topic: ", TickPromptShort: "%s topic: ",
	NewRecord: "New record: %s", EditRecord: "Edit record: %s", NewDuty: "New duty (%d)", EditDuty: "Edit duty (%d target)",
	ConfirmDelete: "Delete this record? %s %s",
	Logged:        "Logged %s on %s", Saved: "Saved %s on %s", Deleted: "Deleted %s on %s (u undoes)", Undone: "Undid %s", NothingToUndo: "Nothing to undo.", StillSaving: "Still saving; undo in a moment.",
	UndoAdd: "adding %s on %s", UndoEdit: "editing %s on %s", UndoDelete: "deleting %s on %s", UndoDuty: "the change to duty %s", UndoDutyAdd: "adding duty %s", UndoDutiesAdd: "adding %d targets for %d",
	DutyAdded: "Added duty %s", DutySaved: "Saved duty %s", DutyArchived: "Archived duty %s", Colon: ": ", Counted: "%s (%d)", ListSep: ", ", DutyRestored: "Brought back duty %s", ArchivedTag: " (archived)", ArchivedLabel: "archived on %s; untick to bring it back",
	Refreshed:       "The ledger was changed by another program; refreshed.",
	TemplateApplied: "Added %d duties for %d.", Carried: "Copied %[2]d targets from %[1]d.", NoPrevYear: "There are no targets in %d to copy.", Failed: "Error: %s",
	NeedDuty: "Select a duty first.", NeedRecord: "Select a record first.", MinInvalid: "The minimum must be a whole number from 1 to 1000.", ArchiveLabel: "nothing required after today; its records still count this year",
	HelpTitle: "Keys", HelpClose: "press any key to close",
	ExportTitle: "Export the %d summary", ExportFormat: "Format", ExportPath: "File", ExportAsOf: "As of", ExportAsOfNow: "today: as things stand now, a period ending today still open", ExportAsOfDay: "judged at the close of that day (as export --as-of)",
	ExportLayout: "Layout", LayoutSummary: "summary", LayoutReport: "report", LayoutNone: "this format has no layout: the summary is used",
	LayoutSummaryHint: "the year's duty summary, with the ledger attached", LayoutReportHint: "the 述责述廉 report's outline; you complete each 【Fill in: …】",
	ExportForce: "replace an existing file", ExportReplace: "Replace", ExportNoPath: "Give a file name.", ExportUnavailable: "Export is not available here.", Exported: "Exported %s", ExportClean: "The check found nothing to fix.",
	ExportWarnings: "The check found %d things to explain or fill in:",
	PlanTitle:      "Import duties from a plan (%d)", PlanPath: "Plan file", PlanPathHint: "type the path of the .docx or .txt and press enter, or paste the plan's text", PlanNoPath: "Give the plan file's path, or paste its text.",
	PlanPasted: "the pasted text", PlanMissing: "There is no file %q; check the path.", PlanUnreadable: "Cannot read %q; check the path and permissions.",
	PlanIsDir: "%q is a directory; give the path of a plan file (.docx or .txt).", PlanTooBig: "%q is larger than 20 MB, too big for a work plan.",
	PlanNone:  "Found no duty with a frequency in %s (such as 每月开展1次 or 全年不少于2次).",
	PlanFound: "%s: %d found, %d checked", PlanIsReport: "This text reads like a report of work done: its counts are mostly history, so check each one.",
	PlanOtherYear: "The text is for %d; the duties will be added for %d (switch years with [ ] first for another).", PlanExists: " (exists)", PlanEdit: "Edit the proposed duty",
	PlanBasis:       "Line %d: %s",
	PlanNoneChecked: "Nothing is checked.", PlanAdded: "Added %d duties for %d; %d already there were left alone.", ExportMore: "and %d more",

	CarryNotEmpty: "%d already has duties; %s copies last year's targets only into a year with none.", ExportTo: "will be written to %s",
	BadDate: "The date is not valid; write it as YYYY-MM-DD, e.g. 2026-03-15.", FutureDate: "The date is in the future; records can only be logged for today or earlier.",
	BadStart: "The start date is not valid; write it as YYYY-MM-DD or leave it empty.", BadAsOf: "The as-of date is not valid; write it as YYYY-MM-DD.", FutureAsOf: "The as-of date is after today; choose today or earlier.",
	HelpCloseOther: "any other key closes", KeyScroll: "scroll",
	ErrExists: "%s already exists; tick Replace or choose another name.", ErrTitleTaken: "A duty called %q already exists; choose another title, or find it with %s on the dashboard and change it with %s.",
	ErrNoTarget: "The duty %q has no target in %d, so a date in that year cannot be logged; choose a date in %d.", ErrArchived: "The duty %q was archived on %s, so nothing after that day can be logged; to log it, press %s and untick Archive.",
	ViewPeriod: "Now", DueThisWeek: "Due this week", DueThisMonth: "Due this month", DueThisQuarter: "Due this quarter", DueLater: "Due later",
	TodoFigures: "%d to do this period  %d met", TodoNone: "Every open period is met: nothing to do.", TodoOtherYear: "%d is not the current year: no period is open.",
	ForPeriod: "Counts for", ForByDate: "%s (its date)",
	ExcuseTitle: "Excuse a period: %s", ExcuseReason: "Reason", ExcuseWithdraw: "Withdraw", ExcusedTag: " (excused)",
	ExcuseWithdrawMeaning: "withdraw this period's excuse", ExcuseNoReason: "Give the reason for the excuse (such as sick leave or travel).",
	Excused: "Excused: %s %s", ExcuseRemoved: "Excuse withdrawn: %s %s", ExcuseUndo: "excuse of %s %s", ExcuseUndoRemove: "withdrawal of the excuse of %s %s",
	KeyExcuse:    "excuse a period",
	ProfileTitle: "Profile", ProfileWelcome: "Profile: if you took up the post this year, give the date (esc skips)", ProfileName: "Name", ProfilePost: "Post", ProfileUnit: "Unit", ProfileStart: "Post start",
	ProfileStartHint: "YYYY-MM-DD; if you took up the post this year, periods before it are not required; may be empty", ProfileApply: "Apply",
	KeyProfile: "profile", ProfileApplyMeaning: "give the date to that year's targets without a start, or with the old post start date",
	ProfileStartYear:  "The post start date %s is not in this year (%d) or the next; if you took up the post before this year, every period is required: leave it empty.",
	ProfileApplyNeeds: "Apply needs a post start date.", ProfileSaved: "Profile saved.", ProfileMerged: "The profile was changed elsewhere (or a backup was restored): the fields you did not touch now show what is saved, yours are kept; check them and press ctrl+s to save.", ProfileApplied: "Profile saved; the start date %s now applies to %[2]d's %[3]d targets.",
	TodoOwed: "%d to go", TodoOwedPeople: "%d to talk to", TodoOwedTimes: "%d to go", TodoEnds: "ends %s, %dd left", TodoEndsToday: "ends today", ColPeriod: "Period", ColOwed: "Owed",
	CountsFor: "%[2]s %[1]d (%[3]s to %[4]s)", CountsForLabel: "Counts for", Entered: "Entered", Changed: "changed %s", RecordTitle: "Record: %s",

	KeyUp: "up", KeyDown: "down", KeyPageUp: "page up", KeyPageDown: "page down", KeyTop: "top", KeyBottom: "bottom",
	KeyOpen: "open", KeyBack: "back", KeyTick: "done once today", KeyAdd: "add record", KeyNewDuty: "new duty", KeyEdit: "edit",
	KeyDelete: "delete record", KeyUndo: "undo", KeyFilter: "filter", KeyPrevYear: "previous year", KeyNextYear: "next year",
	KeyNextView: "next view", KeyPrevView: "previous view", KeyExport: "export", KeyImport: "import plan", KeyHelp: "help",
	KeyQuit: "quit", KeyCarry: "copy last year's targets", KeyEditDuty: "edit the duty",
	KeyKeep: "keep", KeyClear: "clear", KeyNextField: "next", KeyPrevField: "previous", KeySave: "save",
	KeyCancel: "cancel", KeyComplete: "completes", KeyDay: "a day earlier/later", KeyChoose: "choose", KeyToggle: "tick",
	KeyYes: "delete", KeyNo: "keep", KeyCheck: "check", KeyAll: "all/none", KeyAddChecked: "add the checked",
	KeySplit: "split", KeyMerge: "merge", KeyEnds: "first/last",
	PlanKept: "Kept already as: %s", PlanNotYours: "For the %s, not your post (%s): left unchecked", PlanFor: "For the %s", PlanNotYoursTag: " (not yours)",
	PlanRenew: "Kept already as: %s; accepting gives it its %d target, no second duty", PlanRenewTag: " (kept, new year)", PlanGiven: " %d of them were kept duties given their %d target.",
	PlanTwin: "Same title as the duty of line %d; the ledger holds one duty of a title, so it starts unchecked (e to rename it if it is another)", PlanTwinTag: " (twice)", PlanAlso: "the sentence also says %s, which disagrees; the stricter %s is kept",
	PlanMergeTitle: "Which kept duty is %s?", PlanMergeNone: "(none: add it as a new duty)", PlanNoKept: "The ledger keeps no duties in %d to merge with.",

	KindText:    kindTextEn,
	StatusCount: "%s %d", StatusSep: "  ", PeopleUnit: " people", ExcusedMark: "ex",
	Evidence: evidenceText{
		Head: "Evidence (%d)", None: "No evidence yet: a attaches a file, p notes where the paper is.", Expected: "Expected: %s",
		KeyAttach: "attach file", KeyPaper: "paper locator", KeyOpenFile: "open file", KeyDrop: "remove item", ConfirmDrop: "Remove the evidence %s from this record?",
		AttachPrompt: "File to attach (type, paste or drop its path): ", PaperPrompt: "Where the paper is kept: ",
		Attached: "Attached %s to the record of %s.", PaperAdded: "Noted the paper %s.", Removed: "Removed %s; u takes it back.",
		Opened: "Opened a private copy of %s.", UndoAttach: "attaching %s", UndoRemove: "removing %s",
		NotAFile: "%s is paper evidence: there is no file to open.", Loading: "Reading the evidence…",
	},
	People: PeopleText{
		View: "People", Nobody: "(nobody)", Empty: "The roster is empty.", EmptyHint: "Press a to add a person (name and group, such as Section staff).",
		ColName: "Name", ColSpan: "In the group", ColNote: "Note", ColTalks: "This year",
		Since: "from %s", Until: "until %s", FromTo: "%s to %s",
		NewPerson: "Add a person", EditPerson: "Edit %s", LeavePerson: "%s leaves %q",
		Name: "Name", Group: "Group", From: "Joined", LeaveDate: "Last day in it",
		Added: "Added %s", Saved: "Saved %s", Left: "Recorded: %s left %q", Removed: "Took %s off the roster (u undoes)",
		UndoAdd: "adding %s", UndoEdit: "the change to %s", UndoLeave: "%s leaving a group", UndoRemove: "removing %s",
		KeyAdd: "add", KeyEdit: "edit", KeyLeave: "leave group", KeyRemove: "remove",
		NotCovered: "not yet", Covered: "Covered", Missing: "Not yet", Outside: "Not on the roster or not in the group",
		Coverage: "Coverage", NoGroupYet: "Nobody is in %q yet: add people in the People view with a.", BadDate: "The date is not valid; write it as YYYY-MM-DD.",
		Everyone:  "everyone",
		FillTitle: "The roster (esc skips)",
		FillWhy:   "Some talk duties are owed to each person of these groups. Give their people: names separated by commas or one a line, two people of one name as 张伟（财务科）. You can change them later in the People view.",
		FillNext:  "next name", FillSkip: "skip",
		Filled: "Put %d people in %s (u undoes)", UndoFill: "filling the roster",
		ConfirmRemove: "Remove %s from the roster? Their talks stay logged but no longer count for coverage.",
		NotInGroup:    "Note: %s not in the group %q, so not counted in its coverage.", NotInGroupThen: "Note: %[1]s not in the group %[3]q on %[2]s, so this talk does not count in their coverage.",
		KeyAddMany: "add several", ManyTitle: "Add several to %q",
		ManyWhy: "Names separated by commas or one a line (paste a list as it is); two people of one name as 张伟（财务科）. Leave the join date empty for people in the group all along.",
	},
}

// PeopleText is the wording of the roster: the people view, its forms,
// and the coverage lines of a per-person duty.
type PeopleText struct {
	View, Nobody, Empty, EmptyHint, ColName, ColSpan, ColNote, ColTalks     string
	Since, Until, FromTo, NewPerson, EditPerson, LeavePerson, Name, Group   string
	From, LeaveDate, Added, Saved, Left, Removed, UndoAdd, UndoEdit         string
	UndoLeave, UndoRemove, KeyAdd, KeyEdit, KeyLeave, KeyRemove, NotCovered string
	Covered, Missing, Outside, Coverage, NoGroupYet, BadDate, Everyone      string
	// The first run's roster step: its title, what it is for and how to
	// write the names, its keys, and what it did.
	FillTitle, FillWhy, FillNext, FillSkip, Filled, UndoFill string
	// Adding several people to a group at once, from the People view.
	KeyAddMany, ManyTitle, ManyWhy string
	ConfirmRemove                  string
	// Beside a saved talk whose people count for nobody.
	NotInGroup, NotInGroupThen string
}

// peopleText is the wording of the roster in lang.
func peopleText(lang model.Lang) *PeopleText { return &textOf(lang).People }

// textOf is the catalogue of lang itself, for reading where only the
// language is at hand (TextFor hands out a copy).
func textOf(lang model.Lang) *Text {
	if lang == model.English {
		return &textEn
	}
	return &textZh
}

// TextFor returns the catalogue of lang.
func TextFor(lang model.Lang) *Text {
	if lang == model.English {
		t := textEn
		return &t
	}
	t := textZh
	return &t
}
