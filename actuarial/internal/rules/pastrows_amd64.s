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
