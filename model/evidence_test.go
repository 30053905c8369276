package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSafeFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"会议记录.pdf", "会议记录.pdf"},
		{"../../etc/passwd", "_.._etc_passwd"},
		{"/abs/path.jpg", "_abs_path.jpg"},
		{`C:\Users\x.doc`, "C__Users_x.doc"},
		{"CON", "_CON"},
		{"con.txt", "_con.txt"},
		{"COM1.jpg", "_COM1.jpg"},
		{"lpt9", "_lpt9"},
		{"NUL .txt", "_NUL .txt"},
		{"CONSOLE.txt", "CONSOLE.txt"},
		{"name. . .", "name"},
		{"...", "_"},
		{"", "_"},
		{".hidden", "hidden"},
		{"a\x1b[31mred\x07.png", "ared.png"},
		{"tab\there", "tab here"},
		{"what?<>|*\".jpg", "what______.jpg"},
		{"\u202eexe.txt", "exe.txt"},
	}
	for _, tt := range tests {
		if got := SafeFileName(tt.in, 80); got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("很长的文件名", 40) + ".docx"
	got := SafeFileName(long, 60)
	if utf8.RuneCountInString(got) != 60 || !strings.HasSuffix(got, ".docx") {
		t.Errorf("long name cut to %q", got)
	}
}

func TestEvidenceName(t *testing.T) {
	for in, want := range map[string]string{
		"/home/me/会议 记录.pdf": "会议 记录.pdf",
		`C:\扫描\签到.jpg`:       "签到.jpg",
		"":                   "file",
		"..":                 "file",
		"x\x1b]0;t\x07.pdf":  "x.pdf",
	} {
		if got := EvidenceName(in); got != want {
			t.Errorf("EvidenceName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"a.PDF", "", "application/pdf"},
		{"a.jpeg", "", "image/jpeg"},
		{"a.ofd", "", "application/ofd"},
		{"scan", "%PDF-1.7", "application/pdf"},
		{"photo", "\xff\xd8\xff\xe0", "image/jpeg"},
		{"notes", "会议纪要", "text/plain; charset=utf-8"},
		{"blob", "\x00\x01\x02", "application/octet-stream"},
		{"empty", "", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := MediaType(tt.name, []byte(tt.content)); got != tt.want {
			t.Errorf("MediaType(%q, %q) = %q, want %q", tt.name, tt.content, got, tt.want)
		}
	}
	// A text head cut inside a character is still text.
	long := []byte(strings.Repeat("记", 200))
	if got := MediaType("x", long[:512+1]); got != "text/plain; charset=utf-8" {
		t.Errorf("cut text: %q", got)
	}
}

func TestCheckPaper(t *testing.T) {
	if got, err := CheckPaper("  党小组会议记录本第12页\n"); err != nil || got != "党小组会议记录本第12页" {
		t.Errorf("%q %v", got, err)
	}
	for _, bad := range []string{"", "  ", "\x1b[2J", strings.Repeat("页", MaxText+1)} {
		if _, err := CheckPaper(bad); err == nil {
			t.Errorf("CheckPaper(%q) accepted", bad)
		}
	}
}

// FuzzSafeFileName: whatever the name, the result is one harmless path
// element that Windows and zip readers accept.
func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"会议记录.pdf", "../x", "CON.txt", "a\x00b", "x. ", "\u202e", "~/.ssh/id", `a\b`, "COM1"} {
		f.Add(s, 40)
	}
	f.Fuzz(func(t *testing.T, name string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		limit = limit%200 + 1
		got := SafeFileName(name, limit)
		if got == "" || !utf8.ValidString(got) {
			t.Fatalf("%q → %q", name, got)
		}
		if n := utf8.RuneCountInString(got); n > max(8, limit)+1 { // +1 for a reserved name's prefix
			t.Fatalf("%q → %q: %d characters, limit %d", name, got, n, limit)
		}
		if strings.ContainsAny(got, `/\:*?"<>|`) || got == "." || got == ".." || strings.HasPrefix(got, ".") {
			t.Fatalf("%q → %q", name, got)
		}
		if strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") {
			t.Fatalf("%q → %q ends in a dot or space", name, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || isBidiControl(r) {
				t.Fatalf("%q → %q holds %U", name, got, r)
			}
		}
		stem := strings.ToUpper(got)
		if i := strings.IndexByte(stem, '.'); i >= 0 {
			stem = stem[:i]
		}
		if windowsReserved[strings.TrimRight(stem, " ")] {
			t.Fatalf("%q → %q is a reserved name", name, got)
		}
	})
}
