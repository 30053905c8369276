package ui

import (
	"testing"

	"taizhang/ui/internal/catalog"
)

// TestTextBothLanguages: every message of the interface's catalogue is
// written in both languages, and both take the same arguments.
func TestTextBothLanguages(t *testing.T) {
	for _, fault := range catalog.Check(textZh, textEn) {
		t.Error(fault)
	}
}
