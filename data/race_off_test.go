//go:build !race

package data

const underRace = false
