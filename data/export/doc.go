// Package export writes the year-end summary and the ledger as files —
// Markdown, plain text, Word (docx), Excel (xlsx), CSV and JSON — and reads
// a JSON export back into a ledger. Every format renders the same
// model.Summary; every file is written atomically and 0600 through
// data.WriteFile. Write is the one entry point for the command line and the
// TUI; Check is the completeness check printed before writing.
package export
