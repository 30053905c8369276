//go:build race

package docx_test

// raceOn: the race detector is on; the LibreOffice comparison, which
// checks output and not concurrency, runs in the plain test run only.
const raceOn = true
