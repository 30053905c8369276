package plan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// samplesDir holds real plan texts with the duties a person found in them.
const samplesDir = "../../../shared/plans"

type expectedFile struct {
	Documents []struct {
		File     string         `json:"file"`
		Kind     Kind           `json:"kind"`
		Expected []expectedDuty `json:"expected"`
		Optional []expectedDuty `json:"optional"`
		Traps    []string       `json:"traps"`
	} `json:"documents"`
}

type expectedDuty struct {
	Cadence  string   `json:"cadence"`
	Min      int      `json:"min"`
	Keywords []string `json:"keywords"`
	Sentence string   `json:"sentence"`
}

// matches is the rule of expected.json: cadence and minimum equal, and the
// title contains one of the keywords.
func (e expectedDuty) matches(c Candidate) bool {
	if string(c.Cadence) != e.Cadence || c.Min != e.Min {
		return false
	}
	for _, k := range e.Keywords {
		if strings.Contains(c.Title, k) {
			return true
		}
	}
	return false
}

// TestSamples scores the extractor on the sample texts: recall is the share
// of expected duties some candidate matches; precision the share of
// candidates that match an expected duty, not counting those that match
// only an optional one. A trap sentence must give no candidate. Both
// scores, over all documents, must be at least 0.95.
func TestSamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(samplesDir, "expected.json"))
	if os.IsNotExist(err) {
		t.Skipf("no samples at %s (the shared plans directory beside the repository); skipping the score", samplesDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	var hit, total, good, counted int
	for _, doc := range exp.Documents {
		text, err := os.ReadFile(filepath.Join(samplesDir, doc.File))
		if err != nil {
			t.Fatal(err)
		}
		d := Analyze(string(text))
		if doc.Kind != "" && d.Kind != doc.Kind {
			t.Errorf("%s: kind %s, want %s", doc.File, d.Kind, doc.Kind)
		}
		dHit := 0
		for _, e := range doc.Expected {
			found := false
			for _, c := range d.Candidates {
				if e.matches(c) {
					found = true
					break
				}
			}
			if found {
				dHit++
			} else {
				t.Logf("%s: missed %s %d %v (%s)", doc.File, e.Cadence, e.Min, e.Keywords, e.Sentence)
			}
		}
		dGood, dCounted := 0, 0
		for _, c := range d.Candidates {
			switch {
			case anyMatch(doc.Expected, c):
				dGood++
				dCounted++
			case anyMatch(doc.Optional, c):
				// neither required nor penalised
			default:
				dCounted++
				t.Logf("%s: extra %s %d %q ← %s", doc.File, c.Cadence, c.Min, c.Title, c.Basis)
			}
			for _, trap := range doc.Traps {
				if strings.Contains(c.Basis, trap) {
					t.Errorf("%s: trap %q gave %s %d %q", doc.File, trap, c.Cadence, c.Min, c.Title)
				}
			}
		}
		t.Logf("%-40s %-6s recall %s  precision %s  (%d candidates)", doc.File, d.Kind,
			ratio(dHit, len(doc.Expected)), ratio(dGood, dCounted), len(d.Candidates))
		hit, total, good, counted = hit+dHit, total+len(doc.Expected), good+dGood, counted+dCounted
	}
	recall, precision := score(hit, total), score(good, counted)
	t.Logf("all documents: recall %.3f (%d/%d)  precision %.3f (%d/%d)", recall, hit, total, precision, good, counted)
	if recall < 0.95 || precision < 0.95 {
		t.Errorf("recall %.3f, precision %.3f: both must be at least 0.95", recall, precision)
	}
}

func anyMatch(es []expectedDuty, c Candidate) bool {
	for _, e := range es {
		if e.matches(c) {
			return true
		}
	}
	return false
}

// score is n/d, and 1 when there is nothing to score.
func score(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func ratio(n, d int) string {
	if d == 0 {
		return "-     (0/0)"
	}
	return fmt.Sprintf("%.3f (%d/%d)", score(n, d), n, d)
}
