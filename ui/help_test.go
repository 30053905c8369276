package ui

import (
	"strings"
	"testing"

	"taizhang/model"
)

// TestHelpShowsTheKeysOfItsScreen: ? lists the keys of the screen it is
// pressed on, named in its title, then the keys every screen takes.
func TestHelpShowsTheKeysOfItsScreen(t *testing.T) {
	s, _ := testLedger(t)
	dash := newTestApp(t, s, model.English, 120, 40)
	press(t, dash, "?")
	log := newTestApp(t, s, model.English, 120, 40)
	press(t, log, "tab", "tab", "tab", "?")
	if dash.render() == log.render() {
		t.Fatal("the help of the dashboard and of the record log are the same")
	}
	mustContain(t, dash, "Keys: Duties", "done once today", "edit the duty", "quit")
	mustNotContain(t, dash, "delete record")
	mustContain(t, log, "Keys: Records", "delete record", "quit")
	mustNotContain(t, log, "done once today", "edit the duty")

	detail := newTestApp(t, s, model.Chinese, 120, 40)
	press(t, detail, "j", "enter", "?")
	mustContain(t, detail, "快捷键：会前学法", "某期免于要求", "删除记录", "退出")
}

// TestHelpScrollsAt80x24InEnglish: the help of an open duty does not fit
// at 80×24 in English; it scrolls to the keys of every screen at its end,
// and any other key closes it.
func TestHelpScrollsAt80x24InEnglish(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.English, 80, 24)
	press(t, a, "j", "enter", "?")
	mustContain(t, a, "Keys: ", "excuse a period", "scroll")
	mustNotContain(t, a, "quit")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	press(t, a, "pgdown", "pgdown", "pgdown")
	mustContain(t, a, "previous year", "quit")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	press(t, a, "x")
	mustNotContain(t, a, "Keys: ")
}
