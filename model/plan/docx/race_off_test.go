//go:build !race

package docx_test

const raceOn = false
