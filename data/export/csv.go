package export

import (
	"encoding/csv"
	"io"
	"strconv"

	"taizhang/model"
)

// bom lets Excel on Chinese Windows read the file as UTF-8; without it
// Excel guesses GBK and every Chinese character comes out garbled.
const bom = "\uFEFF"

// Neutralise makes a cell safe to open in a spreadsheet: one beginning
// with =, +, -, @, a tab or a carriage return would be read as a formula
// (spreadsheet formula injection), so it gets a leading apostrophe, which
// spreadsheets show as text and hide.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// WriteCSV writes the ledger (台账) rows, UTF-8 with a byte-order mark and
// CRLF line ends, as Excel expects them.
func WriteCSV(w io.Writer, s model.Summary) error {
	e := newErrWriter(w)
	e.str(bom)
	if e.err != nil {
		return e.err
	}
	cw := csv.NewWriter(e.w)
	cw.UseCRLF = true
	row := make([]string, 10)
	copy(row, model.LedgerColumns(s.Lang))
	if err := cw.Write(row); err != nil {
		return err
	}
	for _, r := range s.Ledger() {
		row = append(row[:0], strconv.Itoa(r.No), r.Date.String(), r.Counts, r.Category, r.Duty, r.Topic, r.With, r.Place, r.Note, r.Evidence)
		for i := range row {
			row[i] = Neutralise(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return e.done()
}
