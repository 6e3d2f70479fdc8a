//go:build !linux

package reform

// adviseHugePages does nothing outside Linux (see the Linux version).
func adviseHugePages[T any](s []T) {}
