package ui

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"taizhang/data/export"
	"taizhang/model"

	"taizhang/ui/internal/catalog"
)

// TestCatalogue: every message of the interface's catalogue is written in both
// languages, both take the same arguments, and every kind of refusal and
// failure of the model and data layers is phrased, with no more arguments
// than the kind has.
func TestCatalogue(t *testing.T) {
	for _, fault := range catalog.Faults(textZh, textEn) {
		t.Error(fault)
	}
}

// TestKindsSaidWithoutFlags: the interface phrases the data layer's kinds
// in its own words, which name no command-line flag, after the lead that
// says where in a file the trouble is.
func TestKindsSaidWithoutFlags(t *testing.T) {
	for _, c := range []struct {
		lang model.Lang
		err  error
		want string
	}{
		{model.Chinese, model.Refuse(nil, model.KindLedgerIsDir, "/tmp/x"), "/tmp/x 是一个目录，不是台账文件。"},
		{model.English, model.Fail(nil, model.KindReadOnly, "/tmp/l.db"), "The ledger /tmp/l.db cannot be written (the file, its directory or its disk is read-only); check the permissions."},
		{model.Chinese, model.RefuseField("date", model.ErrFutureDate, model.KindDateFuture, model.NewDate(2027, 6, 1)).Within("不能导入 a.json：", "Cannot import a.json: "),
			"不能导入 a.json：日期 2027-06-01 晚于今天，不能登记未来的记录。"},
	} {
		tx := TextFor(c.lang)
		cm := &common{t: tx, lang: c.lang, keys: DefaultKeyMap(tx)}
		if got := cm.errText(c.err); got != c.want {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
	command := regexp.MustCompile(`taizhang (restore|export|duty|template|people|evidence|profile|backup|import)\b`)
	for kind := range model.Kinds {
		for _, lang := range []model.Lang{model.Chinese, model.English} {
			f := reflect.ValueOf(TextFor(lang)).Elem().FieldByName("Err" + string(kind))
			if strings.Contains(f.String(), "--") || command.MatchString(f.String()) {
				t.Errorf("Err%s names the command line: %q", kind, f.String())
			}
		}
	}
}

// TestWarningSaidWithKey: the same finding in the app names the key of the
// record view, not a command.
func TestWarningSaidWithKey(t *testing.T) {
	w := export.Warning{Kind: export.NoEvidence, Say: model.KindWarnNoEvidence, Args: []any{model.NewDate(2026, 5, 7), "会前学法", "会议记录", int64(12)}}
	for lang, want := range map[model.Lang]string{
		model.Chinese: "2026-05-07 “会前学法”的记录没有佐证材料（应有：会议记录）；请在该记录中按 a 附上。",
		model.English: "The 2026-05-07 record of \"会前学法\" has no evidence (it should have: 会议记录); attach it in the record with a.",
	} {
		c := &common{t: TextFor(lang), lang: lang}
		if got := c.warning(w); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}
