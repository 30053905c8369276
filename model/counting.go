package model

import (
	"errors"
	"fmt"
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
	label := func(lang Lang) string { return ref.Label(lang) }
	if !found {
		return PeriodRef{}, &InputError{Err: ErrNoTarget, Field: "for",
			Zh: fmt.Sprintf("该事项在%d年没有年度要求，记录不能计入%s。", ref.Year, label(Chinese)),
			En: fmt.Sprintf("The duty has no target in %d, so the record cannot count for %s.", ref.Year, label(English))}
	}
	if ref.Cadence != t.Cadence {
		eg := Holding(t.Cadence, Periods(t.Cadence, t.Year)[0].Start)
		return PeriodRef{}, &InputError{Err: ErrForCadence, Field: "for",
			Zh: fmt.Sprintf("%s不是该事项的期间：它在%d年按%s计，请写作 %s 这样的期间。", label(Chinese), t.Year, t.Cadence.Name(Chinese), eg),
			En: fmt.Sprintf("%s is not one of the duty's periods: in %d it is counted %s; write a period such as %s.", label(English), t.Year, t.Cadence.Name(English), eg)}
	}
	if !ref.Valid() {
		return PeriodRef{}, &InputError{Err: ErrNoSuchPeriod, Field: "for",
			Zh: fmt.Sprintf("期间 %s 不存在，请检查。", ref), En: fmt.Sprintf("The period %s does not exist; check it.", ref)}
	}
	p := ref.Period()
	switch {
	case p.Contains(date):
		return PeriodRef{}, nil // it counts there anyway
	case p.End >= date:
		return PeriodRef{}, &InputError{Err: ErrForNotEnded, Field: "for",
			Zh: fmt.Sprintf("%s晚于记录日期 %s，记录只能计入已经结束的期间。", label(Chinese), date),
			En: fmt.Sprintf("%s is later than the record's date %s; a record can only count for a period that has ended.", label(English), date)}
	case int(date-p.End) > MaxForDays:
		return PeriodRef{}, &InputError{Err: ErrForTooOld, Field: "for",
			Zh: fmt.Sprintf("%s已于%s结束，距记录日期超过%d天，不能再计入；请按实际日期登记。", label(Chinese), p.End, MaxForDays),
			En: fmt.Sprintf("%s ended on %s, more than %d days before the record; log it for the period of its date.", label(English), p.End, MaxForDays)}
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
		return Excuse{}, &InputError{Err: ErrExcuseReason, Field: "reason",
			Zh: "请写明免于要求的理由（如 病休、上级统一组织、岗位调整），用 --reason 给出。",
			En: "Give the reason the period is excused (sick leave, organised by the higher level, change of post) with --reason."}
	case utf8.RuneCountInString(reason) > MaxReason:
		return Excuse{}, tooLong("reason", "理由", "The reason", MaxReason)
	}
	p, err := dy.PeriodOf(ref)
	if err != nil {
		return Excuse{}, err
	}
	switch p.State {
	case Met:
		return Excuse{}, &InputError{Err: ErrExcuseMet, Field: "period",
			Zh: fmt.Sprintf("%s已完成（%d/%d），已完成的期间不能免于要求。", ref.Label(Chinese), p.Count, dy.Target.Min),
			En: fmt.Sprintf("%s is already met (%d/%d); a met period cannot be excused.", ref.Label(English), p.Count, dy.Target.Min)}
	case Exempt:
		return Excuse{}, &InputError{Err: ErrNotRequired, Field: "period",
			Zh: fmt.Sprintf("%s本不在要求之内（任职起始日期之前或归档之后），无需免于要求。", ref.Label(Chinese)),
			En: fmt.Sprintf("%s is not required anyway (before the start date or after the archive day); there is nothing to excuse.", ref.Label(English))}
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
		return PeriodResult{}, &InputError{Err: ErrNoSuchPeriod, Field: "period",
			Zh: fmt.Sprintf("该事项没有%s这一期间：%d年按%s计，请写作 %s 这样的期间。", ref.Label(Chinese), t.Year, t.Cadence.Name(Chinese), eg),
			En: fmt.Sprintf("The duty has no period %s: in %d it is counted %s; write a period such as %s.", ref.Label(English), t.Year, t.Cadence.Name(English), eg)}
	}
	if ref.Index < 0 || ref.Index >= len(dy.Periods) {
		return PeriodResult{}, &InputError{Err: ErrNoSuchPeriod, Field: "period",
			Zh: fmt.Sprintf("期间 %s 不存在，请检查。", ref), En: fmt.Sprintf("The period %s does not exist; check it.", ref)}
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
