//go:build race

package data

// underRace: the race detector slows every write about tenfold; the
// crash and restore tests run fewer rounds under it.
const underRace = true
