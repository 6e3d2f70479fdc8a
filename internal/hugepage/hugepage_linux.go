//go:build linux

package hugepage

import (
	"syscall"
	"unsafe"
)

// madvHugePage is MADV_HUGEPAGE, the same on every Linux architecture Go
// supports.
const madvHugePage = 14

// Advise asks the kernel to back the memory of s up to its capacity, a
// buffer the process has not written yet, with transparent huge pages
// where the system leaves it to the program (transparent_hugepage
// "madvise"). It changes no value and ignores the kernel's answer. Only
// the whole 4 kB pages inside the buffer are advised, so that no memory
// outside it is touched; buffers under 2·[Size] are left alone.
func Advise[T any](s []T) {
	n := uintptr(cap(s)) * unsafe.Sizeof(*new(T))
	if n < 2*Size {
		return
	}
	const page = 4096
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	lo, hi := (start+page-1)&^(page-1), (start+n)&^(page-1)
	b := unsafe.Slice((*byte)(unsafe.Add(p, lo-start)), hi-lo)
	_ = syscall.Madvise(b, madvHugePage)
}
