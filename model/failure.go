package model

import "errors"

// Failure is an error that is not the user's input — a full disk, a ledger
// held by another program, a file that cannot be read — told in one
// sentence in both languages, naming what to do. The CLI exits 1 on it.
// A Failure of a Kind carries the kind and its arguments, and a front end
// phrases it.
type Failure struct {
	Zh, En string
	Kind   Kind
	Args   []any
	Err    error // the cause, for errors.Is
}

func (e *Failure) Error() string {
	if e.Kind != "" {
		return describe(e.Kind, e.Args)
	}
	return e.En
}

func (e *Failure) Unwrap() error { return e.Err }

// In returns the message in lang; a Failure of a Kind is described, for a
// log: the front ends phrase it from their catalogues.
func (e *Failure) In(lang Lang) string {
	if e.Kind != "" {
		return describe(e.Kind, e.Args)
	}
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
