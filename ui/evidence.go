package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

// evidenceText is the wording of evidence on records, in one language.
type evidenceText struct {
	Head, None, Expected                      string
	KeyAttach, KeyPaper, KeyOpenFile, KeyDrop string
	AttachPrompt, PaperPrompt                 string
	Attached, PaperAdded, Removed, Opened     string
	UndoAttach, UndoRemove, NotAFile, Loading string
	ConfirmDrop                               string
}

// evidenceKeys act on a record's evidence in the record view.
type evidenceKeys struct{ Attach, Paper, Open, Remove key.Binding }

func newEvidenceKeys(w evidenceText) evidenceKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return evidenceKeys{
		Attach: b("a", w.KeyAttach, "a"),
		Paper:  b("p", w.KeyPaper, "p"),
		Open:   b("o", w.KeyOpenFile, "o"),
		Remove: b("x", w.KeyDrop, "x", "delete"),
	}
}

// Intents and reports about evidence.
type (
	// evidenceLoadedMsg brings a record's evidence to the record view.
	evidenceLoadedMsg struct {
		recordID int64
		items    []model.Evidence
		err      error
	}
	askEvidenceMsg struct {
		record model.Record
		paper  bool
	}
	attachMsg struct {
		record model.Record
		path   string // a file's path as typed, or
		paper  string // a paper locator
	}
	removeEvidenceMsg    struct{ item model.Evidence }
	askRemoveEvidenceMsg struct{ item model.Evidence }
	openEvidenceMsg      struct{ item model.Evidence }
	undoLastMsg          struct{}
	// openedMsg reports a private copy handed to the system's viewer.
	openedMsg struct {
		name string
		err  error
	}
)

// loadEvidence reads a record's evidence in a command.
func loadEvidence(l Ledger, recordID int64) tea.Cmd {
	return func() tea.Msg {
		items, err := l.Evidence(context.Background(), recordID)
		return evidenceLoadedMsg{recordID: recordID, items: items, err: err}
	}
}

// evidencePrompt is a one-line prompt in the status line for a file's
// path or a paper locator. A path may be typed, pasted or dropped (a
// terminal types a dropped file's path), with quotes, ~ or file://.
type evidencePrompt struct {
	linePrompt
	record model.Record
	paper  bool
}

func newEvidencePrompt(c *common, r model.Record, paper bool) *evidencePrompt {
	return &evidencePrompt{linePrompt: newLinePrompt(c, "value"), record: r, paper: paper}
}

// Update edits the path or locator; enter asks to attach it, esc closes.
func (p *evidencePrompt) Update(msg tea.Msg) (Component, tea.Cmd) {
	return p, p.update(msg, func() tea.Msg {
		m := attachMsg{record: p.record}
		if p.paper {
			m.paper = p.f.value("value")
			if m.paper == "" {
				m.paper = " " // refused by the store with its own sentence
			}
		} else {
			m.path = p.f.value("value")
		}
		return m
	})
}

// View is the one-line prompt.
func (p *evidencePrompt) View() string {
	w := p.f.c.t.Evidence
	if p.paper {
		return p.view(w.PaperPrompt)
	}
	return p.view(w.AttachPrompt)
}

// privateFiles are the copies of evidence files handed to the system's
// viewer: each 0600 in one 0700 temporary directory, removed on quit.
type privateFiles struct {
	mu  sync.Mutex
	dir string
}

// write puts a private copy of b under a safe form of name and returns
// its path.
func (p *privateFiles) write(name string, b []byte) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dir == "" {
		dir, err := os.MkdirTemp("", "taizhang-view-")
		if err != nil {
			return "", err
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", err
		}
		p.dir = dir
	}
	sub, err := os.MkdirTemp(p.dir, "f")
	if err != nil {
		return "", err
	}
	path := filepath.Join(sub, model.SafeFileName(name, 80))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// Dir is the directory of the copies, or "" before the first.
func (p *privateFiles) Dir() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dir
}

// remove deletes every copy.
func (p *privateFiles) remove() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dir != "" {
		os.RemoveAll(p.dir)
		p.dir = ""
	}
}

// SystemOpen opens path with the system's viewer (xdg-open, open, start)
// without waiting for it to close.
func SystemOpen(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("cmd", "/c", "start", "", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// evidenceIntent acts on an evidence intent; ok is false for anything else.
func (a *App) evidenceIntent(msg tea.Msg) (tea.Cmd, bool) {
	c := a.c
	w := c.t.Evidence
	switch m := msg.(type) {
	case askEvidenceMsg:
		a.push(newEvidencePrompt(c, m.record, m.paper), true)
	case attachMsg:
		r, title := m.record, c.data.titles[m.record.DutyID]
		path, paper := m.path, m.paper
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			var item data.Attachment
			if path != "" || paper == "" {
				var err error
				if item, err = data.ReadAttachment(data.ExpandPath(path)); err != nil {
					return writtenMsg{err: err}
				}
			} else {
				item = data.Paper(paper)
			}
			added, err := l.AddEvidence(ctx, r.ID, []data.Attachment{item})
			if err != nil {
				return writtenMsg{err: err}
			}
			say := fmt.Sprintf(w.Attached, added[0].Label(c.lang), model.CleanLine(title))
			if !added[0].IsFile() {
				say = fmt.Sprintf(w.PaperAdded, model.CleanLine(added[0].Paper))
			}
			return writtenMsg{say: say, evidenceOf: r.ID, undo: &undoEntry{kind: undoAttached, items: added, title: title,
				label: fmt.Sprintf(w.UndoAttach, model.EvidenceLabels(added, c.lang))}}
		}), true
	case askRemoveEvidenceMsg:
		a.push(newConfirmDrop(c, m.item), true)
	case removeEvidenceMsg:
		e := m.item
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			gone, err := l.RemoveEvidence(ctx, e.ID)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(w.Removed, gone.Label(c.lang)), evidenceOf: gone.RecordID, keepOpen: true,
				undo: &undoEntry{kind: undoRemovedEvidence, items: []model.Evidence{gone}, label: fmt.Sprintf(w.UndoRemove, gone.Label(c.lang))}}
		}), true
	case openEvidenceMsg:
		e, l, files, open := m.item, c.ledger, a.files, a.opts.OpenFile
		if !e.IsFile() {
			return a.say(fmt.Sprintf(w.NotAFile, e.Label(c.lang)), true), true
		}
		return func() tea.Msg {
			_, b, err := l.EvidenceData(context.Background(), e.ID)
			if err != nil {
				return openedMsg{err: err}
			}
			path, err := files.write(e.Name, b)
			if err != nil {
				return openedMsg{err: err}
			}
			return openedMsg{name: e.Name, err: open(path)}
		}, true
	case undoLastMsg:
		// Asked from the record view, which stays open.
		cmd := a.undoLast()
		if cmd == nil {
			return nil, true
		}
		return func() tea.Msg {
			m := cmd()
			if w, ok := m.(writtenMsg); ok {
				w.keepOpen = true
				return w
			}
			return m
		}, true
	default:
		return nil, false
	}
	return nil, true
}

// Purge removes, when the app closes, what its undo history kept: the
// bytes of removed evidence and the evidence of deleted records, and the
// private copies handed to the viewer.
func (a *App) Purge() {
	a.files.remove()
	if a.c.ledger != nil {
		a.c.ledger.PurgeEvidence(context.Background())
	}
}
