package data

import (
	"fmt"

	"taizhang/model"
)

// Kinds of refusal that the front ends tell apart and phrase in their own
// terms: the command line names its flags and commands, the terminal
// interface its keys. Each is carried inside a model.InputError (found
// with errors.As), whose own sentence says only what is wrong.

// ErrExists refuses to write over a file that is already there; when
// CanReplace, the writer could be told to replace it.
type ErrExists struct {
	Path       string
	CanReplace bool
}

func (e ErrExists) Error() string { return e.Path + " already exists" }

// ErrTitleTaken refuses a second active duty with the same title.
type ErrTitleTaken struct {
	Title string
	ID    int64 // the duty that has it
}

func (e ErrTitleTaken) Error() string {
	return fmt.Sprintf("a duty called %q already exists (id %d)", e.Title, e.ID)
}

// ErrNoTargetIn refuses a record dated in a year in which its duty has no
// target. It is a model.ErrNoTarget.
type ErrNoTargetIn struct {
	Title string
	ID    int64
	Year  int
}

func (e ErrNoTargetIn) Error() string {
	return fmt.Sprintf("the duty %q has no target in %d", e.Title, e.Year)
}

func (e ErrNoTargetIn) Unwrap() error { return model.ErrNoTarget }

// ErrArchivedOn refuses a record dated after its duty's archive day. It is
// a model.ErrNoTarget.
type ErrArchivedOn struct {
	Title string
	ID    int64
	On    model.Date
}

func (e ErrArchivedOn) Error() string {
	return fmt.Sprintf("the duty %q was archived on %s", e.Title, e.On)
}

func (e ErrArchivedOn) Unwrap() error { return model.ErrNoTarget }
