package data

import (
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
)

// ExpandPath turns a path as a person types, pastes or drops it into a
// terminal into the file's path: surrounding white space and one pair of
// quotes ('…' or "…") are removed, a file:// URL is decoded, a leading ~
// is the home directory (HOME, or the user's home when HOME is unset;
// USERPROFILE on Windows), and outside Windows a backslash before a space or
// quote (how some terminals escape a dropped path) is dropped.
func ExpandPath(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'' || s[0] == '"' && s[len(s)-1] == '"') {
		s = s[1 : len(s)-1]
	}
	if strings.HasPrefix(s, "file://") {
		if u, err := url.Parse(s); err == nil && u.Path != "" {
			s = u.Path
			if runtime.GOOS == "windows" && len(s) > 2 && s[0] == '/' && s[2] == ':' {
				s = s[1:]
			}
		}
	}
	if runtime.GOOS != "windows" && strings.Contains(s, `\`) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(" '\"()&;[]", s[i+1]) >= 0 {
				continue
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if s == "~" || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`) {
		if home := homeDir(); home != "" {
			s = filepath.Join(home, s[1:])
		}
	}
	return s
}

// homeDir is the home directory a leading ~ stands for: HOME (USERPROFILE
// on Windows), or, when that is unset, the user's home in the system's
// account database; "" when neither is known.
func homeDir() string {
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}
