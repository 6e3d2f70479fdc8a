//go:build !unix

package usage

func process() Usage { return Usage{} }
