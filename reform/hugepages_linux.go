//go:build linux

package reform

import (
	"syscall"
	"unsafe"
)

// madvHugePage is MADV_HUGEPAGE, the same on every Linux architecture Go
// supports.
const madvHugePage = 14

// hugePageSize is the size of a transparent huge page on x86-64 and of
// the usual arm64 configuration; smaller buffers are not advised.
const hugePageSize = 2 << 20

// adviseHugePages asks the kernel to back the memory of s, a buffer the
// process has not written yet, with transparent huge pages where the
// system leaves it to the program (transparent_hugepage "madvise"): the
// first writes to it then fault once per 2 MB instead of once per 4 kB
// page. It changes no value and ignores the kernel's answer (a kernel
// without huge pages refuses, and the buffer is used as it is). On a
// virtual machine a page fault costs microseconds: a comparison of 1,000
// variants writes 63 MB of yearly rows, some 15,000 faults of 4 kB, a
// tenth of its time (BenchmarkSweep1000).
func adviseHugePages[T any](s []T) {
	n := uintptr(len(s)) * unsafe.Sizeof(*new(T))
	if n < 2*hugePageSize {
		return
	}
	const page = 4096
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	lo, hi := (start+page-1)&^(page-1), (start+n)&^(page-1)
	b := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), lo-start)), hi-lo)
	_ = syscall.Madvise(b, madvHugePage)
}
