package model

import "errors"

// Failure is an error that is not the user's input — a full disk, a ledger
// held by another program, a file that cannot be read — told in one
// sentence in both languages, naming what to do. The CLI exits 1 on it.
type Failure struct {
	Zh, En string
	Err    error // the cause, for errors.Is
}

func (e *Failure) Error() string { return e.En }
func (e *Failure) Unwrap() error { return e.Err }

// In returns the message in lang.
func (e *Failure) In(lang Lang) string {
	if lang == English {
		return e.En
	}
	return e.Zh
}

// Failed makes a Failure.
func Failed(err error, zh, en string) *Failure { return &Failure{Zh: zh, En: en, Err: err} }

// AsFailure returns the Failure inside err, if any.
func AsFailure(err error) (*Failure, bool) {
	var f *Failure
	ok := errors.As(err, &f)
	return f, ok
}
