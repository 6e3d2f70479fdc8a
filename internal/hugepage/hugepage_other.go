//go:build !linux

package hugepage

// Advise does nothing outside Linux (see the Linux version).
func Advise[T any](s []T) {}
