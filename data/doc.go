// Package data keeps the ledger: one SQLite file opened through
// modernc.org/sqlite, its embedded migrations, and the queries that read and
// write duties, targets, records, excuses, the roster and records' evidence
// (files kept once by their hash) as model values. It also keeps the
// ledger whole around it: backups and restores, files written atomically,
// the dump the exporters render, and the generated demo and benchmark
// ledgers. Every user action is one immediate write transaction.
package data
