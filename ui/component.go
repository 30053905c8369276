package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/data/export"
	"taizhang/model"
	"taizhang/model/plan"
)

// Component is a screen or an overlay. It draws itself in the size it is
// handed, names its keys for the hint line and the help screen, and never
// sees the App: what it wants done (open a form, save a record, close) it
// posts as an intent, one of the typed messages below, and the App alone
// acts on it. The App owns navigation, the overlay stack, every write and
// undo, and the sizes.
type Component interface {
	Update(msg tea.Msg) (Component, tea.Cmd)
	View() string
	SetSize(w, h int)
	help.KeyMap
}

// tabScreen is a component shown under the tabs. Typing reports that it
// takes every key (its filter is being typed), and Status is what it
// shows in the status line ("" for nothing).
type tabScreen interface {
	Component
	Typing() bool
	Status() string
}

// post hands an intent to the App. Intents are delivered as soon as the
// Update that posted them returns, before the next key: a key typed right
// after "a" belongs to the form "a" opened, however fast it comes.
func (c *common) post(intent tea.Msg) { c.intents = append(c.intents, intent) }

// Intents: what a component asks of the App.
type (
	// dataMsg tells the screens that the loaded year (c.data) changed.
	dataMsg struct{}
	// closeMsg closes the overlay that posted it.
	closeMsg struct{}
	// failedMsg tells the overlay that asked for a write why it failed.
	failedMsg struct{ err error }
	// sayMsg shows a sentence in the status line.
	sayMsg struct {
		text  string
		isErr bool
	}
	openDetailMsg     struct{ id int64 }
	closeDetailMsg    struct{}
	tickMsg           struct{ duty model.Duty }
	openRecordFormMsg struct {
		duty   model.Duty
		record *model.Record // nil for a new record
	}
	openDutyFormMsg struct{ duty *model.DutyYear } // nil for a new duty
	openRecordMsg   struct{ record model.Record }
	askDeleteMsg    struct{ record model.Record }
	openPlanMsg     struct {
		doc    plan.Document
		source string
		year   int
		post   string      // the officer's post, to judge whom each duty is for
		kept   []plan.Kept // the duties the plan may restate
		known  bool        // kept was read from the ledger
	}
	addRecordMsg struct {
		record model.Record
		title  string
	}
	updateRecordMsg struct {
		record model.Record
		title  string
	}
	deleteRecordMsg struct {
		record model.Record
		title  string
	}
	addDutyMsg struct {
		duty   model.Duty
		target model.Target
	}
	editDutyMsg struct {
		change data.DutyChange
		said   string
		old    model.DutyYear // the duty and target as the form found them, for undo
	}
	// addDutiesMsg adds a template's or a plan's duties in one go.
	addDutiesMsg struct {
		duties   []model.Duty
		targets  []model.Target
		fromPlan bool
		first    bool // the first run's duty set: ask for the post start date next
	}
	exportMsg struct{ opts export.Options }
)
