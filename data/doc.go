// Package data keeps the ledger: one SQLite file opened through
// modernc.org/sqlite, its embedded migrations, and the queries that read and
// write duties, targets and records as model values. Every user action is
// one immediate write transaction.
package data
