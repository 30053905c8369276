package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"

	"taizhang/model"
)

// SQLite's primary result codes that a person can act on.
const (
	codeBusy     = 5
	codeLocked   = 6
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
	codeFKey     = 787 // SQLITE_CONSTRAINT_FOREIGNKEY
)

// maxPath is the longest path SQLite opens here (its limit is 512 bytes,
// including the "-journal" it appends).
const maxPath = 500

// tempNameLen is the length of the longest temporary name this package
// makes beside a file (see tempName).
const tempNameLen = 48

func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// openError turns SQLite's complaint about opening a file into a sentence.
func openError(path string, err error) error {
	if known := sqliteError(path, err); known != nil {
		return known
	}
	return fmt.Errorf("open ledger %s: %w", path, err)
}

// sqliteError names the conditions a person can act on — a damaged file, a
// file that cannot be written, a full disk, a ledger held too long by
// another program, a record pointing at a duty that is not there — in one
// sentence in both languages, or returns nil.
func sqliteError(path string, err error) error {
	code := sqliteCode(err)
	msg := err.Error()
	switch {
	case code == codeFKey || strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return model.Failed(err,
			fmt.Sprintf("台账 %s 中有记录或要求指向不存在的事项，这次修改没有保存；请用 taizhang export --format json 导出核对，或从备份恢复。", path),
			fmt.Sprintf("The ledger %s holds records or targets that point at a duty that is not there, so the change was not saved; check it with taizhang export --format json, or restore a backup.", path))
	case code&0xff == codeCorrupt || code&0xff == codeNotADB || strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database"):
		return damaged(path)
	case code&0xff == codeFull || strings.Contains(msg, "disk is full") || errors.Is(err, syscall.ENOSPC):
		return diskFull(filepath.Dir(path), err)
	case code&0xff == codeBusy || code&0xff == codeLocked || strings.Contains(msg, "database is locked"):
		return model.Failed(err,
			fmt.Sprintf("台账 %s 被另一个程序（或另一个 taizhang 窗口）占用超过10秒；请关闭它或等它完成后再试。", path),
			fmt.Sprintf("Another program (or another taizhang window) kept the ledger %s busy for more than 10 seconds; close it or let it finish, then try again.", path))
	case code&0xff == codeReadOnly || strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		return model.Failed(err,
			fmt.Sprintf("台账 %s 不能写入（文件、其目录或所在磁盘是只读的）；请检查权限，或用 --db 指定可写的台账。", path),
			fmt.Sprintf("The ledger %s cannot be written (the file, its directory or its disk is read-only); check the permissions, or give a writable ledger with --db.", path))
	case code&0xff == codeCantOpen || strings.Contains(msg, "unable to open"):
		if err := checkPathLength(path); err != nil {
			return err
		}
		return model.Failed(err,
			fmt.Sprintf("无法打开台账 %s；请检查文件和所在目录的权限。", path),
			fmt.Sprintf("The ledger %s cannot be opened; check the permissions of the file and its directory.", path))
	}
	return nil
}

// diskFull says which disk is full: the one holding dir.
func diskFull(dir string, err error) error {
	return model.Failed(err,
		fmt.Sprintf("%s 所在的磁盘已满，这次操作没有完成，已有记录未受影响；请腾出空间后再试。", dir),
		fmt.Sprintf("The disk holding %s is full, so this was not done and the records already there are untouched; free some space and try again.", dir))
}

// writeError names a full disk or a refused write in dir, or returns err.
func writeError(dir string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := model.AsInput(err); ok {
		return err
	}
	if _, ok := model.AsFailure(err); ok {
		return err
	}
	code := sqliteCode(err)
	if code&0xff == codeFull || errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "disk is full") {
		return diskFull(dir, err)
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return model.Failed(err,
			fmt.Sprintf("无法在目录 %s 中写入（%v）；请换一个可写的目录，或恢复该目录的写权限。", dir, pathErr(err)),
			fmt.Sprintf("Nothing can be written in the directory %s (%v); choose a writable directory or make it writable.", dir, pathErr(err)))
	}
	return err
}

// checkPathLength refuses a path SQLite cannot open because it is too long,
// counting the temporary names made beside it.
func checkPathLength(path string) error {
	n := len(filepath.Dir(path)) + 1 + max(len(filepath.Base(path)), tempNameLen)
	if n <= maxPath {
		return nil
	}
	return model.Invalid(nil,
		fmt.Sprintf("路径 %s 太长（%d 字节，SQLite 最多能打开约 %d 字节的路径）；请换一个较短的路径（--db）。", path, len(path), maxPath),
		fmt.Sprintf("The path %s is too long (%d bytes; SQLite opens paths up to about %d bytes); choose a shorter one with --db.", path, len(path), maxPath))
}

// kind names a file's type in both languages.
type kind struct{ zh, en string }

func kindOf(m fs.FileMode) kind {
	switch {
	case m.IsDir():
		return kind{"目录", "a directory"}
	case m&fs.ModeNamedPipe != 0:
		return kind{"命名管道（FIFO）", "a named pipe (FIFO)"}
	case m&fs.ModeSocket != 0:
		return kind{"套接字", "a socket"}
	case m&fs.ModeCharDevice != 0:
		return kind{"字符设备", "a character device"}
	case m&fs.ModeDevice != 0:
		return kind{"块设备", "a block device"}
	case m&fs.ModeSymlink != 0:
		return kind{"符号链接", "a symbolic link"}
	case m.IsRegular():
		return kind{"普通文件", "a regular file"}
	}
	return kind{"特殊文件", "a special file"}
}

// readError says a file could not be read, and why, in one sentence.
func readError(path string, err error) error {
	return model.Failed(err,
		fmt.Sprintf("无法读取 %s（%v）；请检查文件的权限。", path, pathErr(err)),
		fmt.Sprintf("%s cannot be read (%v); check its permissions.", path, pathErr(err)))
}
