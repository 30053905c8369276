package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"taizhang/model/plan"
	"taizhang/model/plan/docx/docxtest"
)

const planText = `2026年党风廉政建设工作计划
为做好2026年党风廉政建设工作，制定本计划。
一、重点任务
党组主要负责人全年与班子成员提醒谈话不少于1次，讲廉政党课不少于1次。
每月开展1次会前集中学法，每次不少于30分钟。
年中和年终向党组专题报告党风廉政建设工作情况各1次。
坚决做到“两个维护”，落实1名公职律师，整改率达到100%。
`

// runIn runs the command line with text on standard input.
func runIn(t *testing.T, db, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := Main(full, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: func() time.Time { return fixedNow }, Version: "test"})
	return result{code, out.String(), errb.String()}
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A plan saved from the office system as a Word file reads as its text
// does: the same duties, the headings Word numbers restored. Its name does
// not matter, only what it holds.
func TestPlanWord(t *testing.T) {
	db := newLedger(t)
	text := ok(t, db, "plan", writeFile(t, "计划.txt", []byte(planText)), "--json")
	for _, name := range []string{"计划.docx", "计划.DOCX", "计划.txt", "计划"} {
		if word := ok(t, db, "plan", writeFile(t, name, docxtest.FromText(planText)), "--json"); word != text {
			t.Errorf("%s reads differently:\n%s\nas text:\n%s", name, word, text)
		}
	}
	r := runIn(t, db, string(docxtest.FromText(planText)), "plan", "-", "--json")
	if r.code != 0 || r.stdout != text {
		t.Errorf("a Word file on standard input: exit %d %q", r.code, r.stderr)
	}
	out := ok(t, db, "plan", writeFile(t, "计划.docx", docxtest.FromText(planText)))
	if !strings.Contains(out, "找到 4 项") || !strings.Contains(out, "计划.docx") {
		t.Errorf("preview of the Word file:\n%s", out)
	}
}

// A plan restating duties the ledger keeps in other words, and addressing
// some to the principal: for a section chief the kept ones show as such and
// the principal's start unticked, in the preview, the JSON and --apply;
// --all adds the principal's too; a year without those duties keeps
// nothing.
func TestPlanKeptAndAddressed(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "与分管科室专题研究党风廉政建设", "--category", "meeting", "--cadence", "year", "--min", "1", "--year", "2026")
	ok(t, db, "duty", "add", "--title", "年度述职述廉", "--cadence", "year", "--min", "1", "--year", "2026", "--category", "report")
	ok(t, db, "profile", "--post", "党支部书记、科长")
	file := writeFile(t, "计划.txt", []byte(`2026年工作计划
党组主要负责人全年讲廉政党课不少于1次，年终进行述责述廉。
全年与分管科室专题研究党风廉政建设工作不少于1次。
每年参加党组民主生活会和支部组织生活会不少于1次。
`))
	out := ok(t, db, "plan", file)
	for _, s := range []string{"找到 5 项履职事项，勾选 2 项", "非本职：写给党组主要负责人", "已有：年度述职述廉",
		"已有：与分管科室专题研究党风", "参加党组民主生活会", "参加支部组织生活会", "（已有的 2 项跳过）", "写给其他职务（您的职务是党支部书记、科长）的 1 项加 --all 才添加"} {
		if !strings.Contains(out, s) {
			t.Errorf("preview lacks %q:\n%s", s, out)
		}
	}
	en := ok(t, db, "--lang", "en", "plan", file)
	for _, s := range []string{"Found 5 duties", "2 ticked", "kept as: 年度述职述廉", "not yours: for 党组主要负责人", "add --all for the 1 addressed to other posts than yours (党支部书记、科长)"} {
		if !strings.Contains(strings.Join(strings.Fields(en), " "), s) {
			t.Errorf("English preview lacks %q:\n%s", s, en)
		}
	}
	var got []planOut
	if err := json.Unmarshal([]byte(ok(t, db, "plan", file, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, g := range got {
		states[g.Title] = fmt.Sprint(g.Checked, " ", g.Unchecked, " ", g.Role)
		if g.Existing != nil {
			states[g.Title] += " " + g.Existing.Title
		}
	}
	want := map[string]string{
		"讲廉政党课": "false addressee principal",
		"述责述廉":  "false kept principal 年度述职述廉",
		"与分管科室专题研究党风廉政建设工作": "false kept  与分管科室专题研究党风廉政建设",
		"参加党组民主生活会":         "true  ",
		"参加支部组织生活会":         "true  ",
	}
	if !reflect.DeepEqual(states, want) {
		t.Errorf("--json states %v\nwant %v", states, want)
	}
	out = ok(t, db, "plan", file, "--apply")
	if !strings.Contains(out, "添加2026年的 2 项要求") || !strings.Contains(out, "2 项台账中已有，跳过（年度述职述廉、与分管科室专题研究党风廉政建设）") ||
		!strings.Contains(out, "1 项写给其他职务（非党支部书记、科长），未添加") {
		t.Errorf("apply said %q", out)
	}
	out = ok(t, db, "plan", file, "--apply", "--all")
	if !strings.Contains(out, "添加2026年的 1 项要求") || !strings.Contains(out, "4 项台账中已有") {
		t.Errorf("apply --all said %q", out)
	}
	var list []map[string]any
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--year", "2026", "--json")), &list)
	if len(list) != 5 {
		t.Errorf("%d duties after applying, want 5: %v", len(list), list)
	}
	// next year, before carry, finds the same duties: each kept, to be
	// given the 2027 target, and ticked unless addressed to another post
	var next []planOut
	json.Unmarshal([]byte(ok(t, db, "plan", file, "--json", "--year", "2027")), &next)
	for _, g := range next {
		if g.Existing == nil || !g.Existing.NewTarget || g.Checked != (g.Role != "principal") {
			t.Errorf("2027: %+v", g)
		}
	}
}

// The way a person uses it: preview, look at the JSON, apply, see the
// duties in status, apply again and nothing doubles.
func TestPlan(t *testing.T) {
	db := newLedger(t)
	file := writeFile(t, "计划.txt", []byte(planText))

	out := ok(t, db, "plan", file)
	for _, s := range []string{"找到 4 项", "与班子成员提醒谈话", "全年不少于1次", "会前集中学法", "每月1次", "每半年1次", "--apply"} {
		if !strings.Contains(out, s) {
			t.Errorf("preview lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "两个维护") || strings.Contains(out, "公职律师") {
		t.Errorf("preview lists a slogan or a person:\n%s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a preview created the ledger")
	}

	en := ok(t, db, "--lang", "en", "plan", file)
	if !strings.Contains(en, "Found 4 duties") || !strings.Contains(en, "at least 1 a year") || !strings.Contains(en, "1 a month") {
		t.Errorf("English preview:\n%s", en)
	}

	var got []map[string]any
	raw := ok(t, db, "plan", file, "--json")
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("--json: %v\n%s", err, raw)
	}
	if len(got) != 4 {
		t.Fatalf("--json gave %d duties:\n%s", len(got), raw)
	}
	want := map[string]any{"title": "与班子成员提醒谈话", "category": "talk", "cadence": "year", "min": 1.0,
		"basis": "党组主要负责人全年与班子成员提醒谈话不少于1次", "line": 4.0,
		"addressee": "党组主要负责人", "role": "principal", "checked": true}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("first duty = %v\nwant %v", got[0], want)
	}
	if got[2]["cadence"] != "month" || got[2]["category"] != "study" || got[3]["cadence"] != "half" {
		t.Errorf("--json: %v", got)
	}

	out = ok(t, db, "plan", file, "--apply")
	if !strings.Contains(out, "添加2026年的 4 项要求") {
		t.Errorf("apply said %q", out)
	}
	var st statusOut
	if err := json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	titles := map[string]dutyStatusOut{}
	for _, d := range st.Duties {
		titles[d.Title] = d
	}
	if d := titles["会前集中学法"]; d.Cadence != "month" || d.Min != 1 || d.Category != "study" || len(st.Duties) != 4 {
		t.Errorf("status after apply: %+v", st.Duties)
	}
	if d := titles["向党组专题报告党风廉政建设工作情况"]; d.Cadence != "half" || d.Required != 2 {
		t.Errorf("half-yearly report: %+v", d)
	}
	out = ok(t, db, "plan", file, "--apply")
	if !strings.Contains(out, "添加2026年的 0 项要求") || !strings.Contains(out, "4 项台账中已有，跳过（与班子成员提醒谈话、") {
		t.Errorf("second apply said %q", out)
	}

	// another year from standard input, in GB18030
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(planText))
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, db, string(gb), "--lang", "en", "plan", "-", "--year", "2027", "--apply")
	if r.code != 0 || !strings.Contains(r.stdout, "Added 4 targets for 2027 from standard input") {
		t.Errorf("stdin apply: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	var list []map[string]any
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--year", "2027", "--json")), &list)
	if len(list) != 4 {
		t.Errorf("2027 has %d duties", len(list))
	}
	// What Notepad saves as "Unicode" (UTF-16 with a mark) reads as the
	// same plan; Big5 reads as its Traditional text.
	same := ok(t, db, "plan", file, "--json")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(planText))
	if got := ok(t, db, "plan", writeFile(t, "u16.txt", u16), "--json"); got != same {
		t.Errorf("UTF-16 plan:\n%s\nwant\n%s", got, same)
	}
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte("黨組書記每年講黨課不少於1次，每月開展1次會前學法。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var cands []map[string]any
	json.Unmarshal([]byte(ok(t, db, "plan", writeFile(t, "big5.txt", big5), "--json")), &cands)
	if len(cands) != 2 || !strings.Contains(fmt.Sprint(cands[0]["title"], cands[1]["title"]), "黨課") {
		t.Errorf("Big5 plan: %v", cands)
	}
}

func TestPlanOutputs(t *testing.T) {
	db := newLedger(t)
	report := writeFile(t, "总结.txt", []byte("区司法局2025年工作总结\n一、主要做法和成效\n全年共组织学法12次，累计开展活动32场次。\n"))
	old := writeFile(t, "2022.txt", []byte("2022年工作计划\n每月开展1次会前学法。\n"))
	empty := writeFile(t, "empty.txt", nil)
	tests := []struct {
		name  string
		stdin string
		args  []string
		says  []string
	}{
		{"stdin preview", planText, []string{"plan", "-"}, []string{"从标准输入中找到 4 项"}},
		{"empty stdin", "", []string{"plan", "-"}, []string{"没有找到带频次要求的事项"}},
		{"empty stdin json", "", []string{"plan", "-", "--json"}, []string{"[]\n"}},
		{"empty file apply", "", []string{"plan", empty, "--apply"}, []string{"台账未改动"}},
		{"a report", "", []string{"plan", report}, []string{"没有找到"}},
		{"a report json", "", []string{"plan", report, "--json"}, []string{"[]"}},
		{"another year", "", []string{"plan", old}, []string{"文本写的是2022年", "--year 2022", "每月1次"}},
		{"another year given", "", []string{"plan", old, "--year", "2022"}, []string{"添加到2022年"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, db, tt.stdin, tt.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			for _, s := range tt.says {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("output lacks %q:\n%s", s, r.stdout)
				}
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("previews and an empty apply created the ledger")
	}
}

// A file that cannot be read as a plan exits 2 with one sentence, prints
// nothing, and writes nothing, with or without --apply.
func TestPlanBadInput(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	before := dump(t, db)
	dir := t.TempDir()
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(planText))
	utf16 = utf16[:len(utf16)-1] // cut in the middle of a character
	junk := make([]byte, 2048)
	for i := range junk {
		junk[i] = byte(i*131 + i/7)
	}
	unreadable := writeFile(t, "locked.txt", []byte(planText))
	os.Chmod(unreadable, 0)
	tests := []struct {
		name string
		args []string
		says string // part of the English message
	}{
		{"missing file", []string{"plan", filepath.Join(dir, "nope.txt")}, "There is no file"},
		{"directory", []string{"plan", dir}, "is a directory"},
		{"binary junk", []string{"plan", writeFile(t, "junk.bin", junk)}, "not text"},
		{"NUL bytes", []string{"plan", writeFile(t, "nul.txt", []byte("每月\x00开展1次学法"))}, "binary"},
		{"UTF-16 cut short", []string{"plan", writeFile(t, "u16.txt", utf16)}, "UTF-16"},
		{"Word", []string{"plan", writeFile(t, "plan.docx", []byte("PK\x03\x04\x14\x00\x06\x00"))}, "Word"},
		{"PDF", []string{"plan", writeFile(t, "plan.pdf", []byte("%PDF-1.7\n"))}, "PDF"},
		{"undecodable", []string{"plan", writeFile(t, "latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"))}, "encoding"},
		{"too big a text", []string{"plan", writeFile(t, "big.txt", bytes.Repeat([]byte("每月开展1次会前学法。\n"), plan.MaxText/30+1))}, "8 MB"},
		{"too big a file", []string{"plan", writeFile(t, "big.docx", append(docxtest.FromText(planText), make([]byte, maxPlanBytes)...))}, "20 MB"},
		{"old Word", []string{"plan", writeFile(t, "plan.doc", docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(false)}))}, "save it as .docx"},
		{"old Word named .docx", []string{"plan", writeFile(t, "really.docx", docxtest.Compound(map[string][]byte{"WordDocument": docxtest.FIB(false)}))}, "old Word format"},
		{"Word with a password", []string{"plan", writeFile(t, "locked.docx", docxtest.Compound(map[string][]byte{"EncryptionInfo": make([]byte, 4096), "EncryptedPackage": make([]byte, 4096)}))}, "password"},
		{"damaged Word", []string{"plan", writeFile(t, "cut.docx", docxtest.FromText(planText)[:600])}, "damaged"},
		{"bad year", []string{"plan", "-", "--year", "26"}, "outside 1900-2999"},
		{"json and apply", []string{"plan", "-", "--json", "--apply"}, "can't be used together"},
		{"no file", []string{"plan"}, "expected"},
	}
	if os.Geteuid() != 0 { // root reads a file of mode 0 anyway
		tests = append(tests, struct {
			name string
			args []string
			says string
		}{"unreadable", []string{"plan", unreadable}, "Cannot read"})
	}
	for _, tt := range tests {
		for _, apply := range []bool{false, true} {
			args := tt.args
			if apply && !strings.Contains(strings.Join(args, " "), "--apply") {
				args = append(append([]string{}, args...), "--apply")
			}
			r := runIn(t, db, planText, append([]string{"--lang", "en"}, args...)...)
			if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("%s (apply %v): exit %d, stdout %q, stderr %q; want exit 2 saying %q", tt.name, apply, r.code, r.stdout, r.stderr, tt.says)
			}
		}
	}
	if after := dump(t, db); after != before {
		t.Errorf("bad input changed the ledger:\n%s\nbecame\n%s", before, after)
	}
}

// nextYearPlan restates, in other words, eight duties of the section
// chief's template (one a talk with each of the section's cadres) and adds
// one it lacks.
const nextYearPlan = `2027年科室党建工作计划
一、每季度参加支部党课1次。
二、每月参加党小组会1次。
三、每季度参加支部党员大会1次。
四、每月参加主题党日活动1次。
五、每半年向分管领导报告1次科室党风廉政建设情况。
六、每年开展1次科室廉政风险点排查。
七、每月组织科室干部开展1次政治理论学习。
八、每季度开展1次保密自查。
九、科长每年与科室每名干部谈心谈话不少于1次。
`

// In January, before carry, the ledger's duties have this year's targets
// and none for next year. Next year's plan, as text or as a Word file,
// finds them all the same: the preview marks each as kept and to be given
// the year's target, and --apply gives the kept duties their 2027 target
// and adds only the new one. The same plan for 2026, where the targets
// are, skips them.
func TestPlanNextYear(t *testing.T) {
	for _, name := range []string{"计划.txt", "计划.docx"} {
		t.Run(name, func(t *testing.T) {
			db := newLedger(t)
			ok(t, db, "template", "apply", "section-chief", "--year", "2026")
			body := []byte(nextYearPlan)
			if strings.HasSuffix(name, ".docx") {
				body = docxtest.FromText(nextYearPlan)
			}
			file := writeFile(t, name, body)
			for _, year := range []string{"2026", "2027"} {
				var got []planOut
				if err := json.Unmarshal([]byte(ok(t, db, "plan", file, "--year", year, "--json")), &got); err != nil {
					t.Fatal(err)
				}
				kept := map[string]string{}
				for _, g := range got {
					if g.Existing != nil {
						kept[g.Title] = g.Existing.Title
						if g.Existing.NewTarget != (year == "2027") || g.Checked != (year == "2027") {
							t.Errorf("%s %s: new_target %v checked %v", year, g.Title, g.Existing.NewTarget, g.Checked)
						}
					} else if !g.Checked {
						t.Errorf("%s %s: new duty unchecked", year, g.Title)
					}
				}
				want := map[string]string{"参加支部党课": "参加党课", "参加党小组会": "参加党小组会", "参加支部党员大会": "参加支部党员大会",
					"参加主题党日活动": "参加主题党日", "向分管领导报告科室党风廉政建设情况": "向分管领导报告科室党风廉政情况",
					"科室廉政风险点排查": "科室廉政风险点排查", "组织科室干部开展政治理论学习": "组织科室政治理论学习",
					"与科室干部谈心谈话": "与科室党员干部谈心谈话"}
				if !reflect.DeepEqual(kept, want) {
					t.Errorf("%s: kept %v\nwant %v", year, kept, want)
				}
			}
			out := ok(t, db, "plan", file, "--year", "2027")
			for _, s := range []string{"勾选 9 项", "已有：参加党课，设2027年要求", "其中 8 项是台账中已有的事项", "科室干部每人每年不少于1次"} {
				if !strings.Contains(out, s) {
					t.Errorf("2027 preview lacks %q:\n%s", s, out)
				}
			}
			out = ok(t, db, "plan", file, "--year", "2027", "--apply")
			if !strings.Contains(out, "添加2027年的 9 项要求（其中 8 项是给已有事项设本年要求：参加党课、") {
				t.Errorf("apply said %q", out)
			}
			var all []map[string]any
			json.Unmarshal([]byte(ok(t, db, "duty", "list", "--all", "--json")), &all)
			if len(all) != 15 {
				t.Errorf("%d duties after applying next year's plan, want the template's 14 and 1 new", len(all))
			}
			var next []map[string]any
			json.Unmarshal([]byte(ok(t, db, "duty", "list", "--year", "2027", "--json")), &next)
			got := map[string]string{}
			for _, d := range next {
				tg, _ := d["target"].(map[string]any)
				got[fmt.Sprint(d["title"])] = fmt.Sprint(tg["cadence"], tg["min"])
				if d["title"] == "与科室党员干部谈心谈话" && tg["each"] != "科室干部" {
					t.Errorf("the per-person talk lost its group: %v", tg)
				}
			}
			if len(got) != 9 || got["参加党课"] != "quarter1" || got["组织科室政治理论学习"] != "month1" || got["保密自查"] != "quarter1" || got["与科室党员干部谈心谈话"] != "year1" {
				t.Errorf("2027 duties: %v", got)
			}
			// applied twice, nothing doubles
			out = ok(t, db, "plan", file, "--year", "2027", "--apply")
			if !strings.Contains(out, "添加2027年的 0 项要求") || !strings.Contains(out, "9 项台账中已有") {
				t.Errorf("second apply said %q", out)
			}
		})
	}
}

// A sentence that gives a duty's cadence and its yearly total proposes it
// once; totals that disagree keep the stricter reading and say so; a later
// sentence with the same duty's title starts unticked. What the preview
// ticks is what --apply adds, and nothing is reported as already there.
func TestPlanRestatedTotals(t *testing.T) {
	db := newLedger(t)
	file := writeFile(t, "计划.txt", []byte(`2027年科室工作计划
一、每月组织科室干部开展1次政治理论学习，全年不少于12次。
二、每季度向分管领导汇报1次工作，全年不少于4次。
三、每月开展1次会前学法，全年不少于15次。
四、全年组织科室干部开展政治理论学习不少于20次。
`))
	out := ok(t, db, "plan", file, "--year", "2027")
	for _, s := range []string{"找到 4 项履职事项，勾选 3 项", "同句又写每月1次，取较严的要求", "与第2行同名，不重复添加", "（与前面同名的 1 项不重复添加）"} {
		if !strings.Contains(out, s) {
			t.Errorf("preview lacks %q:\n%s", s, out)
		}
	}
	if strings.Count(out, "组织科室干部开展政治理论学习") != 2 {
		t.Errorf("the duty of line 2 is proposed twice:\n%s", out)
	}
	var got []planOut
	json.Unmarshal([]byte(ok(t, db, "plan", file, "--year", "2027", "--json")), &got)
	if len(got) != 4 || got[0].Basis != "每月组织科室干部开展1次政治理论学习，全年不少于12次" || got[0].Also != nil ||
		got[2].Also == nil || *got[2].Also != (planAlso{"month", 1}) || got[2].Cadence != "year" || got[2].Min != 15 ||
		got[3].Checked || got[3].Unchecked != "twin" || got[3].SameAs != 2 {
		t.Errorf("--json: %+v", got)
	}
	out = ok(t, db, "plan", file, "--year", "2027", "--apply")
	if !strings.Contains(out, "添加2027年的 3 项要求；1 项与前面的事项同名，未重复添加（组织科室干部开展政治理论学习）") || strings.Contains(out, "已存在") {
		t.Errorf("apply said %q", out)
	}
	en := ok(t, db, "--lang", "en", "plan", file, "--year", "2027", "--json")
	if !strings.Contains(en, `"also"`) {
		t.Errorf("English JSON: %s", en)
	}
}
