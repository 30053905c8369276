package cli

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"taizhang/data"
	"taizhang/model"
)

// A shell prompt or a status line runs `taizhang status --short` before
// every command, while the ledger changes a few times a day. The line is
// kept in the user's cache directory under the state it was read from —
// this build, the language, the day, and the ledger files' fingerprint —
// and printed from there while all of them are as they were, without
// opening the ledger. Any committed change to the ledger changes its
// fingerprint, and a ledger changed in the last few seconds is not
// fingerprinted at all, so a kept line is never older than the ledger.

// shortEntry is where the one-line status of this invocation is kept, and
// the state it must match.
type shortEntry struct {
	file, key string
}

// shortCached looks for the kept line of a plain `status --short` (with at
// most --db and --lang). It returns the line when one matches; otherwise
// the entry to keep the line the command computes in, or nil when this
// invocation's line is not to be kept.
func shortCached(args []string, env Env) (string, *shortEntry) {
	if env.CacheDir == "" {
		return "", nil
	}
	db, lang, ok := plainShort(args)
	if !ok {
		return "", nil
	}
	l := model.LangFromEnv()
	if lang != "" {
		if l, ok = model.ParseLang(lang); !ok {
			return "", nil
		}
	}
	// The files' times are compared with the clock, the day with the
	// command's today (which tests and --as-of style runs may set).
	ledger, ok := data.Fingerprint(data.ResolvePath(db), time.Now())
	if !ok {
		return "", nil
	}
	build, ok := executable()
	if !ok {
		return "", nil
	}
	key := strings.Join([]string{"taizhang status --short 1", env.Version, build, string(l), model.DateOf(env.Now()).String(), ledger}, "\x00")
	h := fnv.New64a()
	h.Write([]byte(ledger[:strings.IndexByte(ledger, '|')]))
	e := &shortEntry{file: filepath.Join(env.CacheDir, "status-"+strconv.FormatUint(h.Sum64(), 16)), key: key}
	kept, err := os.ReadFile(e.file)
	if err != nil {
		return "", e
	}
	k, line, ok := bytes.Cut(kept, []byte{'\n'})
	if !ok || string(k) != key {
		return "", e
	}
	return model.CleanLine(string(line)), nil
}

// keep stores line for the entry's state. It is a cache: when it cannot be
// written, the next run reads the ledger again.
func (e *shortEntry) keep(line string) {
	if e == nil || strings.ContainsAny(e.key, "\n") {
		return
	}
	dir := filepath.Dir(e.file)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	f, err := os.CreateTemp(dir, filepath.Base(e.file)+".*.tmp")
	if err != nil {
		return
	}
	_, werr := fmt.Fprintf(f, "%s\n%s", e.key, line)
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), e.file) != nil {
		os.Remove(f.Name())
	}
}

// plainShort reports whether args are `status --short` with nothing else
// but --db and --lang, and gives those two.
func plainShort(args []string) (db, lang string, ok bool) {
	status, short := false, false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "status" && !status:
			status = true
		case a == "--short" && !short:
			short = true
		case a == "--db" || a == "--lang":
			if i+1 == len(args) {
				return "", "", false
			}
			i++
			if a == "--db" {
				db = args[i]
			} else {
				lang = args[i]
			}
		case strings.HasPrefix(a, "--db="):
			db = a[len("--db="):]
		case strings.HasPrefix(a, "--lang="):
			lang = a[len("--lang="):]
		default:
			return "", "", false
		}
	}
	return db, lang, status && short
}

// executable names this build by its file's size and time, so a line kept
// by another build (whose rules may differ) is not taken for this one's.
func executable() (string, bool) {
	p, err := os.Executable()
	if err != nil {
		return "", false
	}
	fi, err := os.Stat(p)
	if err != nil {
		return "", false
	}
	return strconv.FormatInt(fi.Size(), 10) + "@" + strconv.FormatInt(fi.ModTime().UnixNano(), 10), true
}
