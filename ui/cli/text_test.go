package cli

import (
	"bytes"
	"os"
	"testing"

	"taizhang/data/export"
	"taizhang/model"

	"taizhang/ui/internal/catalog"
)

// TestCatalogue: every message of the command line's catalogue is written in both
// languages, both take the same arguments, and every kind of refusal and
// failure of the model and data layers is phrased, with no more arguments
// than the kind has.
func TestCatalogue(t *testing.T) {
	for _, fault := range catalog.Faults(textZh, textEn) {
		t.Error(fault)
	}
}

// TestKindsSaidWithFlags: the command line phrases a refusal of a kind in
// the officer's language naming its flags, after the lead that says where
// in a file the trouble is, with exit status 2 (1 for a failure).
func TestKindsSaidWithFlags(t *testing.T) {
	for _, c := range []struct {
		lang model.Lang
		err  error
		code int
		want string
	}{
		{model.Chinese, model.Refuse(nil, model.KindLedgerIsDir, "/tmp/x"), 2, "taizhang: /tmp/x 是一个目录，不是台账文件；请用 --db 指定台账文件的路径。\n"},
		{model.English, model.Refuse(nil, model.KindLedgerIsDir, "/tmp/x"), 2, "taizhang: /tmp/x is a directory, not a ledger file; give the ledger file's path with --db.\n"},
		{model.Chinese, model.Refuse(nil, model.KindLedgerNotRegular, "/tmp/p", model.KindFilePipe), 2, "taizhang: /tmp/p 不是普通文件（是命名管道（FIFO）），不能作为台账；请用 --db 指定台账文件。\n"},
		{model.Chinese, model.RefuseField("date", model.ErrFutureDate, model.KindDateFuture, model.NewDate(2027, 6, 1)).Within("不能导入 a.json：", "Cannot import a.json: "), 2,
			"taizhang: 不能导入 a.json：日期 2027-06-01 晚于今天，不能登记未来的记录。\n"},
		{model.English, model.Fail(nil, model.KindDiskFull, "/mnt"), 1, "taizhang: The disk holding /mnt is full, so this was not done and the records already there are untouched; free some space and try again.\n"},
	} {
		var out bytes.Buffer
		a := &App{Env: Env{Stderr: &out}, Lang: c.lang}
		if code := a.report(c.err); code != c.code || out.String() != c.want {
			t.Errorf("%v: exit %d %q, want %d %q", c.err, code, out.String(), c.code, c.want)
		}
	}
}

// TestImportConflictSaid: a target that differs between the file and the
// ledger is said with both requirements in the officer's language, naming
// the command that makes them agree.
func TestImportConflictSaid(t *testing.T) {
	file := model.Target{Year: 2026, Cadence: model.Month, Min: 1}
	ledger := model.Target{Year: 2026, Cadence: model.Quarter, Min: 1}
	err := model.Refuse(nil, model.KindImportTarget, "会前学法", 2026, file, ledger).Within("不能导入 a.json：", "Cannot import a.json: ")
	for lang, want := range map[model.Lang]string{
		model.Chinese: "taizhang: 不能导入 a.json：事项“会前学法”2026年的要求在文件中是“每月1次”，台账中是“每季度1次”，无法合并；请先用 taizhang duty edit 统一后再导入。\n",
		model.English: "taizhang: Cannot import a.json: The duty \"会前学法\" requires \"1 a month\" in 2026 in the file but \"1 a quarter\" in the ledger; make them agree with taizhang duty edit, then import again.\n",
	} {
		var out bytes.Buffer
		a := &App{Env: Env{Stderr: &out}, Lang: lang}
		if code := a.report(err); code != 2 || out.String() != want {
			t.Errorf("exit %d %q, want %q", code, out.String(), want)
		}
	}
}

// TestImportRefusalSaid: a JSON file that is not an export is refused in
// one sentence after the file it names, naming the export command.
func TestImportRefusalSaid(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/a.json"
	if err := os.WriteFile(path, []byte(`{"format": "something-else", "version": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	code := Main([]string{"--db", dir + "/l.db", "--lang", "zh", "import", path}, Env{Stdout: &out, Stderr: &errs})
	want := "taizhang: 不能导入 " + path + "：这不是台账导出的 JSON 文件（format 应为 taizhang-ledger）；请用 taizhang export --format json 导出的文件。\n"
	if code != 2 || errs.String() != want {
		t.Errorf("exit %d %q, want 2 %q", code, errs.String(), want)
	}
}

// TestWarningSaidWithCommand: a finding of the check that says how to put
// it right names the command on the command line.
func TestWarningSaidWithCommand(t *testing.T) {
	w := export.Warning{Kind: export.NoEvidence, Say: model.KindWarnNoEvidence, Args: []any{model.NewDate(2026, 5, 7), "会前学法", "会议记录", int64(12)}}
	a := &App{Lang: model.Chinese}
	if got, want := a.warning(w), "2026-05-07 “会前学法”的记录没有佐证材料（应有：会议记录）；请用 taizhang evidence add 12 附上。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestImportPlaceSaid: a refusal inside a JSON file is said after the
// place it names, as one sentence.
func TestImportPlaceSaid(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/a.json"
	doc := `{"format": "taizhang-ledger", "version": 1, "exported_at": "2026-03-01T00:00:00Z", "year": 2026,
		"duties": [{"title": "会前学法", "category": "study", "targets": [{"year": 2026, "cadence": "month", "min": 1}],
		"records": [{"date": "2026-02-30", "topic": "x"}]}]}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"zh": "taizhang: 不能导入 " + path + "：第1个事项（“会前学法”）：第1条记录的日期“2026-02-30”无效，应写成 YYYY-MM-DD。\n",
		"en": "taizhang: Cannot import " + path + ": duty 1 (\"会前学法\"): record 1 has the date \"2026-02-30\", which is not a YYYY-MM-DD date.\n",
	} {
		var out, errs bytes.Buffer
		code := Main([]string{"--db", dir + "/l.db", "--lang", lang, "import", path}, Env{Stdout: &out, Stderr: &errs})
		if code != 2 || errs.String() != want {
			t.Errorf("exit %d %q, want 2 %q", code, errs.String(), want)
		}
	}
}
