//go:build amd64 && !purego

#include "textflag.h"

DATA pensionRowOne<>+0(SB)/8, $1.0
GLOBL pensionRowOne<>(SB), RODATA|NOPTR, $8
DATA pensionRowHalf<>+0(SB)/8, $0.5
GLOBL pensionRowHalf<>(SB), RODATA|NOPTR, $8

// pensionRowMask<>+32·c is the mask of the lanes 4−c..3.
DATA pensionRowMask<>+0(SB)/8, $0
DATA pensionRowMask<>+8(SB)/8, $0
DATA pensionRowMask<>+16(SB)/8, $0
DATA pensionRowMask<>+24(SB)/8, $0
DATA pensionRowMask<>+32(SB)/8, $0
DATA pensionRowMask<>+40(SB)/8, $0
DATA pensionRowMask<>+48(SB)/8, $0
DATA pensionRowMask<>+56(SB)/8, $-1
DATA pensionRowMask<>+64(SB)/8, $0
DATA pensionRowMask<>+72(SB)/8, $0
DATA pensionRowMask<>+80(SB)/8, $-1
DATA pensionRowMask<>+88(SB)/8, $-1
DATA pensionRowMask<>+96(SB)/8, $0
DATA pensionRowMask<>+104(SB)/8, $-1
DATA pensionRowMask<>+112(SB)/8, $-1
DATA pensionRowMask<>+120(SB)/8, $-1
DATA pensionRowMask<>+128(SB)/8, $-1
DATA pensionRowMask<>+136(SB)/8, $-1
DATA pensionRowMask<>+144(SB)/8, $-1
DATA pensionRowMask<>+152(SB)/8, $-1
GLOBL pensionRowMask<>(SB), RODATA|NOPTR, $160

// Each block of four ages k..k+3 (SI its byte offset) reads n, a, o and q
// of those ages, then stores the survivors in the ages k+1..k+4 of n, a
// and o: the age k+4 is the lowest of the block above, read already. A
// lane without survivors (an empty cell, or no one left) stores zeros. The
// operations are those of pensionRow and rules.PaymentLimits.Pay, in their
// order (the sums by lane):
//	d = n·q, h = 1 − 0.5·q
//	pay = a, or with limits: min(a, n·cap) then max(·, n·floor)
//	tu = pay − o where own and pay > o, else 0 (with limits)
//	paid += pay·h; topUp += tu·h; deaths += d
//	dn += d; da += pay·q (with spouse)
//	n' = n − d, a' = a·(1 − q)·ix, o' = o·(1 − q)·ix where n' > 0.
// VMINPD and VMAXPD give their second source when the comparison fails
// (or is unordered), as Pay's ifs keep a: an empty cell's n·cap, 0·(+Inf)
// = NaN, leaves its 0. The last block, of the r = len(q) mod 4 lowest
// ages, starts 4 − r ages below the strip: it loads its r ages under a
// mask (the lanes below load zeros, which add zeros and leave no
// survivors) and stores r + 1 ages, the lowest left empty; when r = 0
// the lowest age is emptied apart.
//
// Registers: R8..R13 the slices n, a, o, q, dn, da; Y15 1, Y13 ix, Y9 0;
// Y14 topUp, Y12 paid, Y11 deaths, Y10 the lanes that moved; on the stack
// 0.5, the floor, the cap and own (all ones or 0), four lanes each.
// LOAD and MLOAD (under the mask at AX) read n, a, o and q into Y0..Y3;
// SPOUSE and MSPOUSE add to dn and da; STORE and MSTORE (under the mask at
// AX+32) store n', a' and o' from Y0..Y2.
#define LOAD \
	VMOVUPD (R8)(SI*1), Y0     \
	VMOVUPD (R9)(SI*1), Y1     \
	VMOVUPD (R10)(SI*1), Y2    \
	VMOVUPD (R11)(SI*1), Y3

#define MLOAD \
	VMOVUPD    (AX), Y8             \
	VMASKMOVPD (R8)(SI*1), Y8, Y0   \
	VMASKMOVPD (R9)(SI*1), Y8, Y1   \
	VMASKMOVPD (R10)(SI*1), Y8, Y2  \
	VMASKMOVPD (R11)(SI*1), Y8, Y3

#define HEAD \
	VMULPD  Y3, Y0, Y4          \
	VMULPD  half-32(SP), Y3, Y5 \
	VSUBPD  Y5, Y15, Y5

#define LIMITS \
	VMULPD  cap-96(SP), Y0, Y6   \
	VMINPD  Y1, Y6, Y6           \
	VMULPD  floor-64(SP), Y0, Y7 \
	VMAXPD  Y6, Y7, Y6           \
	VSUBPD  Y2, Y6, Y7           \
	VCMPPD  $0x1e, Y2, Y6, Y8    \
	VANDPD  Y8, Y7, Y7           \
	VANDPD  own-128(SP), Y7, Y7  \
	VMULPD  Y5, Y7, Y7           \
	VADDPD  Y7, Y14, Y14

#define NOLIMITS \
	VMOVAPD Y1, Y6

#define SUMS \
	VMULPD  Y5, Y6, Y5      \
	VADDPD  Y5, Y12, Y12    \
	VADDPD  Y4, Y11, Y11

#define SPOUSE \
	VADDPD  (R12)(SI*1), Y4, Y7 \
	VMOVUPD Y7, (R12)(SI*1)     \
	VMULPD  Y3, Y6, Y7          \
	VADDPD  (R13)(SI*1), Y7, Y7 \
	VMOVUPD Y7, (R13)(SI*1)

#define MSPOUSE \
	VMOVUPD    (AX), Y8            \
	VMASKMOVPD (R12)(SI*1), Y8, Y7 \
	VADDPD     Y7, Y4, Y7          \
	VMASKMOVPD Y7, Y8, (R12)(SI*1) \
	VMASKMOVPD (R13)(SI*1), Y8, Y5 \
	VMULPD     Y3, Y6, Y7          \
	VADDPD     Y5, Y7, Y7          \
	VMASKMOVPD Y7, Y8, (R13)(SI*1)

#define SURVIVORS \
	VSUBPD  Y4, Y0, Y0          \
	VCMPPD  $0x1e, Y9, Y0, Y8   \
	VORPD   Y8, Y10, Y10        \
	VANDPD  Y8, Y0, Y0          \
	VSUBPD  Y3, Y15, Y3         \
	VMULPD  Y3, Y1, Y1          \
	VMULPD  Y13, Y1, Y1         \
	VANDPD  Y8, Y1, Y1          \
	VMULPD  Y3, Y2, Y2          \
	VMULPD  Y13, Y2, Y2         \
	VANDPD  Y8, Y2, Y2

#define STORE \
	VMOVUPD Y0, 8(R8)(SI*1)     \
	VMOVUPD Y1, 8(R9)(SI*1)     \
	VMOVUPD Y2, 8(R10)(SI*1)    \
	SUBQ    $32, SI

#define MSTORE \
	VMOVUPD    32(AX), Y8            \
	VMASKMOVPD Y0, Y8, 8(R8)(SI*1)   \
	VMASKMOVPD Y1, Y8, 8(R9)(SI*1)   \
	VMASKMOVPD Y2, Y8, 8(R10)(SI*1)

// REDUCE(Y, X, in, out) stores in out the caller's sum in plus the sum of
// the lanes of Y: (0 + 2) + (1 + 3).
#define REDUCE(Y, X, in, out) \
	VEXTRACTF128 $1, Y, X0  \
	VADDPD       X0, X, X0  \
	VUNPCKHPD    X0, X0, X1 \
	VADDSD       X1, X0, X0 \
	VMOVSD       in, X1     \
	VADDSD       X0, X1, X1 \
	VMOVSD       X1, out

// func pensionRowAVX2(n, a, o, q, dn, da []float64, ix, floor, cap float64, limited, own bool, paid, topUp, deaths float64) (p, t, d float64, moved bool)
TEXT ·pensionRowAVX2(SB), NOSPLIT, $128-225
	MOVQ n_base+0(FP), R8
	MOVQ a_base+24(FP), R9
	MOVQ o_base+48(FP), R10
	MOVQ q_base+72(FP), R11
	MOVQ q_len+80(FP), SI
	MOVQ dn_base+96(FP), R12
	MOVQ da_base+120(FP), R13
	VBROADCASTSD pensionRowOne<>(SB), Y15
	VBROADCASTSD pensionRowHalf<>(SB), Y0
	VMOVUPD      Y0, half-32(SP)
	VBROADCASTSD floor+152(FP), Y0
	VMOVUPD      Y0, floor-64(SP)
	VBROADCASTSD cap+160(FP), Y0
	VMOVUPD      Y0, cap-96(SP)
	MOVBQZX      own+169(FP), AX
	NEGQ         AX
	VMOVQ        AX, X0
	VPBROADCASTQ X0, Y0
	VMOVDQU      Y0, own-128(SP)
	VBROADCASTSD ix+144(FP), Y13
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	VXORPD Y12, Y12, Y12
	VXORPD Y14, Y14, Y14
	SUBQ $4, SI
	SHLQ $3, SI // the byte offset of the top block
	// AX: the masks of the last block, of r = len(q) mod 4 ages.
	MOVQ q_len+80(FP), BX
	ANDQ $3, BX
	SHLQ $5, BX
	LEAQ pensionRowMask<>(SB), AX
	ADDQ BX, AX
	MOVBQZX limited+168(FP), BX
	TESTQ R12, R12
	JZ    plain
	TESTQ BX, BX
	JZ    spouse

	TESTQ SI, SI
	JL    limitedSpouseLast
limitedSpouse:
	LOAD
	HEAD
	LIMITS
	SUMS
	SPOUSE
	SURVIVORS
	STORE
	JGE limitedSpouse
limitedSpouseLast:
	CMPQ SI, $-32
	JE   empty
	MLOAD
	HEAD
	LIMITS
	SUMS
	MSPOUSE
	SURVIVORS
	MSTORE
	JMP done

spouse:
	TESTQ SI, SI
	JL    spouseLast
spouseLoop:
	LOAD
	HEAD
	NOLIMITS
	SUMS
	SPOUSE
	SURVIVORS
	STORE
	JGE spouseLoop
spouseLast:
	CMPQ SI, $-32
	JE   empty
	MLOAD
	HEAD
	NOLIMITS
	SUMS
	MSPOUSE
	SURVIVORS
	MSTORE
	JMP done

plain:
	TESTQ BX, BX
	JZ    plainStart
	TESTQ SI, SI
	JL    limitedPlainLast
limitedPlain:
	LOAD
	HEAD
	LIMITS
	SUMS
	SURVIVORS
	STORE
	JGE limitedPlain
limitedPlainLast:
	CMPQ SI, $-32
	JE   empty
	MLOAD
	HEAD
	LIMITS
	SUMS
	SURVIVORS
	MSTORE
	JMP done

plainStart:
	TESTQ SI, SI
	JL    plainLast
plainLoop:
	LOAD
	HEAD
	NOLIMITS
	SUMS
	SURVIVORS
	STORE
	JGE plainLoop
plainLast:
	CMPQ SI, $-32
	JE   empty
	MLOAD
	HEAD
	NOLIMITS
	SUMS
	SURVIVORS
	MSTORE
	JMP done

empty:
	// The lowest age, read, is left empty.
	MOVQ $0, (R8)
	MOVQ $0, (R9)
	MOVQ $0, (R10)

done:
	REDUCE(Y12, X12, paid+176(FP), p+200(FP))
	REDUCE(Y14, X14, topUp+184(FP), t+208(FP))
	REDUCE(Y11, X11, deaths+192(FP), d+216(FP))
	VMOVMSKPD Y10, AX
	TESTL     AX, AX
	SETNE     moved+224(FP)
	VZEROUPPER
	RET
