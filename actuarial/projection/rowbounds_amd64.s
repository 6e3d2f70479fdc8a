//go:build amd64 && !purego

#include "textflag.h"

// rbLanes<> holds the lane numbers 0..3: a row's offset in its block.
DATA rbLanes<>+0(SB)/8, $0
DATA rbLanes<>+8(SB)/8, $1
DATA rbLanes<>+16(SB)/8, $2
DATA rbLanes<>+24(SB)/8, $3
GLOBL rbLanes<>(SB), RODATA|NOPTR, $32

// func rowBoundsAVX2(rowLo, rowHi, lo0, hi0, lo1, hi1 []int, ms, top, a0, lo, hi int) (eLo, eHi int)
//
// Each block of four rows j..j+3 (DI its byte offset), min and max as a
// signed compare (VPCMPGTQ) and a blend:
//	l = min(lo0, lo1); h = min(max(hi0, hi1), min(top + j, ms))
//	rowLo = l; rowHi = h; eLo = min(eLo, a0 + j − h); eHi = max(eHi, a0 + j − l)
// then the lanes of eLo and eHi reduced to one.
//
// Registers: R8..R13 the slices rowLo, rowHi, lo0, hi0, lo1, hi1; CX the
// byte offset of the end; Y15 ms, Y14 top + j, Y13 a0 + j, Y12 4, Y11
// eLo, Y10 eHi.
TEXT ·rowBoundsAVX2(SB), NOSPLIT, $0-200
	MOVQ         rowLo_base+0(FP), R8
	MOVQ         rowLo_len+8(FP), CX
	MOVQ         rowHi_base+24(FP), R9
	MOVQ         lo0_base+48(FP), R10
	MOVQ         hi0_base+72(FP), R11
	MOVQ         lo1_base+96(FP), R12
	MOVQ         hi1_base+120(FP), R13
	VPBROADCASTQ ms+144(FP), Y15
	VPBROADCASTQ top+152(FP), Y14
	VPADDQ       rbLanes<>(SB), Y14, Y14
	VPBROADCASTQ a0+160(FP), Y13
	VPADDQ       rbLanes<>(SB), Y13, Y13
	MOVQ         $4, AX
	VMOVQ        AX, X12
	VPBROADCASTQ X12, Y12
	VPBROADCASTQ lo+168(FP), Y11
	VPBROADCASTQ hi+176(FP), Y10
	SHLQ         $3, CX
	XORQ         DI, DI

loop:
	VMOVDQU   (R10)(DI*1), Y0
	VMOVDQU   (R12)(DI*1), Y1
	VPCMPGTQ  Y1, Y0, Y4 // lo0 > lo1
	VBLENDVPD Y4, Y1, Y0, Y0 // l
	VMOVDQU   (R11)(DI*1), Y2
	VMOVDQU   (R13)(DI*1), Y3
	VPCMPGTQ  Y2, Y3, Y4 // hi1 > hi0
	VBLENDVPD Y4, Y3, Y2, Y2 // max(hi0, hi1)
	VPCMPGTQ  Y15, Y14, Y4 // top + j > ms
	VBLENDVPD Y4, Y15, Y14, Y5 // min(top + j, ms)
	VPCMPGTQ  Y5, Y2, Y4
	VBLENDVPD Y4, Y5, Y2, Y2 // h
	VMOVDQU   Y0, (R8)(DI*1)
	VMOVDQU   Y2, (R9)(DI*1)
	VPSUBQ    Y2, Y13, Y6 // a0 + j − h
	VPCMPGTQ  Y6, Y11, Y4
	VBLENDVPD Y4, Y6, Y11, Y11
	VPSUBQ    Y0, Y13, Y6 // a0 + j − l
	VPCMPGTQ  Y10, Y6, Y4
	VBLENDVPD Y4, Y6, Y10, Y10
	VPADDQ    Y12, Y14, Y14
	VPADDQ    Y12, Y13, Y13
	ADDQ      $32, DI
	CMPQ      DI, CX
	JLT       loop

	// The four lanes to one: the halves, then the two left.
	VEXTRACTI128 $1, Y11, X4
	VPCMPGTQ     X4, X11, X5
	VBLENDVPD    X5, X4, X11, X11
	VPSHUFD      $0x4e, X11, X4
	VPCMPGTQ     X4, X11, X5
	VBLENDVPD    X5, X4, X11, X11
	VMOVQ        X11, eLo+184(FP)
	VEXTRACTI128 $1, Y10, X4
	VPCMPGTQ     X10, X4, X5
	VBLENDVPD    X5, X4, X10, X10
	VPSHUFD      $0x4e, X10, X4
	VPCMPGTQ     X10, X4, X5
	VBLENDVPD    X5, X4, X10, X10
	VMOVQ        X10, eHi+192(FP)
	VZEROUPPER
	RET
