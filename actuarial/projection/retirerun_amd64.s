//go:build amd64 && !purego

#include "textflag.h"

DATA retireRunOne<>+0(SB)/8, $1.0
GLOBL retireRunOne<>(SB), RODATA|NOPTR, $8

// Each block of four cells j..j+3 (DI = j) retires at the rates r, as
// retireRun and rules.Clamp do, in their order (the sums by lane):
//	m = n·r; sn += m
//	own = min(f·sal·sustain, n·cap) then amt = max(own, n·floor)
//	sa += r·amt; so += r·own; rs = r·sal; ss += rs; sr += rs·ref (or rs)
//	n' = n − m, s' = sal·(1 − r) where r < 1 and n' ≠ 0, else 0.
// VMINPD and VMAXPD give their second source when the comparison fails
// (or is unordered), as Clamp's ifs keep the amount: an empty cell's
// n·cap, 0·(+Inf) = NaN, leaves its 0.
//
// Registers: R8..R13 the slices n, s, kinds, rates, factors, ref; DI the
// cell, CX the last cell a block can start at, DX the kind in four bytes;
// Y15 1, Y14 sustain, Y13 floor, Y12 cap, Y11 0; Y10 sn, Y9 sa, Y8 so, Y7
// ss, Y6 sr.
#define BLOCK_HEAD \
	VMOVUPD (R8)(DI*8), Y0      \
	VMOVUPD (R11)(DI*8), Y1     \
	VMOVUPD (R9)(DI*8), Y2      \
	VMULPD  Y1, Y0, Y3          \
	VADDPD  Y3, Y10, Y10        \
	VMULPD  (R12)(DI*8), Y2, Y4 \
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

#define BLOCK_TAIL \
	VADDPD  Y4, Y6, Y6          \
	VSUBPD  Y3, Y0, Y0          \
	VCMPPD  $0x0c, Y11, Y0, Y3  \
	VCMPPD  $0x11, Y15, Y1, Y5  \
	VANDPD  Y5, Y3, Y3          \
	VANDPD  Y3, Y0, Y0          \
	VMOVUPD Y0, (R8)(DI*8)      \
	VSUBPD  Y1, Y15, Y1         \
	VMULPD  Y1, Y2, Y2          \
	VANDPD  Y3, Y2, Y2          \
	VMOVUPD Y2, (R9)(DI*8)      \
	ADDQ    $4, DI

// REDUCE(Y, X, in, out) stores in+out the caller's sum in plus the sum of
// the lanes of Y: (0 + 2) + (1 + 3).
#define REDUCE(Y, X, in, out) \
	VEXTRACTF128 $1, Y, X0  \
	VADDPD       X0, X, X0  \
	VUNPCKHPD    X0, X0, X1 \
	VADDSD       X1, X0, X0 \
	VMOVSD       in, X1     \
	VADDSD       X0, X1, X1 \
	VMOVSD       X1, out

// func retireRunAVX2(n, s []float64, kinds []rules.Exit, rates, factors, ref []float64, j int, kind rules.Exit, sustain, floor, cap, sn, sa, so, ss, sr float64) (next int, tn, ta, to, ts, tr float64)
TEXT ·retireRunAVX2(SB), NOSPLIT, $0-272
	MOVQ n_base+0(FP), R8
	MOVQ n_len+8(FP), CX
	MOVQ s_base+24(FP), R9
	MOVQ kinds_base+48(FP), R10
	MOVQ rates_base+72(FP), R11
	MOVQ factors_base+96(FP), R12
	MOVQ ref_base+120(FP), R13
	MOVQ j+144(FP), DI
	MOVBLZX kind+152(FP), DX
	IMUL3L $0x01010101, DX, DX
	SUBQ $4, CX
	VBROADCASTSD retireRunOne<>(SB), Y15
	VBROADCASTSD sustain+160(FP), Y14
	VBROADCASTSD floor+168(FP), Y13
	VBROADCASTSD cap+176(FP), Y12
	VXORPD Y11, Y11, Y11
	VXORPD Y10, Y10, Y10
	VXORPD Y9, Y9, Y9
	VXORPD Y8, Y8, Y8
	VXORPD Y7, Y7, Y7
	VXORPD Y6, Y6, Y6
	TESTQ R13, R13
	JZ    noref

withref:
	CMPQ DI, CX
	JGT  done
	MOVL (R10)(DI*1), AX
	CMPL AX, DX
	JNE  done
	BLOCK_HEAD
	VMULPD (R13)(DI*8), Y4, Y4
	BLOCK_TAIL
	JMP withref

noref:
	CMPQ DI, CX
	JGT  done
	MOVL (R10)(DI*1), AX
	CMPL AX, DX
	JNE  done
	BLOCK_HEAD
	BLOCK_TAIL
	JMP noref

done:
	MOVQ DI, next+224(FP)
	REDUCE(Y10, X10, sn+184(FP), tn+232(FP))
	REDUCE(Y9, X9, sa+192(FP), ta+240(FP))
	REDUCE(Y8, X8, so+200(FP), to+248(FP))
	REDUCE(Y7, X7, ss+208(FP), ts+256(FP))
	REDUCE(Y6, X6, sr+216(FP), tr+264(FP))
	VZEROUPPER
	RET
