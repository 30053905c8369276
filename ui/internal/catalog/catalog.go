// Package catalog checks the front ends' catalogues of messages: a
// catalogue is a struct of string fields, one value per language, whose
// messages are formats for fmt.Sprintf.
package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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
	out := make([]string, len(byArg))
	for n, c := range byArg {
		if n > len(byArg) {
			return nil, fmt.Errorf("argument %d of %q skips one before it", n, format)
		}
		out[n-1] = c
	}
	return out, nil
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
		if !slices.Equal(vx, vy) {
			faults = append(faults, fmt.Sprintf("%s: the arguments differ: %v in %q, %v in %q", f.Name, vx, x, vy, y))
		}
	}
	return faults
}
