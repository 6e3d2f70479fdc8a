//go:build amd64 && !purego

#include "go_asm.h"
#include "textflag.h"

DATA retireRunOne<>+0(SB)/8, $1.0
GLOBL retireRunOne<>(SB), RODATA|NOPTR, $8

// Each block of four cells j..j+3 (DI = j) retires at the rates r, as
// retireRun and rules.Clamp do, in their order (the sums by lane):
//	m = n·r; sn += m
//	own = min(f·sal·sustain, n·cap) then amt = max(own, n·floor)
//	sa += r·amt; so += r·own; rs = r·sal; ss += rs; sr += rs·ref (or rs)
// A row of one reference ratio v (retRow.scalar) has f = factors·v and
// ref = v in every cell.
//	n' = n − m, s' = sal·(1 − r) where r < 1 and n' ≠ 0, else 0.
// VMINPD and VMAXPD give their second source when the comparison fails
// (or is unordered), as Clamp's ifs keep the amount: an empty cell's
// n·cap, 0·(+Inf) = NaN, leaves its 0. The last block, of the 1 to 3
// cells of the run left, loads and stores its cells under a mask: the
// lanes past them load zeros, which add zeros.
//
// Registers: R8..R13 the slices n, s, kinds, rates, factors, ref; DI the
// cell, CX len(n), SI the last cell a block can start at, DX the kind, BX
// the kind in four bytes; Y15 1, Y14 sustain, Y13 floor, Y12 cap, Y11 0;
// Y10 sn, Y9 sa, Y8 so, Y7 ss, Y6 sr. On the stack, the last block's mask
// and reference ratios, the row's ratio v in four lanes and whether the
// row is scalar.

// PENSIONS computes the block's retirements and pensions from n (Y0), r
// (Y1), sal (Y2) and f·sal (Y4), and leaves rs in Y4.
#define PENSIONS \
	VMULPD  Y1, Y0, Y3          \
	VADDPD  Y3, Y10, Y10        \
	VMULPD  Y14, Y4, Y4         \
	VMULPD  Y12, Y0, Y5         \
	VMINPD  Y4, Y5, Y4          \
	VMULPD  Y13, Y0, Y5         \
	VMAXPD  Y4, Y5, Y5          \
	VMULPD  Y1, Y5, Y5          \
	VADDPD  Y5, Y9, Y9          \
	VMULPD  Y1, Y4, Y4          \
	VADDPD  Y4, Y8, Y8          \
	VMULPD  Y2, Y1, Y4          \
	VADDPD  Y4, Y7, Y7

// STAY adds rf (Y4) to sr and computes those who stay, n' (Y0) and s'
// (Y2), under the mask Y3.
#define STAY \
	VADDPD  Y4, Y6, Y6          \
	VSUBPD  Y3, Y0, Y0          \
	VCMPPD  $0x0c, Y11, Y0, Y3  \
	VCMPPD  $0x11, Y15, Y1, Y5  \
	VANDPD  Y5, Y3, Y3          \
	VANDPD  Y3, Y0, Y0          \
	VSUBPD  Y1, Y15, Y1         \
	VMULPD  Y1, Y2, Y2          \
	VANDPD  Y3, Y2, Y2

#define LOAD \
	VMOVUPD (R8)(DI*8), Y0      \
	VMOVUPD (R11)(DI*8), Y1     \
	VMOVUPD (R9)(DI*8), Y2      \
	VMULPD  (R12)(DI*8), Y2, Y4

#define STORE \
	VMOVUPD Y0, (R8)(DI*8)      \
	VMOVUPD Y2, (R9)(DI*8)      \
	ADDQ    $4, DI

// REDUCE(Y, X, at) adds to the sum at the sum of the lanes of Y:
// (0 + 2) + (1 + 3).
#define REDUCE(Y, X, at) \
	VEXTRACTF128 $1, Y, X0  \
	VADDPD       X0, X, X0  \
	VUNPCKHPD    X0, X0, X1 \
	VADDSD       X1, X0, X0 \
	VMOVSD       at, X1     \
	VADDSD       X0, X1, X1 \
	VMOVSD       X1, at

// func retireRunAVX2(row *retRow, j int, kind rules.Exit, sums *retSums) int
TEXT ·retireRunAVX2(SB), NOSPLIT, $104-40
	MOVQ row+0(FP), AX
	MOVQ retRow_n(AX), R8
	MOVQ retRow_n+8(AX), CX
	MOVQ retRow_s(AX), R9
	MOVQ retRow_kinds(AX), R10
	MOVQ retRow_rates(AX), R11
	MOVQ retRow_factors(AX), R12
	MOVQ retRow_ref(AX), R13
	VBROADCASTSD retRow_sustain(AX), Y14
	VBROADCASTSD retRow_retFloor(AX), Y13
	VBROADCASTSD retRow_retCap(AX), Y12
	VBROADCASTSD retireRunOne<>(SB), Y15
	VBROADCASTSD retRow_refV(AX), Y0
	VMOVUPD      Y0, v-96(SP)
	MOVBLZX      retRow_scalar(AX), DX
	MOVQ         DX, scalar-104(SP)
	MOVQ    j+8(FP), DI
	MOVBLZX kind+16(FP), DX
	IMUL3L  $0x01010101, DX, BX
	LEAQ    -4(CX), SI
	VXORPD Y11, Y11, Y11
	VXORPD Y10, Y10, Y10
	VXORPD Y9, Y9, Y9
	VXORPD Y8, Y8, Y8
	VXORPD Y7, Y7, Y7
	VXORPD Y6, Y6, Y6
	TESTQ R13, R13
	JNZ   withref
	CMPQ  scalar-104(SP), $0
	JNE   scalar
	JMP   noref

withref:
	CMPQ DI, SI
	JGT  last
	MOVL (R10)(DI*1), AX
	CMPL AX, BX
	JNE  last
	LOAD
	PENSIONS
	VMULPD (R13)(DI*8), Y4, Y4
	STAY
	STORE
	JMP withref

noref:
	CMPQ DI, SI
	JGT  last
	MOVL (R10)(DI*1), AX
	CMPL AX, BX
	JNE  last
	LOAD
	PENSIONS
	STAY
	STORE
	JMP noref

scalar:
	// f = factors·v, then as LOAD; rf = rs·v.
	CMPQ DI, SI
	JGT  last
	MOVL (R10)(DI*1), AX
	CMPL AX, BX
	JNE  last
	VMOVUPD (R8)(DI*8), Y0
	VMOVUPD (R11)(DI*8), Y1
	VMOVUPD (R9)(DI*8), Y2
	VMOVUPD (R12)(DI*8), Y4
	VMULPD  v-96(SP), Y4, Y4
	VMULPD  Y4, Y2, Y4
	PENSIONS
	VMULPD  v-96(SP), Y4, Y4
	STAY
	STORE
	JMP scalar

last:
	// c, in SI: the cells of the kind among the next min(3, len − j).
	MOVQ CX, AX
	SUBQ DI, AX
	CMPQ AX, $3
	JLE  count
	MOVQ $3, AX

count:
	LEAQ (R10)(DI*1), BX
	XORQ SI, SI

countLoop:
	CMPQ    SI, AX
	JGE     counted
	MOVBLZX (BX)(SI*1), CX
	CMPL    CX, DX
	JNE     counted
	INCQ    SI
	JMP     countLoop

counted:
	TESTQ SI, SI
	JZ    done
	MOVQ  SI, AX
	SHLQ  $5, AX
	LEAQ  ·laneMask(SB), BX
	VMOVUPD (BX)(AX*1), Y5
	VMOVUPD Y5, mask-32(SP)
	VMASKMOVPD (R8)(DI*8), Y5, Y0
	VMASKMOVPD (R11)(DI*8), Y5, Y1
	VMASKMOVPD (R9)(DI*8), Y5, Y2
	VMASKMOVPD (R12)(DI*8), Y5, Y4
	VMOVAPD    Y15, Y3 // without reference ratios, rs·1 = rs
	TESTQ R13, R13
	JZ    lastScalar
	VMASKMOVPD (R13)(DI*8), Y5, Y3
	JMP   lastRef

lastScalar:
	CMPQ    scalar-104(SP), $0
	JE      lastRef
	VMOVUPD v-96(SP), Y3
	VMULPD  Y3, Y4, Y4 // f = factors·v

lastRef:
	VMOVUPD Y3, ref-64(SP)
	VMULPD  Y2, Y4, Y4
	PENSIONS
	VMULPD  ref-64(SP), Y4, Y4
	STAY
	VMOVUPD mask-32(SP), Y5
	VMASKMOVPD Y0, Y5, (R8)(DI*8)
	VMASKMOVPD Y2, Y5, (R9)(DI*8)
	ADDQ SI, DI

done:
	MOVQ DI, ret+32(FP)
	MOVQ sums+24(FP), AX
	REDUCE(Y10, X10, retSums_n(AX))
	REDUCE(Y9, X9, retSums_a(AX))
	REDUCE(Y8, X8, retSums_o(AX))
	REDUCE(Y7, X7, retSums_s(AX))
	REDUCE(Y6, X6, retSums_r(AX))
	VZEROUPPER
	RET
