package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/adrg/xdg"
	"modernc.org/sqlite" // the "sqlite" driver

	"taizhang/model"
)

// ApplicationID marks a SQLite file as a taizhang ledger ("TZLG").
const ApplicationID = 0x545A4C47

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded NNNN_name.sql files in order, read when a
// ledger is first opened.
var migrations = sync.OnceValue(func() []migration {
	entries, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(entries)
	var ms []migration
	for i, e := range entries {
		base := filepath.Base(e)
		v, err := strconv.Atoi(base[:4])
		if err != nil || v != i+1 {
			panic("migration files must be numbered 0001, 0002, …: " + base)
		}
		b, _ := migrationFiles.ReadFile(e)
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(base[5:], ".sql"), sql: string(b)})
	}
	return ms
})

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int { return len(migrations()) }

// Store is an open ledger.
type Store struct {
	db   *sql.DB
	path string

	mu          sync.Mutex
	dataVersion int64  // last PRAGMA data_version seen by Changed
	gen         string // the ledger's generation when last seen (generation.go)

	// Migrated names the copy kept aside before this open upgraded the file,
	// or is empty.
	Migrated string
	// Network names the network file system the ledger is on (NFS, SMB, …),
	// where SQLite's WAL cannot be trusted; empty on a local disk.
	Network string
	// ReadOnly is set when the ledger was opened for reading only (see
	// OpenReading).
	ReadOnly bool
}

// DefaultPath is the ledger's default location: taizhang/taizhang.db in the
// XDG data directory ($XDG_DATA_HOME, ~/.local/share; Application Support
// on macOS; %LOCALAPPDATA% on Windows).
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "taizhang", "taizhang.db")
}

// ResolvePath picks the ledger path: the --db flag, then TAIZHANG_DB, then
// the default; a path given is read as ExpandPath reads it (~/台账.db).
func ResolvePath(flag string) string {
	if flag != "" {
		return ExpandPath(flag)
	}
	if env := os.Getenv("TAIZHANG_DB"); env != "" {
		return ExpandPath(env)
	}
	return DefaultPath()
}

// Path is the ledger file's path.
func (s *Store) Path() string { return s.path }

// Close closes the ledger.
func (s *Store) Close() error { return s.db.Close() }

// DB exposes the connection pool to tests and tools in this module.
func (s *Store) DB() *sql.DB { return s.db }

func refuse(path string, kind model.Kind) error { return model.Refuse(nil, kind, path) }

// Open opens the ledger at path, creating it (and its directory, 0700) when
// nothing is there. An existing file is opened only if it is a taizhang
// ledger this build can read; anything else is refused with a clear message
// and left untouched. An older ledger is copied aside, then upgraded.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("ledger path %s: %w", path, err)
	}
	if err := checkPathLength(abs); err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	suspect := false
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A symbolic link to a ledger not there (set aside as damaged,
		// say) gets the new ledger where it points.
		target := abs
		if link, lerr := os.Readlink(abs); lerr == nil {
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(abs), link)
			}
			target = link
		}
		if err := create(target); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("ledger %s: %w", abs, err)
	default:
		if suspect, err = checkExisting(abs, fi); err != nil {
			return nil, err
		}
		if err := checkWritable(abs, fi); err != nil {
			return nil, err
		}
	}
	cleanLeftovers(filepath.Dir(realPath(abs)))
	if err := checkCompanions(abs); err != nil {
		return nil, err
	}
	s, err := openDB(abs, "rw")
	if err != nil {
		return nil, err
	}
	if err := s.opened(suspect); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.migrate(); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// opened checks a ledger SQLite has opened: its identity and version, its
// -wal and -shm files, and, when its header looked short of pages (a
// checkpoint cut off by a crash or a full disk, which the WAL repairs),
// its pages as SQLite reads them after replaying the WAL.
func (s *Store) opened(suspect bool) error {
	if err := s.verify(); err != nil {
		return err
	}
	if err := checkCompanions(s.path); err != nil {
		return err
	}
	if suspect {
		if err := s.quickCheck(); err != nil {
			return err
		}
	}
	s.Network = networkShare(filepath.Dir(s.path))
	return nil
}

// quickCheck asks SQLite whether the ledger is whole.
func (s *Store) quickCheck() error {
	var check string
	if err := s.db.QueryRow("PRAGMA quick_check(1)").Scan(&check); err != nil {
		return openError(s.path, err)
	}
	if check != "ok" {
		return damaged(s.path)
	}
	return nil
}

// OpenExisting opens the ledger at path like Open, but refuses, rather than
// creates, a ledger that is not there: commands that only read, or that
// need duties already recorded, must not leave a new ledger behind a
// mistyped --db.
func OpenExisting(path string) (*Store, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, model.Refuse(ErrNoLedger, model.KindNoLedger, path)
	}
	return Open(path)
}

// OpenReading opens an existing ledger for a command that only reads it.
// A ledger that cannot be written — a backup on a read-only medium, a file
// or directory without write permission — is opened read-only rather than
// refused; everything else is as OpenExisting.
func OpenReading(path string) (*Store, error) {
	s, err := OpenExisting(path)
	if err == nil || !errors.Is(err, errReadOnly) {
		return s, err
	}
	abs, _ := filepath.Abs(path)
	// With no WAL to replay, the file is read as it is and nothing is made
	// beside it; a WAL holding records needs SQLite's shared memory.
	mode := "immutable"
	if fi, werr := os.Stat(abs + "-wal"); werr == nil && fi.Size() > 0 {
		mode = "ro"
	}
	s, err = openDB(abs, mode)
	if err != nil && mode == "ro" {
		return nil, refuse(abs, model.KindReadOnlyWAL)
	}
	if err != nil {
		return nil, err
	}
	if err := s.verify(); err != nil {
		s.db.Close()
		return nil, err
	}
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v < SchemaVersion() {
		s.db.Close()
		return nil, refuse(abs, model.KindReadOnlyOld)
	}
	s.Network = networkShare(filepath.Dir(abs))
	return s, nil
}

// checkWritable refuses a ledger the owner marked read-only, or one in a
// directory where SQLite cannot create its WAL files. The permission bits
// are read as well as access(2), since root may write anything.
func checkWritable(path string, fi os.FileInfo) error {
	if fi.Mode().Perm()&0o200 == 0 || !writable(path) {
		return model.Refuse(errReadOnly, model.KindFileReadOnly, path)
	}
	dir := filepath.Dir(path)
	if di, err := os.Stat(dir); err == nil && (dirReadOnly(di) || !writable(dir)) {
		return model.Refuse(errReadOnly, model.KindDirReadOnly, dir)
	}
	return nil
}

// create makes a new, fully initialised ledger at path: it is built under a
// temporary name beside path and renamed into place, so a crash leaves
// either nothing or a complete ledger.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := makeDir(dir); err != nil {
		return err
	}
	if di, err := os.Stat(dir); err == nil && (dirReadOnly(di) || !writable(dir)) {
		return refuse(dir, model.KindNewDirReadOnly)
	}
	tmp, err := os.CreateTemp(dir, tempPattern("new", ".db"))
	if err != nil {
		return remap(path, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer removeDB(tmpPath)
	// Errors about the temporary file name the ledger being made: the
	// temporary file is gone by the time anyone reads the message.
	if err := os.Chmod(tmpPath, 0o600); err != nil {
		return remap(path, err)
	}
	s, err := openDB(tmpPath, "rw")
	if err != nil {
		return remap(path, err)
	}
	if err := s.migrate(); err != nil {
		s.db.Close()
		return remap(path, err)
	}
	if err := s.db.Close(); err != nil {
		return remap(path, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return remap(path, err)
	}
	if err := os.Link(tmpPath, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // another process created it first: use theirs
		}
		// Hard links are not everywhere; fall back to a rename that never
		// replaces an existing ledger only as far as the platform allows.
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmpPath, path); err != nil {
			return remap(path, err)
		}
	}
	return syncDir(dir)
}

// remap tells an error met on a temporary file as one about path.
func remap(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		if known := sqliteError(path, se); known != nil {
			return known
		}
	}
	if werr := writeError(filepath.Dir(path), err); werr != err {
		return werr
	}
	return fmt.Errorf("create ledger %s: %w", path, pathErr(err))
}

// makeDir creates the ledger's directory 0700 (parents 0755 as usual).
func makeDir(dir string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return refuse(dir, model.KindNewNotDir)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("create directory %s: %w", filepath.Dir(dir), err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	return nil
}

// dsn builds the connection string: per-connection pragmas belong here, not
// in Exec, since Exec sets them on one pooled connection only.
func dsn(path, mode string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // Windows drive letters
	}
	q := url.Values{}
	if mode == "immutable" {
		mode = "ro"
		q.Set("immutable", "1")
	}
	q.Set("mode", mode)
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	return u.String() + "?" + q.Encode()
}

// openDB opens the SQLite file at path: mode "rw" for a ledger to write
// (and sets WAL), "ro" to read one that cannot be written, or "immutable"
// to read one on a medium where not even the shared-memory file can be
// made.
func openDB(path, mode string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path, mode))
	if err != nil {
		return nil, fmt.Errorf("open ledger %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: path, ReadOnly: mode != "rw"}
	if s.ReadOnly {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			db.Close()
			return nil, openError(path, err)
		}
		return s, nil
	}
	var jm string
	if err := db.QueryRow("PRAGMA journal_mode=WAL").Scan(&jm); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	if jm != "wal" {
		db.Close()
		return nil, fmt.Errorf("ledger %s: journal mode is %q, not wal", path, jm)
	}
	return s, nil
}

// verify reads the ledger's identity and version through SQLite, which sees
// what a stale file header may not.
func (s *Store) verify() error {
	var id, v int
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		return openError(s.path, err)
	}
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return openError(s.path, err)
	}
	if id != ApplicationID {
		return refuse(s.path, model.KindNotLedger)
	}
	return checkVersion(s.path, v)
}

// migrate brings the schema up to date, each step in its own immediate
// transaction that ends by setting user_version. An existing ledger is
// copied aside first.
func (s *Store) migrate() error {
	ctx := context.Background()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return openError(s.path, err)
	}
	if v >= SchemaVersion() {
		return nil
	}
	if v > 0 {
		aside := asideName(s.path, fmt.Sprintf("v%d", v), ".bak")
		if err := s.Backup(ctx, aside); err != nil {
			return fmt.Errorf("copy ledger aside before upgrading it: %w", err)
		}
		s.Migrated = aside
	}
	for _, m := range migrations()[v:] {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return openError(s.path, err)
		}
		// Another process may have migrated while this one waited for the lock.
		var now int
		if err := tx.QueryRow("PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return err
		}
		if now >= m.version {
			tx.Rollback()
			continue
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("upgrade ledger to schema %d (%s): %w", m.version, m.name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("upgrade ledger to schema %d: %w", m.version, err)
		}
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// removeDB removes a database file and its WAL and shared-memory files.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}
