// Package ui is taizhang's terminal interface, built on Bubble Tea v2.
package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// Options open the interface.
type Options struct {
	Store *data.Store
	Lang  model.Lang
	Now   func() time.Time
}

// Run shows the interface until the officer quits.
func Run(o Options) error {
	today := model.DateOf(o.Now())
	ys, err := o.Store.YearStatus(context.Background(), today.Year(), today)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(listModel{ys: ys, lang: o.Lang}).Run()
	return err
}

type listModel struct {
	ys   model.YearStatus
	lang model.Lang
}

func (m listModel) Init() tea.Cmd { return nil }

func (m listModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return m, tea.Quit
	}
	return m, nil
}

func (m listModel) View() tea.View {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n\n", m.ys.Year)
	for _, dy := range m.ys.Duties {
		fmt.Fprintf(&b, "%s  %d/%d  %s\n", cells.Fit(dy.Duty.Title, 30), dy.Done, dy.Required, dy.Status.Name(m.lang))
	}
	b.WriteString("\nq\n")
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}
