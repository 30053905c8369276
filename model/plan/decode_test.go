package plan

import (
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"taizhang/model"
)

const gbPlan = "2023年党风廉政建设工作计划\n党组主要负责人全年与班子成员提醒谈话不少于1次，每月开展1次会前学法。\n"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name string
		in   []byte
		want string // the text, when it decodes
		says string // part of the English refusal, when it does not
	}{
		{"UTF-8", []byte(gbPlan), gbPlan, ""},
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), gbPlan...), gbPlan, ""},
		{"empty", nil, "", ""},
		{"GB18030", encode(t, simplifiedchinese.GB18030, gbPlan), gbPlan, ""},
		{"GBK", encode(t, simplifiedchinese.GBK, gbPlan), gbPlan, ""},
		{"GB18030 four-byte characters", encode(t, simplifiedchinese.GB18030, "每年讲党课不少于1次（𠮷）。"), "每年讲党课不少于1次（𠮷）。", ""},
		{"GB18030 Traditional", encode(t, simplifiedchinese.GB18030, "黨組書記每年講黨課不少於1次。"), "黨組書記每年講黨課不少於1次。", ""},
		{"UTF-8 with escapes is still text", []byte("每月\x1b[31m学法\x1b[0m1次"), "每月\x1b[31m学法\x1b[0m1次", ""},
		{"Big5", encode(t, traditionalchinese.Big5, "黨支部每年召開組織生活會，開展民主評議黨員，每季度講一次黨課。"), "黨支部每年召開組織生活會，開展民主評議黨員，每季度講一次黨課。", ""},
		{"UTF-16LE", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), gbPlan), gbPlan, ""},
		{"UTF-16BE", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), gbPlan), gbPlan, ""},
		{"UTF-16 cut in a character", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), gbPlan)[:9], "", "PlanUTF16"},
		{"UTF-16 holding NUL", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "每月\x00学法"), "", "PlanUTF16"},
		{"UTF-16 without a mark", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), gbPlan), "", "PlanBinary"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml"), "", "DocxDamaged"},
		{"doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "", "DocxDamaged"},
		{"PDF", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "", "PlanPDF"},
		{"binary", random, "", ""},
		{"ELF", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), "", "PlanBinary"},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03abc", 50)), "", "PlanBinary"},
		{"Latin-1", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), "", "PlanEncoding"},
		{"truncated GB18030", encode(t, simplifiedchinese.GB18030, gbPlan)[:len(encode(t, simplifiedchinese.GB18030, gbPlan))-2], gbPlan[:len(gbPlan)-4], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if tt.name == "binary" {
				// any refusal will do, and it must be an input error
				if err == nil {
					t.Fatalf("random bytes decoded to %d runes", len([]rune(got)))
				}
				tt.says = ""
			}
			if tt.name == "truncated GB18030" {
				// the last character lost its second byte: refuse or keep
				// the rest, never show a wrong character
				if err == nil && !strings.HasPrefix(gbPlan, strings.TrimRight(got, "\n")) {
					t.Fatalf("truncated text decoded to %q", got)
				}
				return
			}
			if tt.says == "" && tt.name != "binary" {
				if err != nil || got != tt.want {
					t.Fatalf("Decode = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			ie, ok := model.AsInput(err)
			if !ok || !errors.Is(err, ErrNotText) {
				t.Fatalf("Decode error %v is not an input error", err)
			}
			// The front ends phrase the kind.
			if ie.Kind == "" || tt.says != "" && string(ie.Kind) != tt.says {
				t.Errorf("refusal %v, want the kind %s", err, tt.says)
			}
		})
	}
}

// A GB18030 file yields the same duties as the same text in UTF-8.
func TestGB18030Extracts(t *testing.T) {
	raw, err := os.ReadFile("testdata/wrapped-integrity-plan.gb18030.txt")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Decode(raw); err != nil || s != readTestdata(t, "wrapped-integrity-plan.txt") {
		t.Errorf("the GB18030 file decoded to %.40q, %v", s, err)
	}
	for _, name := range []string{"health-ideology-plan-2023.txt", "wrapped-integrity-plan.txt"} {
		text := readTestdata(t, name)
		s, err := Decode(encode(t, simplifiedchinese.GB18030, text))
		if err != nil {
			t.Fatal(err)
		}
		a, b := Extract(text), Extract(s)
		if show(a) != show(b) {
			t.Errorf("%s: UTF-8 gives%s\nGB18030 gives%s", name, show(a), show(b))
		}
	}
}
