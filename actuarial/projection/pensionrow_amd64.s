//go:build amd64 && !purego

#include "textflag.h"

// The constants broadcast to the four lanes.
DATA pensionRowOne<>+0(SB)/8, $1.0
GLOBL pensionRowOne<>(SB), RODATA|NOPTR, $8
DATA pensionRowHalf<>+0(SB)/8, $0.5
GLOBL pensionRowHalf<>(SB), RODATA|NOPTR, $8

// Each block of four ages k..k+3 (SI its byte offset) reads n, a, o and q
// of those ages, then stores the survivors in the ages k+1..k+4 of n, a
// and o: the age k+4 is the lowest of the block above, read already. A
// lane without survivors (an empty cell, or q = 1) stores zeros. The
// operations are those of pensionRow, in its order:
//	d = n·q
//	paid += a·(1 − 0.5·q); deaths += d (by lane)
//	dn += d; da += a·q (with spouse)
//	n' = n − d, a' = a·(1 − q)·ix, o' = o·(1 − q)·ix where n' > 0.
//
// Registers: R8..R13 the slices n, a, o, q, dn, da; Y15 1, Y14 0.5, Y13
// ix, Y9 0; Y12 paid, Y11 deaths, Y10 the lanes that moved.
#define BLOCK_HEAD \
	VMOVUPD (R8)(SI*1), Y0  \
	VMOVUPD (R9)(SI*1), Y1  \
	VMOVUPD (R11)(SI*1), Y3 \
	VMULPD  Y3, Y0, Y4      \
	VMULPD  Y14, Y3, Y5     \
	VSUBPD  Y5, Y15, Y5     \
	VMULPD  Y5, Y1, Y5      \
	VADDPD  Y5, Y12, Y12    \
	VADDPD  Y4, Y11, Y11

#define BLOCK_TAIL \
	VSUBPD  Y4, Y0, Y0          \
	VCMPPD  $0x1e, Y9, Y0, Y8   \
	VORPD   Y8, Y10, Y10        \
	VANDPD  Y8, Y0, Y0          \
	VMOVUPD Y0, 8(R8)(SI*1)     \
	VSUBPD  Y3, Y15, Y3         \
	VMULPD  Y3, Y1, Y1          \
	VMULPD  Y13, Y1, Y1         \
	VANDPD  Y8, Y1, Y1          \
	VMOVUPD Y1, 8(R9)(SI*1)     \
	VMOVUPD (R10)(SI*1), Y2     \
	VMULPD  Y3, Y2, Y2          \
	VMULPD  Y13, Y2, Y2         \
	VANDPD  Y8, Y2, Y2          \
	VMOVUPD Y2, 8(R10)(SI*1)    \
	SUBQ    $32, SI

// func pensionRowAVX2(n, a, o, q, dn, da []float64, ix, paid, deaths float64) (p, d float64, moved bool)
TEXT ·pensionRowAVX2(SB), NOSPLIT, $0-185
	MOVQ n_base+0(FP), R8
	MOVQ a_base+24(FP), R9
	MOVQ o_base+48(FP), R10
	MOVQ q_base+72(FP), R11
	MOVQ q_len+80(FP), SI
	MOVQ dn_base+96(FP), R12
	MOVQ da_base+120(FP), R13
	VBROADCASTSD pensionRowOne<>(SB), Y15
	VBROADCASTSD pensionRowHalf<>(SB), Y14
	VBROADCASTSD ix+144(FP), Y13
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	VXORPD Y12, Y12, Y12
	SUBQ $4, SI
	SHLQ $3, SI // the byte offset of the top block
	TESTQ R12, R12
	JZ   plain

spouse:
	BLOCK_HEAD
	VADDPD  (R12)(SI*1), Y4, Y6
	VMOVUPD Y6, (R12)(SI*1)
	VMULPD  Y3, Y1, Y6
	VADDPD  (R13)(SI*1), Y6, Y6
	VMOVUPD Y6, (R13)(SI*1)
	BLOCK_TAIL
	JGE spouse
	JMP done

plain:
	BLOCK_HEAD
	BLOCK_TAIL
	JGE plain

done:
	// The lowest cell, read, is left empty.
	MOVQ $0, (R8)
	MOVQ $0, (R9)
	MOVQ $0, (R10)
	// The sums: the caller's, plus the lanes' (0 + 2) + (1 + 3).
	VEXTRACTF128 $1, Y12, X0
	VADDPD       X0, X12, X0
	VUNPCKHPD    X0, X0, X1
	VADDSD       X1, X0, X0
	VMOVSD       paid+152(FP), X1
	VADDSD       X0, X1, X1
	VMOVSD       X1, p+168(FP)
	VEXTRACTF128 $1, Y11, X0
	VADDPD       X0, X11, X0
	VUNPCKHPD    X0, X0, X1
	VADDSD       X1, X0, X0
	VMOVSD       deaths+160(FP), X1
	VADDSD       X0, X1, X1
	VMOVSD       X1, d+176(FP)
	VMOVMSKPD    Y10, AX
	TESTL        AX, AX
	SETNE        moved+184(FP)
	VZEROUPPER
	RET
