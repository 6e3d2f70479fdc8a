//go:build amd64 && !purego

#include "textflag.h"

// Each age a0..hi, as PastContributionRows: the services s0..s1 of the
// row, the cell of service 0 set apart, the others along the diagonals
// four at a time from the cell c = c0 + first (c0 = age·ns),
//
//	v = ((one + t[c−ns−1])·im[c−ns−1])·x;  t[c] = v;  acc[c] = avg[c−c0]·v
//
// (acc only in the rows accLo..accHi), the last len mod 4 under a mask.
//
// Registers: R8 t, R9 acc, R10 t − (ns+1)·8 and R11 im − (ns+1)·8 (the
// cell of the diagonal a row below, indexed by c), R12 avg − c0·8 (the
// service's rate, indexed by c), R13 ns, R14 ns·8; SI the age, BX c0; in a
// row AX s0, then first, then len mod 4, CX s1, then the end of the full
// blocks, DI c; Y15 one, Y14 x, Y13 0.

// func pastRowsAVX2(t, acc, avg, im []float64, ns, a0, hi, eMax, eHi, accLo, accHi int, one, x float64)
TEXT ·pastRowsAVX2(SB), NOSPLIT, $0-168
	MOVQ t_base+0(FP), R8
	MOVQ acc_base+24(FP), R9
	MOVQ avg_base+48(FP), R12
	MOVQ im_base+72(FP), R11
	MOVQ ns+96(FP), R13
	MOVQ a0+104(FP), SI
	VBROADCASTSD one+152(FP), Y15
	VBROADCASTSD x+160(FP), Y14
	VXORPD Y13, Y13, Y13
	MOVQ R13, AX
	INCQ AX
	SHLQ $3, AX // (ns+1)·8
	MOVQ R8, R10
	SUBQ AX, R10
	SUBQ AX, R11
	MOVQ SI, BX
	IMULQ R13, BX // c0
	MOVQ BX, AX
	SHLQ $3, AX
	SUBQ AX, R12
	MOVQ R13, R14
	SHLQ $3, R14

row:
	// s1 = min(ns−1, age−eMax) in CX, s0 = max(0, age−eHi) in AX.
	MOVQ    SI, CX
	SUBQ    eMax+120(FP), CX
	LEAQ    -1(R13), DX
	CMPQ    CX, DX
	CMOVQGT DX, CX
	MOVQ    SI, AX
	SUBQ    eHi+128(FP), AX
	XORL    DX, DX
	TESTQ   AX, AX
	CMOVQLT DX, AX
	CMPQ    CX, AX
	JLT     next
	CMPQ    SI, accLo+136(FP)
	JLT     plain
	CMPQ    SI, accHi+144(FP)
	JGT     plain

	// With the past contributions.
	TESTQ  AX, AX
	JNZ    accRow
	MOVQ   $0, (R8)(BX*8)   // no past salaries at service 0
	VMOVSD (R12)(BX*8), X0  // avg[0]
	VMULSD X13, X0, X0      // avg[0]·0
	VMOVSD X0, (R9)(BX*8)
	MOVQ   $1, AX

accRow:
	CMPQ CX, AX
	JLT  next
	LEAQ (BX)(AX*1), DI // c
	SUBQ AX, CX
	INCQ CX             // the row's length
	MOVQ CX, AX
	ANDQ $3, AX
	SUBQ AX, CX
	ADDQ DI, CX         // the end of the full blocks
	CMPQ DI, CX
	JGE  accLast

accLoop:
	VADDPD  (R10)(DI*8), Y15, Y0
	VMULPD  (R11)(DI*8), Y0, Y0
	VMULPD  Y14, Y0, Y0
	VMOVUPD Y0, (R8)(DI*8)
	VMULPD  (R12)(DI*8), Y0, Y1
	VMOVUPD Y1, (R9)(DI*8)
	ADDQ    $4, DI
	CMPQ    DI, CX
	JLT     accLoop

accLast:
	TESTQ      AX, AX
	JZ         next
	SHLQ       $5, AX
	LEAQ       ·laneMask(SB), DX
	VMOVUPD    (DX)(AX*1), Y5
	VMASKMOVPD (R10)(DI*8), Y5, Y0
	VADDPD     Y0, Y15, Y0
	VMASKMOVPD (R11)(DI*8), Y5, Y1
	VMULPD     Y1, Y0, Y0
	VMULPD     Y14, Y0, Y0
	VMASKMOVPD Y0, Y5, (R8)(DI*8)
	VMASKMOVPD (R12)(DI*8), Y5, Y1
	VMULPD     Y1, Y0, Y1
	VMASKMOVPD Y1, Y5, (R9)(DI*8)
	JMP        next

plain:
	// The past salaries only.
	TESTQ AX, AX
	JNZ   plainRow
	MOVQ  $0, (R8)(BX*8) // no past salaries at service 0
	MOVQ  $1, AX

plainRow:
	CMPQ CX, AX
	JLT  next
	LEAQ (BX)(AX*1), DI
	SUBQ AX, CX
	INCQ CX
	MOVQ CX, AX
	ANDQ $3, AX
	SUBQ AX, CX
	ADDQ DI, CX
	CMPQ DI, CX
	JGE  plainLast

plainLoop:
	VADDPD  (R10)(DI*8), Y15, Y0
	VMULPD  (R11)(DI*8), Y0, Y0
	VMULPD  Y14, Y0, Y0
	VMOVUPD Y0, (R8)(DI*8)
	ADDQ    $4, DI
	CMPQ    DI, CX
	JLT     plainLoop

plainLast:
	TESTQ      AX, AX
	JZ         next
	SHLQ       $5, AX
	LEAQ       ·laneMask(SB), DX
	VMOVUPD    (DX)(AX*1), Y5
	VMASKMOVPD (R10)(DI*8), Y5, Y0
	VADDPD     Y0, Y15, Y0
	VMASKMOVPD (R11)(DI*8), Y5, Y1
	VMULPD     Y1, Y0, Y0
	VMULPD     Y14, Y0, Y0
	VMASKMOVPD Y0, Y5, (R8)(DI*8)

next:
	INCQ SI
	ADDQ R13, BX
	SUBQ R14, R12
	CMPQ SI, hi+112(FP)
	JLE  row

	VZEROUPPER
	RET

// DIAGONALS takes the four blocks of diagonals (Y0–Y3, at AX, BX, CX and
// DX from the row's first cell) one row on: v = ((one + v)·im)·x, im the
// cell's a row below (R11), stored into t (R8).
#define DIAGONALS \
	VADDPD  Y15, Y0, Y0        \
	VADDPD  Y15, Y1, Y1        \
	VADDPD  Y15, Y2, Y2        \
	VADDPD  Y15, Y3, Y3        \
	VMULPD  (R11)(AX*1), Y0, Y0 \
	VMULPD  (R11)(BX*1), Y1, Y1 \
	VMULPD  (R11)(CX*1), Y2, Y2 \
	VMULPD  (R11)(DX*1), Y3, Y3 \
	VMULPD  Y14, Y0, Y0        \
	VMULPD  Y14, Y1, Y1        \
	VMULPD  Y14, Y2, Y2        \
	VMULPD  Y14, Y3, Y3        \
	VMOVUPD Y0, (R8)(AX*1)     \
	VMOVUPD Y1, (R8)(BX*1)     \
	VMOVUPD Y2, (R8)(CX*1)     \
	VMOVUPD Y3, (R8)(DX*1)

// func pastRunAVX2(t, acc, avg, im []float64, c, s, ns, rows, n int, one, x float64)
//
// Rows of n ≥ 4 cells, the first from cell c, each next ns + 1 further:
// each cell's diagonal goes on in the next row one cell further on, so the
// run is walked along its diagonals, not row by row. Four blocks of four
// diagonals at a time (a group: cells o0, o1, o2, o3 of the first row,
// each a block of four) go through every row, their values kept in Y0–Y3
// from one row to the next: four chains of dependent operations advance
// together, and no row waits for the stores of the row below to be read
// back. The groups are 16 cells from cell 0 while they fit; a last group
// (or the only one, n < 16) ends at cell n − 1, its blocks overlapping
// those before them: their cells computed again, to the same values (they
// depend on the row below the run and on im, avg, one and x only).
//
// Registers: R8 the row's cells of t, R9 of acc, R11 of im a row below,
// R12 avg from the row's first service, moving a row at a time; R10 t a
// row below the first row; AX, BX, CX, DX the group's blocks (in bytes
// from the row's first cell); R13 (ns+1)·8; SI the rows left; DI the next
// group's first cell, R14 n; Y15 one, Y14 x; Y0–Y3 the blocks' values,
// Y4–Y7 their past contributions.
TEXT ·pastRunAVX2(SB), NOSPLIT, $0-152
	MOVQ         ns+112(FP), R13
	INCQ         R13
	SHLQ         $3, R13
	VBROADCASTSD one+136(FP), Y15
	VBROADCASTSD x+144(FP), Y14
	MOVQ         n+128(FP), R14
	XORL         DI, DI

group:
	// The blocks: from DI, 16 cells, or the last 16 (n ≥ 16), or 0, 4, 8
	// and n − 4, each at most n − 4 (n < 16).
	LEAQ    -4(R14), R8 // n − 4
	LEAQ    16(DI), AX
	CMPQ    AX, R14
	JLE     blocks
	LEAQ    -16(R14), DI
	TESTQ   DI, DI
	JGE     blocks
	XORL    DI, DI
blocks:
	MOVQ    DI, AX
	LEAQ    4(DI), BX
	CMPQ    BX, R8
	CMOVQGT R8, BX
	LEAQ    8(DI), CX
	CMPQ    CX, R8
	CMOVQGT R8, CX
	LEAQ    12(DI), DX
	CMPQ    DX, R8
	CMOVQGT R8, DX
	SHLQ    $3, AX
	SHLQ    $3, BX
	SHLQ    $3, CX
	SHLQ    $3, DX

	// The bases at the first row; the values a row below it.
	MOVQ c+96(FP), SI
	SHLQ $3, SI
	MOVQ t_base+0(FP), R8
	ADDQ SI, R8
	MOVQ R8, R10
	SUBQ R13, R10
	MOVQ im_base+72(FP), R11
	ADDQ SI, R11
	SUBQ R13, R11
	MOVQ acc_base+24(FP), R9
	ADDQ SI, R9
	MOVQ avg_base+48(FP), R12
	MOVQ s+104(FP), SI
	LEAQ (R12)(SI*8), R12
	VMOVUPD (R10)(AX*1), Y0
	VMOVUPD (R10)(BX*1), Y1
	VMOVUPD (R10)(CX*1), Y2
	VMOVUPD (R10)(DX*1), Y3
	MOVQ    rows+120(FP), SI
	CMPQ    acc_len+32(FP), $0
	JEQ     plainRow

accRow:
	DIAGONALS
	VMULPD  (R12)(AX*1), Y0, Y4
	VMULPD  (R12)(BX*1), Y1, Y5
	VMULPD  (R12)(CX*1), Y2, Y6
	VMULPD  (R12)(DX*1), Y3, Y7
	VMOVUPD Y4, (R9)(AX*1)
	VMOVUPD Y5, (R9)(BX*1)
	VMOVUPD Y6, (R9)(CX*1)
	VMOVUPD Y7, (R9)(DX*1)
	ADDQ    R13, R8
	ADDQ    R13, R9
	ADDQ    R13, R11
	ADDQ    $8, R12
	DECQ    SI
	JNZ     accRow
	JMP     nextGroup

plainRow:
	DIAGONALS
	ADDQ    R13, R8
	ADDQ    R13, R11
	DECQ    SI
	JNZ     plainRow

nextGroup:
	// The next group from DI + 16, if the one just done did not end at n.
	LEAQ 16(DI), DI
	CMPQ DI, R14
	JLT  group
	VZEROUPPER
	RET
