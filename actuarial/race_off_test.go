//go:build !race

package actuarial_test

const raceEnabled = false
