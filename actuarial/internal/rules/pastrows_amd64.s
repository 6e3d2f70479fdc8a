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

// func pastRunAVX2(t, acc, avg, im []float64, c, s, ns, rows, n int, one, x float64)
//
// Rows of n ≥ 4 cells, the first from cell c, each next ns + 1 further:
// the row's blocks of four cells from its first, as pastRowsAVX2's, then,
// when n mod 4 ≠ 0, the block of its last four cells (overlapping).
//
// Registers: R8 the row's cells of t, R9 of acc, R10 those of t a row
// below (−(ns+1)·8), R11 of im a row below, R12 avg from the row's first
// service; R13 (ns+1)·8; SI the rows left; DI the cell in the row, CX the
// end of its full blocks (n rounded down to 4), BX n − 4, DX n; Y15 one,
// Y14 x.
TEXT ·pastRunAVX2(SB), NOSPLIT, $0-152
	MOVQ         c+96(FP), AX
	MOVQ         ns+112(FP), R13
	INCQ         R13
	SHLQ         $3, R13
	MOVQ         t_base+0(FP), R8
	LEAQ         (R8)(AX*8), R8
	MOVQ         R8, R10
	SUBQ         R13, R10
	MOVQ         im_base+72(FP), R11
	LEAQ         (R11)(AX*8), R11
	SUBQ         R13, R11
	MOVQ         avg_base+48(FP), R12
	MOVQ         s+104(FP), DX
	LEAQ         (R12)(DX*8), R12
	MOVQ         rows+120(FP), SI
	MOVQ         n+128(FP), DX
	MOVQ         DX, CX
	ANDQ         $-4, CX
	LEAQ         -4(DX), BX
	VBROADCASTSD one+136(FP), Y15
	VBROADCASTSD x+144(FP), Y14
	MOVQ         acc_len+32(FP), R9
	TESTQ        R9, R9
	JZ           runPlain
	MOVQ         acc_base+24(FP), R9
	LEAQ         (R9)(AX*8), R9

runAcc:
	XORL DI, DI

runAccBlock:
	VADDPD  (R10)(DI*8), Y15, Y0
	VMULPD  (R11)(DI*8), Y0, Y0
	VMULPD  Y14, Y0, Y0
	VMOVUPD Y0, (R8)(DI*8)
	VMULPD  (R12)(DI*8), Y0, Y1
	VMOVUPD Y1, (R9)(DI*8)
	ADDQ    $4, DI
	CMPQ    DI, CX
	JLT     runAccBlock
	CMPQ    DI, DX
	JGE     runAccNext
	MOVQ    BX, DI // the last four cells
	JMP     runAccBlock

runAccNext:
	ADDQ R13, R8
	ADDQ R13, R9
	ADDQ R13, R10
	ADDQ R13, R11
	ADDQ $8, R12
	DECQ SI
	JNZ  runAcc
	VZEROUPPER
	RET

runPlain:
	XORL DI, DI

runPlainBlock:
	VADDPD  (R10)(DI*8), Y15, Y0
	VMULPD  (R11)(DI*8), Y0, Y0
	VMULPD  Y14, Y0, Y0
	VMOVUPD Y0, (R8)(DI*8)
	ADDQ    $4, DI
	CMPQ    DI, CX
	JLT     runPlainBlock
	CMPQ    DI, DX
	JGE     runPlainNext
	MOVQ    BX, DI
	JMP     runPlainBlock

runPlainNext:
	ADDQ R13, R8
	ADDQ R13, R10
	ADDQ R13, R11
	DECQ SI
	JNZ  runPlain
	VZEROUPPER
	RET
