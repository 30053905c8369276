package cli

import (
	"fmt"
	"strconv"
	"strings"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// EvidenceCmd groups the evidence commands.
type EvidenceCmd struct {
	Add    EvidenceAddCmd    `cmd:"" help:"给记录附上佐证材料（文件或纸质材料位置） / attach files or a paper locator to a record"`
	List   EvidenceListCmd   `cmd:"" help:"列出佐证材料 / list evidence"`
	Save   EvidenceSaveCmd   `cmd:"" help:"把佐证材料文件另存出来 / save an evidence file"`
	Remove EvidenceRemoveCmd `cmd:"" help:"删除一项佐证材料 / remove an evidence item"`
}

// attachments reads the files and checks the paper locators of a command,
// before any ledger is opened.
func attachments(files, papers []string) ([]data.Attachment, error) {
	var out []data.Attachment
	for _, f := range files {
		a, err := data.ReadAttachment(typedPath(f))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	for _, p := range papers {
		text, err := model.CheckPaper(p)
		if err != nil {
			return nil, err
		}
		out = append(out, data.Paper(text))
	}
	return out, nil
}

// recordID reads a RECORD or ID argument.
func (a *App) recordID(kind, v string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id < 1 {
		if kind == "record" {
			return 0, a.Bad(a.txt().BadRecordID, model.CleanLine(v))
		}
		return 0, a.Bad(a.txt().BadEvidenceID, model.CleanLine(v))
	}
	return id, nil
}

// EvidenceAddCmd attaches files or paper locators to a record.
type EvidenceAddCmd struct {
	Record string   `arg:"" help:"记录编号（见 taizhang records） / record id (see taizhang records)"`
	Files  []string `arg:"" optional:"" help:"文件 / files" placeholder:"FILE"`
	Paper  []string `help:"纸质材料的存放位置，如“党小组会议记录本第12页”（可重复） / where paper evidence is kept (repeatable)" placeholder:"TEXT"`
}

// Run attaches everything in one transaction.
func (c *EvidenceAddCmd) Run(a *App) error {
	id, err := a.recordID("record", c.Record)
	if err != nil {
		return err
	}
	if len(c.Files) == 0 && len(c.Paper) == 0 {
		return a.refuse(a.txt().NeedFiles)
	}
	items, err := attachments(c.Files, c.Paper)
	if err != nil {
		return err
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	if _, err := s.AddEvidence(ctxb, id, items); err != nil {
		return err
	}
	all, err := s.Evidence(ctxb, id)
	if err != nil {
		return err
	}
	a.Printf(a.txt().Attached, len(items))
	a.printEvidence(id, all)
	return nil
}

// printEvidence lists one record's evidence under a heading.
func (a *App) printEvidence(recordID int64, items []model.Evidence) {
	a.Printf(a.txt().EvidenceOf, recordID, len(items))
	for _, e := range items {
		a.Printf("  %d  %s\n", e.ID, a.evidenceLine(e))
	}
}

// evidenceLine describes one item: the name with size and type, or the
// paper locator.
func (a *App) evidenceLine(e model.Evidence) string {
	if !e.IsFile() {
		return e.Label(a.Lang)
	}
	return fmt.Sprintf("%s  (%s, %s)", model.CleanLine(e.Name), model.HumanSize(e.Size), model.CleanLine(e.Type))
}

// EvidenceListCmd lists evidence.
type EvidenceListCmd struct {
	Record string `arg:"" optional:"" help:"只列出这条记录的 / only this record's"`
	Year   int    `help:"年度（默认今年） / year (default: this year)"`
	JSON   bool   `name:"json" help:"输出 JSON / print JSON"`
}

type evidenceOut struct {
	ID       int64  `json:"id"`
	RecordID int64  `json:"record_id"`
	Date     string `json:"date"`
	Duty     string `json:"duty"`
	Kind     string `json:"kind"`
	Name     string `json:"name,omitempty"`
	Size     int64  `json:"size,omitempty"`
	Type     string `json:"type,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	Paper    string `json:"paper,omitempty"`
	Added    string `json:"added_at"`
}

// Run lists one record's evidence, or the year's.
func (c *EvidenceListCmd) Run(a *App) error {
	var rid int64
	if c.Record != "" {
		var err error
		if rid, err = a.recordID("record", c.Record); err != nil {
			return err
		}
	}
	year, s, err := a.yearLedger(c.Year)
	if err != nil {
		return err
	}
	rows, err := s.EvidenceList(ctxb, rid, year)
	if err != nil {
		return err
	}
	ds, err := s.Duties(ctxb)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, d := range ds {
		titles[d.ID] = model.CleanLine(d.Title)
	}
	if c.JSON {
		out := []evidenceOut{}
		for _, x := range rows {
			o := evidenceOut{ID: x.ID, RecordID: x.RecordID, Date: x.Record.Date.String(), Duty: titles[x.Record.DutyID], Kind: "file",
				Name: model.CleanLine(x.Name), Size: x.Size, Type: model.CleanLine(x.Type), SHA256: x.SHA256, Paper: model.CleanLine(x.Paper),
				Added: x.Added.UTC().Format("2006-01-02T15:04:05Z07:00")}
			if !x.IsFile() {
				o.Kind = "paper"
			}
			out = append(out, o)
		}
		return a.writeJSON(out)
	}
	if len(rows) == 0 {
		if rid != 0 {
			a.Printf(a.txt().NoEvidenceOn, rid, rid)
		} else {
			a.Printf(a.txt().NoEvidenceIn, year)
		}
		return nil
	}
	table := [][]string{{a.txt().ColID, a.txt().ColRecord, a.txt().ColDate, a.txt().ColDuty, a.txt().ColEvidence, a.txt().ColSize}}
	var total int64
	for _, x := range rows {
		size := ""
		if x.IsFile() {
			size = model.HumanSize(x.Size)
			total += x.Size
		}
		table = append(table, []string{fmt.Sprint(x.ID), fmt.Sprint(x.RecordID), x.Record.Date.String(), titles[x.Record.DutyID], x.Label(a.Lang), size})
	}
	a.Printf("%s", cells.Table(table, []int{0, 0, 0, 20, 36, 0}, 0))
	a.Printf(a.txt().EvidenceTotal, len(rows), model.HumanSize(total))
	return nil
}

// EvidenceSaveCmd saves an evidence file.
type EvidenceSaveCmd struct {
	ID     string `arg:"" help:"佐证材料编号（见 taizhang evidence list） / evidence id"`
	Output string `short:"o" required:"" help:"保存为此文件（不覆盖已有文件） / save to this file (never over an existing one)" placeholder:"FILE"`
}

// Run writes the file: 0600, atomically, never over an existing file.
func (c *EvidenceSaveCmd) Run(a *App) error {
	id, err := a.recordID("evidence", c.ID)
	if err != nil {
		return err
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	dest := typedPath(c.Output)
	e, err := s.SaveEvidence(ctxb, id, dest)
	if err != nil {
		return err
	}
	a.Printf(a.txt().EvidenceSaved, model.CleanLine(e.Name), model.HumanSize(e.Size), model.CleanLine(dest))
	return nil
}

// EvidenceRemoveCmd removes an evidence item.
type EvidenceRemoveCmd struct {
	ID string `arg:"" help:"佐证材料编号 / evidence id"`
}

// Run removes the item and, when no other item names its file, the file's
// bytes: the command line has no undo.
func (c *EvidenceRemoveCmd) Run(a *App) error {
	id, err := a.recordID("evidence", c.ID)
	if err != nil {
		return err
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	e, err := s.RemoveEvidence(ctxb, id)
	if err != nil {
		return err
	}
	if _, err := s.PurgeEvidence(ctxb); err != nil {
		return err
	}
	a.Printf(a.txt().EvidenceRemoved, e.ID, e.RecordID, e.Label(a.Lang))
	return nil
}
