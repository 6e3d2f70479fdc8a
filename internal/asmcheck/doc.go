// Package asmcheck holds tests of the module's amd64 assembly: that no
// kernel mixes legacy SSE instructions with its AVX ones, and that every
// kernel returns with the upper halves of the vector registers clean.
//
// A legacy (non-VEX) SSE instruction, such as MOVQ AX, X0, run while the
// upper halves of the YMM registers are dirty, pays a state transition on
// some processors. On the Intel Xeon (family 6, model 207) Reserva is
// measured on, one such MOVQ in projection's pensionRowAVX2 cost ~70
// cycles a call, 14% of BenchmarkProjectReference's time; its VEX form,
// VMOVQ, costs nothing more than a move. Every kernel written with AVX
// instructions therefore uses their VEX forms only, and ends with
// VZEROUPPER so that the Go code after it (whose scalar floating point is
// legacy SSE) runs with the upper halves clean; the tests check both, file
// by file and line by line.
package asmcheck
