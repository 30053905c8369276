package plan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"taizhang/model/plan/docx/docxtest"
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

// The corpora scored: the shared samples a person annotated, and the plan
// texts written for these tests in the forms plans arrive in (一、 and （一）
// items with whole sentences, tables, hard-wrapped lines, Traditional
// script, durations beside counts, ranges).
var corpora = []struct {
	name     string
	dir      string
	optional bool // skipped when the directory is not there
}{
	{"shared samples", samplesDir, true},
	{"testdata/plans", filepath.Join("testdata", "plans"), false},
}

// tally is the counts behind recall and precision.
type tally struct{ hit, total, good, counted int }

func (a *tally) add(b tally) {
	a.hit, a.total, a.good, a.counted = a.hit+b.hit, a.total+b.total, a.good+b.good, a.counted+b.counted
}

// TestSamples scores the extractor on each corpus: recall is the share of
// expected duties some candidate matches; precision the share of
// candidates that match an expected duty, not counting those that match
// only an optional one. A trap sentence must give no candidate. Both
// scores, in each corpus, must be at least 0.95; the total over all of
// them is printed too.
func TestSamples(t *testing.T) {
	var all tally
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			got, ok := scoreCorpus(t, c.dir, c.optional, asText)
			if !ok {
				return
			}
			all.add(got)
			recall, precision := score(got.hit, got.total), score(got.good, got.counted)
			t.Logf("%s: recall %s  precision %s", c.name, ratio(got.hit, got.total), ratio(got.good, got.counted))
			if recall < 0.95 || precision < 0.95 {
				t.Errorf("recall %.3f, precision %.3f: both must be at least 0.95", recall, precision)
			}
		})
	}
	t.Logf("all corpora: recall %s  precision %s", ratio(all.hit, all.total), ratio(all.good, all.counted))
}

// asText reads a sample as the text file it is.
func asText(t *testing.T, raw []byte) string {
	t.Helper()
	text, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// asWord reads a sample as the Word document an office system would send
// in its place: its 一、 （一） 1. items as Word's list numbering, its
// tab-separated lines as a table.
func asWord(t *testing.T, raw []byte) string {
	t.Helper()
	text, err := Decode(docxtest.FromText(asText(t, raw)))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// TestSamplesAsWord scores each corpus made into Word documents: the same
// as the texts, candidate for candidate.
func TestSamplesAsWord(t *testing.T) {
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			text, ok := scoreCorpus(t, c.dir, c.optional, asText)
			if !ok {
				return
			}
			word, _ := scoreCorpus(t, c.dir, c.optional, asWord)
			t.Logf("%s as Word: recall %s  precision %s", c.name, ratio(word.hit, word.total), ratio(word.good, word.counted))
			if word != text {
				t.Errorf("as Word %+v, as text %+v", word, text)
			}
			files, _ := filepath.Glob(filepath.Join(c.dir, "*.txt"))
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				a, b := Analyze(asText(t, raw)), Analyze(asWord(t, raw))
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%s: as Word %d candidates, as text %d, or they differ", filepath.Base(f), len(b.Candidates), len(a.Candidates))
				}
			}
		})
	}
}

// scoreCorpus scores the documents listed in dir/expected.json, each read
// by read. ok is false when an optional corpus is not there.
func scoreCorpus(t *testing.T, dir string, optional bool, read func(*testing.T, []byte) string) (all tally, ok bool) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if os.IsNotExist(err) && optional {
		t.Skipf("no samples at %s (the shared plans directory beside the repository); skipping the score", dir)
		return all, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	for _, doc := range exp.Documents {
		raw, err := os.ReadFile(filepath.Join(dir, doc.File))
		if err != nil {
			t.Fatal(err)
		}
		d := Analyze(read(t, raw))
		if doc.Kind != "" && d.Kind != doc.Kind {
			t.Errorf("%s: kind %s, want %s", doc.File, d.Kind, doc.Kind)
		}
		var dt tally
		dt.total = len(doc.Expected)
		for _, e := range doc.Expected {
			found := false
			for _, c := range d.Candidates {
				if e.matches(c) {
					found = true
					break
				}
			}
			if found {
				dt.hit++
			} else {
				t.Logf("%s: missed %s %d %v (%s)", doc.File, e.Cadence, e.Min, e.Keywords, e.Sentence)
			}
		}
		for _, c := range d.Candidates {
			switch {
			case anyMatch(doc.Expected, c):
				dt.good++
				dt.counted++
			case anyMatch(doc.Optional, c):
				// neither required nor penalised
			default:
				dt.counted++
				t.Logf("%s: extra %s %d %q ← %s", doc.File, c.Cadence, c.Min, c.Title, c.Basis)
			}
			for _, trap := range doc.Traps {
				if strings.Contains(c.Basis, trap) {
					t.Errorf("%s: trap %q gave %s %d %q", doc.File, trap, c.Cadence, c.Min, c.Title)
				}
			}
		}
		t.Logf("%-42s %-6s recall %s  precision %s  (%d candidates)", doc.File, d.Kind,
			ratio(dt.hit, dt.total), ratio(dt.good, dt.counted), len(d.Candidates))
		all.add(dt)
	}
	return all, true
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
