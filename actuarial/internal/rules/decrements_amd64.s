//go:build amd64 && !purego

#include "textflag.h"

// decConst<> holds 1, 0.5 and ⅓ (the float64 nearest, Go's 1.0 / 3).
DATA decConst<>+0(SB)/8, $0x3ff0000000000000
DATA decConst<>+8(SB)/8, $0x3fe0000000000000
DATA decConst<>+16(SB)/8, $0x3fd5555555555555
GLOBL decConst<>(SB), RODATA|NOPTR, $24

// DEP computes four cells from qi (Y0), qw (Y1) and the merit m (Y9), as
// dependentRow and exposure do, each operation theirs in their order:
//
//	dd (Y2) = d0·((1 − 0.5·(qi+qw)) + (⅓·qi)·qw)
//	di (Y4) = qi·((1 − 0.5·(d0+qw)) + (⅓·d0)·qw)
//	dw (Y6) = qw·((1 − 0.5·(d0+qi)) + (⅓·d0)·qi)
//
// then, where qi = qw = 0 (the mask in Y3), dd = d0 and di = dw = +0 by a
// blend (so that a d0 outside [0, 1], NaN or infinite, gives them as the
// Go form's case does); qt (Y3) = (dd + di) + dw, e (Y3) = 1 − 0.5·qt,
// f (Y5) = max(1 − qt, 0) and fm (Y7) = f·m. VMAXPD returns its second
// source (Intel order; the first operand here) when either is NaN or both
// are zeros, so that f is 1 − qt but where it is below 0, as the Go form's
// `if f < 0 { f = 0 }`: NaN passes through. Y15 d0, Y14 1, Y13 0.5, Y12
// ⅓, Y11 ⅓·d0, Y10 0.
#define DEP \
	VADDPD    Y1, Y0, Y2      \
	VMULPD    Y2, Y13, Y2     \
	VSUBPD    Y2, Y14, Y2     \
	VMULPD    Y0, Y12, Y3     \
	VMULPD    Y1, Y3, Y3      \
	VADDPD    Y3, Y2, Y2      \
	VMULPD    Y2, Y15, Y2     \
	VADDPD    Y1, Y15, Y4     \
	VMULPD    Y4, Y13, Y4     \
	VSUBPD    Y4, Y14, Y4     \
	VMULPD    Y1, Y11, Y5     \
	VADDPD    Y5, Y4, Y4      \
	VMULPD    Y4, Y0, Y4      \
	VADDPD    Y0, Y15, Y6     \
	VMULPD    Y6, Y13, Y6     \
	VSUBPD    Y6, Y14, Y6     \
	VMULPD    Y0, Y11, Y7     \
	VADDPD    Y7, Y6, Y6      \
	VMULPD    Y6, Y1, Y6      \
	VCMPPD    $0, Y10, Y0, Y3 \
	VCMPPD    $0, Y10, Y1, Y5 \
	VANDPD    Y5, Y3, Y3      \
	VBLENDVPD Y3, Y15, Y2, Y2 \
	VANDNPD   Y4, Y3, Y4      \
	VANDNPD   Y6, Y3, Y6      \
	VADDPD    Y4, Y2, Y3      \
	VADDPD    Y6, Y3, Y3      \
	VSUBPD    Y3, Y14, Y5     \
	VMAXPD    Y5, Y10, Y5     \
	VMULPD    Y3, Y13, Y3     \
	VSUBPD    Y3, Y14, Y3     \
	VMULPD    Y9, Y5, Y7

// func dependentFieldsAVX2(v *float64, plane int, dis, wd, merit []float64, d0 float64)
//
// Each block of four cells j..j+3 (AX = j): qi, qw and m loaded, DEP, the
// six fields stored; the last len mod 4 cells loaded and stored under the
// mask of their lanes (Y8; the lanes past them load 0, and store nothing).
//
// Registers: R8..R13 the fields D, I, W, E, F, FM (v + k·plane·8); SI
// dis, DI wd, BX merit; CX len, DX the end of the full blocks (then the
// plane's bytes), AX the cell.
TEXT ·dependentFieldsAVX2(SB), NOSPLIT, $0-96
	MOVQ         v+0(FP), R8
	MOVQ         plane+8(FP), DX
	SHLQ         $3, DX
	LEAQ         (R8)(DX*1), R9
	LEAQ         (R9)(DX*1), R10
	LEAQ         (R10)(DX*1), R11
	LEAQ         (R11)(DX*1), R12
	LEAQ         (R12)(DX*1), R13
	MOVQ         dis_base+16(FP), SI
	MOVQ         dis_len+24(FP), CX
	MOVQ         wd_base+40(FP), DI
	MOVQ         merit_base+64(FP), BX
	VBROADCASTSD d0+88(FP), Y15
	VBROADCASTSD decConst<>+0(SB), Y14
	VBROADCASTSD decConst<>+8(SB), Y13
	VMOVSD       decConst<>+16(SB), X12
	VMULSD       d0+88(FP), X12, X11
	VBROADCASTSD X11, Y11
	VBROADCASTSD X12, Y12
	VXORPD       Y10, Y10, Y10
	MOVQ         CX, DX
	ANDQ         $-4, DX
	XORQ         AX, AX

dfLoop:
	CMPQ    AX, DX
	JGE     dfLast
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD (DI)(AX*8), Y1
	VMOVUPD (BX)(AX*8), Y9
	DEP
	VMOVUPD Y2, (R8)(AX*8)
	VMOVUPD Y4, (R9)(AX*8)
	VMOVUPD Y6, (R10)(AX*8)
	VMOVUPD Y3, (R11)(AX*8)
	VMOVUPD Y5, (R12)(AX*8)
	VMOVUPD Y7, (R13)(AX*8)
	ADDQ    $4, AX
	JMP     dfLoop

dfLast:
	SUBQ       AX, CX
	JZ         dfDone
	SHLQ       $5, CX
	LEAQ       ·laneMask(SB), DX
	VMOVUPD    (DX)(CX*1), Y8
	VMASKMOVPD (SI)(AX*8), Y8, Y0
	VMASKMOVPD (DI)(AX*8), Y8, Y1
	VMASKMOVPD (BX)(AX*8), Y8, Y9
	DEP
	VMASKMOVPD Y2, Y8, (R8)(AX*8)
	VMASKMOVPD Y4, Y8, (R9)(AX*8)
	VMASKMOVPD Y6, Y8, (R10)(AX*8)
	VMASKMOVPD Y3, Y8, (R11)(AX*8)
	VMASKMOVPD Y5, Y8, (R12)(AX*8)
	VMASKMOVPD Y7, Y8, (R13)(AX*8)

dfDone:
	VZEROUPPER
	RET
