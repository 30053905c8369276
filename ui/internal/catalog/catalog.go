// Package catalog checks the front ends' catalogues of messages: a
// catalogue is a struct of string fields, one value per language, whose
// messages are formats for fmt.Sprintf.
package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"taizhang/model"
)

// Verbs lists the arguments a format takes, in argument order: for each,
// its verb's class (d for numbers, s for text, which %s, %q and %v all
// print, f for floats). Explicit indexes (%[2]d) are followed, so that a
// translation may reorder its arguments. A malformed format gives an error.
func Verbs(format string) ([]string, error) {
	byArg := map[int]string{}
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", format)
			}
			var n int
			if _, err := fmt.Sscanf(format[i+1:i+end], "%d", &n); err != nil || n < 1 {
				return nil, fmt.Errorf("bad index in %q", format)
			}
			next = n
			i += end + 1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return nil, fmt.Errorf("format %q ends in %%", format)
		}
		class := string(format[i])
		switch format[i] {
		case 's', 'q', 'v':
			class = "s"
		}
		if old, ok := byArg[next]; ok && old != class {
			return nil, fmt.Errorf("argument %d is printed as %s and %s in %q", next, old, class, format)
		}
		byArg[next] = class
		next++
	}
	most := 0
	for n := range byArg {
		most = max(most, n)
	}
	out := make([]string, most)
	for n, c := range byArg {
		out[n-1] = c
	}
	return out, nil
}

// agree reports whether two formats' arguments agree: each argument both
// print is printed as the same class. A format may leave an argument out
// (the English names a directory, the Chinese the file in it) only when it
// numbers its arguments: else fmt reports the one left over.
func agree(x, y []string, fx, fy string) bool {
	for i := range min(len(x), len(y)) {
		if x[i] != "" && y[i] != "" && x[i] != y[i] {
			return false
		}
	}
	n := max(len(x), len(y))
	gaps := func(v []string, format string) bool {
		return (len(v) < n || slices.Contains(v, "")) && !strings.Contains(format, "%[")
	}
	return !gaps(x, fx) && !gaps(y, fy)
}

// Check compares two catalogues of one struct type, field by field: each
// message must be given in both, and both must take the same arguments.
// It returns one line per fault.
func Check(a, b any) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Kind() == reflect.Pointer {
		va, vb = va.Elem(), vb.Elem()
	}
	var faults []string
	t := va.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Struct {
			faults = append(faults, Check(va.Field(i).Interface(), vb.Field(i).Interface())...)
			continue
		}
		if f.Type.Kind() != reflect.String {
			continue
		}
		x, y := va.Field(i).String(), vb.Field(i).String()
		if x == "" || y == "" {
			faults = append(faults, fmt.Sprintf("%s: missing in one language (%q, %q)", f.Name, x, y))
			continue
		}
		vx, err := Verbs(x)
		if err != nil {
			faults = append(faults, f.Name+": "+err.Error())
			continue
		}
		vy, err := Verbs(y)
		if err != nil {
			faults = append(faults, f.Name+": "+err.Error())
			continue
		}
		if !agree(vx, vy, x, y) {
			faults = append(faults, fmt.Sprintf("%s: the arguments differ: %v in %q, %v in %q", f.Name, vx, x, vy, y))
		}
	}
	return faults
}

// Phrase says an error of a model.Kind in a catalogue's words: the field
// "Err"+kind, formatted with the kind's arguments, of which a model.Kind
// is phrased the same way and a []string joined with the catalogue's
// ListSep; a value that names itself in a language (a period's Label, a
// cadence's Name, a target's Requirement) says it in lang. ok is false when err has no kind (it then carries its own
// sentence) or the catalogue lacks it.
// An input error's lead (where in a file the trouble is) comes first, in
// lang.
func Phrase(cat any, lang model.Lang, err error) (msg string, ok bool) {
	v := reflect.Indirect(reflect.ValueOf(cat))
	if ie, ok := model.AsInput(err); ok && ie.Kind != "" {
		msg, ok := phrase(v, lang, ie.Kind, ie.Args)
		return ie.Lead(lang) + msg, ok
	}
	if f, ok := model.AsFailure(err); ok && f.Kind != "" {
		return phrase(v, lang, f.Kind, f.Args)
	}
	return "", false
}

// PhraseKind says a message of kind with its arguments in a catalogue's
// words, as Phrase does for an error of that kind.
func PhraseKind(cat any, lang model.Lang, kind model.Kind, args []any) (string, bool) {
	return phrase(reflect.Indirect(reflect.ValueOf(cat)), lang, kind, args)
}

func phrase(cat reflect.Value, lang model.Lang, kind model.Kind, args []any) (string, bool) {
	f := cat.FieldByName("Err" + string(kind))
	if !f.IsValid() || f.Kind() != reflect.String {
		return "", false
	}
	shown := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case model.Kind:
			s, ok := phrase(cat, lang, v, nil)
			if !ok {
				s = string(v)
			}
			shown[i] = s
		case interface{ Label(model.Lang) string }:
			shown[i] = v.Label(lang)
		case interface{ Name(model.Lang) string }:
			shown[i] = v.Name(lang)
		case interface{ Requirement(model.Lang) string }:
			shown[i] = v.Requirement(lang)
		case []string:
			sep := ", "
			if f := cat.FieldByName("ListSep"); f.IsValid() {
				sep = f.String()
			}
			shown[i] = strings.Join(v, sep)
		default:
			shown[i] = a
		}
	}
	if len(shown) == 0 {
		return f.String(), true
	}
	return fmt.Sprintf(f.String(), shown...), true
}

// Faults is all that Check and CheckKinds find in a front end's
// catalogues in its two languages: a message missing in one, arguments
// that disagree, a kind not phrased or phrased with too many arguments.
func Faults(zh, en any) []string {
	faults := Check(zh, en)
	for _, c := range []any{zh, en} {
		faults = append(faults, CheckKinds(c)...)
	}
	return faults
}

// CheckKinds says which kinds of model.Kinds a catalogue does not phrase,
// or phrases with another number of arguments than the kind takes.
func CheckKinds(cat any) []string {
	v := reflect.Indirect(reflect.ValueOf(cat))
	var faults []string
	for kind, n := range model.Kinds {
		f := v.FieldByName("Err" + string(kind))
		if !f.IsValid() || f.String() == "" {
			faults = append(faults, fmt.Sprintf("Err%s: the kind %s is not phrased", kind, kind))
			continue
		}
		verbs, err := Verbs(f.String())
		if err != nil {
			faults = append(faults, "Err"+string(kind)+": "+err.Error())
		} else if len(verbs) > n {
			faults = append(faults, fmt.Sprintf("Err%s takes %d arguments, the kind has %d", kind, len(verbs), n))
		} else if len(verbs) < n && !strings.Contains(f.String(), "%[") {
			// fmt would print the ones left over as %!(EXTRA …).
			faults = append(faults, fmt.Sprintf("Err%s leaves out arguments of the kind without numbering the ones it takes", kind))
		}
	}
	slices.Sort(faults)
	return faults
}
