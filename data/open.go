package data

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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
// the default.
func ResolvePath(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("TAIZHANG_DB"); env != "" {
		return env
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

// SetAside moves a ledger SQLite found damaged out of the way, whole — the
// file and its -wal and -shm files, which may hold the latest records —
// under a name that says when and why, and returns that name. A ledger
// reached through a symbolic link is set aside where it really is, so a
// new ledger can take its place there and the link keeps working. Should
// any file fail to move, the ones moved are put back and nothing changes.
func SetAside(path string) (string, error) {
	real := realPath(path)
	aside := asideName(real, "damaged", "")
	var moved []string
	undo := func() {
		for _, suffix := range moved {
			os.Rename(aside+suffix, real+suffix)
		}
	}
	// The -wal first: a ledger must never be left beside a WAL not its own.
	for _, suffix := range []string{"-wal", "-shm", ""} {
		if _, err := os.Lstat(real + suffix); errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		if err := os.Rename(real+suffix, aside+suffix); err != nil {
			undo()
			return "", model.Refuse(nil, model.KindMoveAside, real, pathErr(err), filepath.Dir(real))
		}
		moved = append(moved, suffix)
	}
	syncDir(filepath.Dir(real))
	return aside, nil
}

// realPath is path with symbolic links resolved, as SQLite resolves them
// to find the -wal file; path itself when it cannot be resolved.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
	}
	return path
}

// pathErr is the reason inside a file-system error, without the path it
// repeats.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// asideName is a free name beside path for a copy kept aside, saying why
// and when: ledger.db.damaged-20261122T093000, with -2, -3 … added when
// the same second already has one, so no earlier copy is ever replaced.
func asideName(path, why, ext string) string {
	base := fmt.Sprintf("%s.%s-%s", path, why, time.Now().UTC().Format("20060102T150405"))
	name := base + ext
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// checkExisting refuses a path that is not a taizhang ledger without
// opening it through SQLite. It never calls a ledger damaged from its
// header alone: a file shorter than page 1 says may be whole once SQLite
// replays its WAL, so it is reported as suspect for SQLite to check.
func checkExisting(path string, fi os.FileInfo) (suspect bool, err error) {
	if fi.IsDir() {
		return false, refuse(path, model.KindLedgerIsDir)
	}
	if !fi.Mode().IsRegular() {
		return false, model.Refuse(nil, model.KindLedgerNotRegular, path, kindOf(fi.Mode()))
	}
	if fi.Size() == 0 {
		return false, refuse(path, model.KindLedgerEmpty)
	}
	header, err := readHeader(path)
	if err != nil {
		return false, readError(path, err)
	}
	if header == nil {
		return false, refuse(path, model.KindNotSQLite)
	}
	if id := binary.BigEndian.Uint32(header[68:72]); id != ApplicationID {
		return false, refuse(path, model.KindOtherSQLite)
	}
	if err := checkVersion(path, headerVersion(header)); err != nil {
		return false, err
	}
	return short(header, fi.Size()), nil
}

// headerVersion is the schema version in a header: PRAGMA user_version is
// a signed 32-bit number.
func headerVersion(h []byte) int { return int(int32(binary.BigEndian.Uint32(h[60:64]))) }

// checkVersion refuses a schema version this build cannot read.
func checkVersion(path string, v int) error {
	if v < 0 {
		return model.Refuse(ErrDamaged, model.KindBadSchema, path, v)
	}
	if v > SchemaVersion() {
		return newerError(path, v)
	}
	return nil
}

func newerError(path string, v int) error {
	return model.Refuse(nil, model.KindNewerSchema, path, v, SchemaVersion())
}

// short reports a file shorter than its header says it is: damaged, or a
// checkpoint that a crash or a full disk cut off, which SQLite repairs from
// the WAL. The in-header size is trusted only when it is marked valid (the
// change counter equals the version-valid-for number).
func short(h []byte, size int64) bool {
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	return valid && pages > 0 && size < pages*pageSize
}

// ErrDamaged is wrapped by the error for a ledger SQLite cannot read.
var ErrDamaged = errors.New("ledger damaged")

// errReadOnly is wrapped by the refusal of a ledger that cannot be written.
var errReadOnly = errors.New("ledger read-only")

// ErrNoLedger is wrapped by OpenExisting's error for a path with no ledger.
var ErrNoLedger = errors.New("no ledger")

// damaged is what SQLite found: a ledger it cannot read after replaying
// the WAL.
func damaged(path string) error {
	return model.Refuse(ErrDamaged, model.KindDamaged, path)
}

// readHeader returns the 100-byte SQLite header, or nil when the file does
// not start with one. It runs before SQLite opens the file in this process,
// so closing the descriptor cannot drop a lock.
func readHeader(path string) ([]byte, error) {
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readHeaderFrom(f)
}

func readHeaderFrom(f *os.File) ([]byte, error) {
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return nil, nil
	}
	return h, nil
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
