package cells

import (
	"strings"
	"testing"
)

func TestCut(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"会前学法", 8, "会前学法"},
		{"会前学法", 7, "会前.."},
		{"会前学法", 6, "会前.."},
		{"与分管科室负责人提醒谈话", 10, "与分管科.."},
		{"abc", 2, "ab"},
		{"𠮷野家", 4, "𠮷.."},
		{"\x1b[31m红\x1b[0m", 4, "红"},
		{"a\r\nb", 5, "a b"},
		{"x", 0, ""},
	}
	for _, tt := range tests {
		got := Cut(tt.in, tt.w)
		if got != tt.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
		if Width(got) > tt.w {
			t.Errorf("Cut(%q, %d) is %d cells wide", tt.in, tt.w, Width(got))
		}
	}
	if got := Fit("学法", 6); got != "学法  " {
		t.Errorf("Fit = %q", got)
	}
	if got := FitRight("12", 4); got != "  12" {
		t.Errorf("FitRight = %q", got)
	}
}

func TestTable(t *testing.T) {
	out := Table([][]string{
		{"编号", "事项", "完成"},
		{"1", "参加中心组集体学习", "4/6"},
		{"12", "会前学法", "11/12"},
	}, []int{0, 10, 0}, 0, 2)
	want := "" +
		"编号  事项         完成\n" +
		"   1  参加中心..    4/6\n" +
		"  12  会前学法    11/12\n"
	if out != want {
		t.Errorf("Table =\n%s\nwant\n%s", out, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing space in %q", line)
		}
	}
}

func TestFitTable(t *testing.T) {
	rows := [][]string{{"编号", "事项", "要求", "状态"}, {"1", "专题研究分管领域意识形态工作", "分管科室负责人每人每年不少于1次", "临期 · 全年未达标"}}
	for _, tc := range []struct {
		width, want int
	}{
		{0, 4 + 2 + 28 + 2 + 31 + 2 + 17},
		{200, 4 + 2 + 28 + 2 + 31 + 2 + 17},
		{60, 60},
		{20, 4 + 2 + 8 + 2 + 8 + 2 + 17}, // as narrow as the flexible columns go
	} {
		out := FitTable(rows, nil, tc.width, []int{1, 2})
		widest := 0
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			widest = max(widest, Width(l))
		}
		if widest != tc.want {
			t.Errorf("width %d: the table is %d wide, want %d:\n%s", tc.width, widest, tc.want, out)
		}
	}
}
