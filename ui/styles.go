package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"taizhang/model"
)

// Styles are every style the interface draws with, built from a small
// semantic palette that adapts to a light or dark background.
type Styles struct {
	Title    lipgloss.Style
	Heading  lipgloss.Style
	Muted    lipgloss.Style
	Accent   lipgloss.Style
	Selected lipgloss.Style
	Marker   lipgloss.Style
	Error    lipgloss.Style
	Message  lipgloss.Style
	Key      lipgloss.Style
	Label    lipgloss.Style
	Focused  lipgloss.Style
	BarDone  lipgloss.Style
	BarLeft  lipgloss.Style

	status map[model.Status]lipgloss.Style
	state  map[model.PeriodState]lipgloss.Style
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		ok     = ld(lipgloss.Color("#1a7f37"), lipgloss.Color("#57d163"))
		warn   = ld(lipgloss.Color("#9a6700"), lipgloss.Color("#e3b341"))
		late   = ld(lipgloss.Color("#bc4c00"), lipgloss.Color("#f0883e"))
		bad    = ld(lipgloss.Color("#cf222e"), lipgloss.Color("#ff7b72"))
		muted  = ld(lipgloss.Color("#6e7781"), lipgloss.Color("#8b949e"))
		accent = ld(lipgloss.Color("#0969da"), lipgloss.Color("#58a6ff"))
		selBg  = ld(lipgloss.Color("#ddf4ff"), lipgloss.Color("#1f3a5f"))
		ink    = ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6edf3"))
	)
	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	s := &Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Heading:  lipgloss.NewStyle().Bold(true),
		Muted:    fg(muted),
		Accent:   fg(accent),
		Selected: lipgloss.NewStyle().Background(selBg).Foreground(ink).Bold(true),
		Marker:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(bad),
		Message:  fg(accent),
		Key:      lipgloss.NewStyle().Bold(true),
		Label:    fg(muted),
		Focused:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		BarDone:  fg(ok),
		BarLeft:  fg(muted),
		status: map[model.Status]lipgloss.Style{
			model.Done:       fg(ok).Bold(true),
			model.MissedDuty: fg(bad).Bold(true),
			model.Behind:     fg(late).Bold(true),
			model.DueSoon:    fg(warn).Bold(true),
			model.OnTrack:    fg(accent),
			model.NotStarted: fg(muted),
			model.Archived:   fg(muted),
		},
		state: map[model.PeriodState]lipgloss.Style{
			model.Met:      fg(ok).Bold(true),
			model.Missed:   fg(bad).Bold(true),
			model.Open:     fg(warn).Bold(true),
			model.Upcoming: fg(muted),
			model.Exempt:   fg(muted),
			model.Excused:  fg(muted),
		},
	}
	return s
}

// Status is the badge style of a duty status.
func (s *Styles) Status(st model.Status) lipgloss.Style { return s.status[st] }

// State is the style of a period state.
func (s *Styles) State(st model.PeriodState) lipgloss.Style { return s.state[st] }

// stateMark is the one ASCII character that tells a period's state when
// there is no colour: + met, ! missed, * open, . upcoming, - not required.
func stateMark(st model.PeriodState) string {
	switch st {
	case model.Met:
		return "+"
	case model.Missed:
		return "!"
	case model.Open:
		return "*"
	case model.Exempt:
		return "-"
	}
	return "."
}

// excusedMark stands in a period's cell for a period excused with a
// reason: 免, or ex in English.
func excusedMark(lang model.Lang) string { return textOf(lang).ExcusedMark }
