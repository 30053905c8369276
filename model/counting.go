package model

import (
	"errors"
	"unicode/utf8"
)

// MaxForDays is how long after a period ends a record may still be given
// for it (所属期间): the half-year report given on 7月8日, the year-end
// report given on 1月10日.
const MaxForDays = 60

// Errors callers tell apart among the refusals of a record's period or an
// excuse.
var (
	ErrForNotEnded   = errors.New("period not ended by the record's date")
	ErrForCadence    = errors.New("period of another cadence")
	ErrForTooOld     = errors.New("period ended too long before the record")
	ErrExcuseMet     = errors.New("period already met")
	ErrExcuseReason  = errors.New("excuse without a reason")
	ErrNotRequired   = errors.New("period not required")
	ErrNoSuchPeriod  = errors.New("no such period")
	ErrExcuseMissing = errors.New("period not excused")
)

// MaxReason is the longest reason for an excuse, in characters.
const MaxReason = 200

// CheckFor checks that a record dated date may count for the period ref
// (its 所属期间), where t is the duty's target in ref's year (found is false
// when the duty has none). It returns the period to store: the zero
// PeriodRef when ref is the period holding date, which needs no naming.
// Refused, with an InputError: a period of another cadence than the
// target's, one not ended by the record's date, and one that ended more
// than MaxForDays days before it.
func CheckFor(ref PeriodRef, date Date, t Target, found bool) (PeriodRef, error) {
	if ref.IsZero() {
		return ref, nil
	}
	if !found {
		return PeriodRef{}, RefuseField("for", ErrNoTarget, KindForNoTarget, ref.Year, ref)
	}
	if ref.Cadence != t.Cadence {
		eg := Holding(t.Cadence, Periods(t.Cadence, t.Year)[0].Start)
		return PeriodRef{}, RefuseField("for", ErrForCadence, KindForCadence, ref, t.Year, t.Cadence, eg.String())
	}
	if !ref.Valid() {
		return PeriodRef{}, RefuseField("for", ErrNoSuchPeriod, KindNoSuchPeriod, ref.String())
	}
	p := ref.Period()
	switch {
	case p.Contains(date):
		return PeriodRef{}, nil // it counts there anyway
	case p.End >= date:
		return PeriodRef{}, RefuseField("for", ErrForNotEnded, KindForNotEnded, ref, date)
	case int(date-p.End) > MaxForDays:
		return PeriodRef{}, RefuseField("for", ErrForTooOld, KindForTooOld, ref, p.End, MaxForDays)
	}
	return ref, nil
}

// CheckExcuse checks that period ref of the duty evaluated as dy (at the
// moment the officer excuses it, in ref's year) may be excused with reason,
// and returns the excuse, its reason cleaned. Refused, with an
// InputError: no reason, a reason too long, a period of another cadence
// or one that does not exist, one not required (before the start date,
// after the archive day), and one already met.
func CheckExcuse(dy DutyYear, ref PeriodRef, reason string) (Excuse, error) {
	reason = CleanLine(reason)
	switch {
	case reason == "":
		return Excuse{}, RefuseField("reason", ErrExcuseReason, KindExcuseReason)
	case utf8.RuneCountInString(reason) > MaxReason:
		return Excuse{}, longer("reason", KindFieldReason, MaxReason)
	}
	p, err := dy.PeriodOf(ref)
	if err != nil {
		return Excuse{}, err
	}
	switch p.State {
	case Met:
		return Excuse{}, RefuseField("period", ErrExcuseMet, KindExcuseMet, ref, p.Count, dy.Target.Min)
	case Exempt:
		return Excuse{}, RefuseField("period", ErrNotRequired, KindNotRequired, ref)
	}
	return Excuse{DutyID: dy.Duty.ID, Period: ref, Reason: reason}, nil
}

// PeriodOf returns the period ref of dy, refusing with an InputError a
// period of another year or cadence than dy's target, or one that does not
// exist.
func (dy DutyYear) PeriodOf(ref PeriodRef) (PeriodResult, error) {
	t := dy.Target
	if ref.Year != t.Year || ref.Cadence != t.Cadence {
		eg := RefOf(t.Cadence, t.Year, Periods(t.Cadence, t.Year)[0])
		return PeriodResult{}, RefuseField("period", ErrNoSuchPeriod, KindNoPeriodOfDuty, ref, t.Year, t.Cadence, eg.String())
	}
	if ref.Index < 0 || ref.Index >= len(dy.Periods) {
		return PeriodResult{}, RefuseField("period", ErrNoSuchPeriod, KindNoSuchPeriod, ref.String())
	}
	return dy.Periods[ref.Index], nil
}

// Excused returns the periods of dy that stand excused, with their reasons.
func (dy DutyYear) Excused() []PeriodResult {
	var out []PeriodResult
	for _, p := range dy.Periods {
		if p.State == Excused {
			out = append(out, p)
		}
	}
	return out
}
