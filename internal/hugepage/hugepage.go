// Package hugepage asks the kernel to back large buffers with transparent
// huge pages, where the system leaves that to the program.
//
// A program's first write to a page of fresh memory faults, and the kernel
// hands over a zeroed page. On the virtual machines Reserva is measured on,
// such a fault costs 12–17 µs of CPU, so a buffer of 100 MB written once
// (a census of a million records, the yearly rows of a thousand reform
// variants) can spend more time faulting than being computed. Backed by
// huge pages, the same buffer faults once every 2 MB instead of once every
// 4 kB. [Advise] changes no value and returns no error: where huge pages
// are not available (another system, a kernel that refuses, the setting
// "never") the buffer is used as it is.
package hugepage

// Size is the size of a transparent huge page on x86-64 and in the usual
// arm64 configuration. Buffers smaller than two of them are not advised.
const Size = 2 << 20
