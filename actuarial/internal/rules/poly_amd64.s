//go:build amd64 && !purego

#include "textflag.h"

// polyMask<>+128·r holds, for the last block's r cells (1 to 3), the mask
// of the lanes 0..r−1 (+0) and those of the 3r coefficients of
// polyFactors3AVX2 in the block's three vectors of four (+32, +64, +96);
// factorTailAVX2 uses the first.
DATA polyMask<>+128(SB)/8, $-1
DATA polyMask<>+136(SB)/8, $0
DATA polyMask<>+144(SB)/8, $0
DATA polyMask<>+152(SB)/8, $0
DATA polyMask<>+160(SB)/8, $-1
DATA polyMask<>+168(SB)/8, $-1
DATA polyMask<>+176(SB)/8, $-1
DATA polyMask<>+184(SB)/8, $0
DATA polyMask<>+192(SB)/8, $0
DATA polyMask<>+200(SB)/8, $0
DATA polyMask<>+208(SB)/8, $0
DATA polyMask<>+216(SB)/8, $0
DATA polyMask<>+224(SB)/8, $0
DATA polyMask<>+232(SB)/8, $0
DATA polyMask<>+240(SB)/8, $0
DATA polyMask<>+248(SB)/8, $0
DATA polyMask<>+256(SB)/8, $-1
DATA polyMask<>+264(SB)/8, $-1
DATA polyMask<>+272(SB)/8, $0
DATA polyMask<>+280(SB)/8, $0
DATA polyMask<>+288(SB)/8, $-1
DATA polyMask<>+296(SB)/8, $-1
DATA polyMask<>+304(SB)/8, $-1
DATA polyMask<>+312(SB)/8, $-1
DATA polyMask<>+320(SB)/8, $-1
DATA polyMask<>+328(SB)/8, $-1
DATA polyMask<>+336(SB)/8, $0
DATA polyMask<>+344(SB)/8, $0
DATA polyMask<>+352(SB)/8, $0
DATA polyMask<>+360(SB)/8, $0
DATA polyMask<>+368(SB)/8, $0
DATA polyMask<>+376(SB)/8, $0
DATA polyMask<>+384(SB)/8, $-1
DATA polyMask<>+392(SB)/8, $-1
DATA polyMask<>+400(SB)/8, $-1
DATA polyMask<>+408(SB)/8, $0
DATA polyMask<>+416(SB)/8, $-1
DATA polyMask<>+424(SB)/8, $-1
DATA polyMask<>+432(SB)/8, $-1
DATA polyMask<>+440(SB)/8, $-1
DATA polyMask<>+448(SB)/8, $-1
DATA polyMask<>+456(SB)/8, $-1
DATA polyMask<>+464(SB)/8, $-1
DATA polyMask<>+472(SB)/8, $-1
DATA polyMask<>+480(SB)/8, $-1
DATA polyMask<>+488(SB)/8, $0
DATA polyMask<>+496(SB)/8, $0
DATA polyMask<>+504(SB)/8, $0
GLOBL polyMask<>(SB), RODATA|NOPTR, $512

// Each block of four cells j..j+3 (DI = j): out = f·r where 0 < f, the
// other lanes of out reloaded and stored as they were; the last len mod 4
// cells under a mask (their lanes past the row load f = 0, which is not
// above 0, and store nothing).
//
// Registers: R8, R9 the slices out, f; CX the first cell past the full
// blocks, AX the cells of the last block, DI the cell; Y15 r, Y14 0.

// func factorTailAVX2(out, f []float64, r float64)
TEXT ·factorTailAVX2(SB), NOSPLIT, $0-56
	MOVQ         out_base+0(FP), R8
	MOVQ         f_base+24(FP), R9
	MOVQ         f_len+32(FP), CX
	VBROADCASTSD r+48(FP), Y15
	VXORPD       Y14, Y14, Y14
	MOVQ         CX, AX
	ANDQ         $3, AX
	SUBQ         AX, CX
	XORQ         DI, DI

ftLoop:
	CMPQ      DI, CX
	JGE       ftLast
	VMOVUPD   (R9)(DI*8), Y0
	VCMPPD    $0x1e, Y14, Y0, Y1 // 0 < f
	VMULPD    Y15, Y0, Y0
	VMOVUPD   (R8)(DI*8), Y2
	VBLENDVPD Y1, Y0, Y2, Y0
	VMOVUPD   Y0, (R8)(DI*8)
	ADDQ      $4, DI
	JMP       ftLoop

ftLast:
	TESTQ      AX, AX
	JZ         ftDone
	SHLQ       $7, AX
	LEAQ       polyMask<>(SB), BX
	VMOVUPD    (BX)(AX*1), Y5
	VMASKMOVPD (R9)(DI*8), Y5, Y0
	VCMPPD     $0x1e, Y14, Y0, Y1
	VMULPD     Y15, Y0, Y0
	VMASKMOVPD Y0, Y1, (R8)(DI*8)

ftDone:
	VZEROUPPER
	RET

// Each block of four cells j..j+3 (DI = j, DX at d[3j]) loads their 12
// coefficients, c0 c1 c2 of cell j first, into Y0..Y2 and sorts them into
// the vectors of each coefficient, c0 (Y6), c1 (Y7) and c2 (Y8):
//
//	Y0 = a0 b0 c0 a1   Y1 = b1 c1 a2 b2   Y2 = c2 a3 b3 c3
//	Y3 = a0 b0 a2 b2   Y4 = c0 a1 c2 a3   Y5 = b1 c1 b3 c3
//
// then out = f·((c0 + c1·x1) + c2·x2) where 0 < f, the other lanes of out
// reloaded and stored as they were. The last len mod 4 cells load their
// 3·(len mod 4) coefficients and their f under polyMask's masks (the other
// lanes 0: f = 0 is not above 0, and stores nothing).
//
// Registers: R8, R9 the slices out, f, DX the block's coefficients; CX the
// first cell past the full blocks, AX the cells of the last block, DI the
// cell; Y13 x1, Y12 x2, Y14 0.

// func polyFactors3AVX2(out, f, d []float64, x1, x2 float64)
TEXT ·polyFactors3AVX2(SB), NOSPLIT, $0-88
	MOVQ         out_base+0(FP), R8
	MOVQ         f_base+24(FP), R9
	MOVQ         f_len+32(FP), CX
	MOVQ         d_base+48(FP), DX
	VBROADCASTSD x1+72(FP), Y13
	VBROADCASTSD x2+80(FP), Y12
	VXORPD       Y14, Y14, Y14
	MOVQ         CX, AX
	ANDQ         $3, AX
	SUBQ         AX, CX
	XORQ         DI, DI

pfLoop:
	CMPQ       DI, CX
	JGE        pfLast
	VMOVUPD    (DX), Y0
	VMOVUPD    32(DX), Y1
	VMOVUPD    64(DX), Y2
	VBLENDPD   $0x0c, Y1, Y0, Y3
	VPERM2F128 $0x21, Y2, Y0, Y4
	VBLENDPD   $0x0c, Y2, Y1, Y5
	VBLENDPD   $0x0a, Y4, Y3, Y6 // c0
	VSHUFPD    $0x05, Y5, Y3, Y7 // c1
	VBLENDPD   $0x0a, Y5, Y4, Y8 // c2
	VMULPD     Y13, Y7, Y7
	VMULPD     Y12, Y8, Y8
	VADDPD     Y7, Y6, Y6
	VADDPD     Y8, Y6, Y6
	VMOVUPD    (R9)(DI*8), Y0
	VCMPPD     $0x1e, Y14, Y0, Y1 // 0 < f
	VMULPD     Y6, Y0, Y0
	VMOVUPD    (R8)(DI*8), Y2
	VBLENDVPD  Y1, Y0, Y2, Y0
	VMOVUPD    Y0, (R8)(DI*8)
	ADDQ       $4, DI
	ADDQ       $96, DX
	JMP        pfLoop

pfLast:
	TESTQ      AX, AX
	JZ         pfDone
	SHLQ       $7, AX
	LEAQ       polyMask<>(SB), BX
	ADDQ       AX, BX
	VMOVUPD    32(BX), Y5
	VMASKMOVPD (DX), Y5, Y0
	VMOVUPD    64(BX), Y5
	VMASKMOVPD 32(DX), Y5, Y1
	VMOVUPD    96(BX), Y5
	VMASKMOVPD 64(DX), Y5, Y2
	VBLENDPD   $0x0c, Y1, Y0, Y3
	VPERM2F128 $0x21, Y2, Y0, Y4
	VBLENDPD   $0x0c, Y2, Y1, Y5
	VBLENDPD   $0x0a, Y4, Y3, Y6
	VSHUFPD    $0x05, Y5, Y3, Y7
	VBLENDPD   $0x0a, Y5, Y4, Y8
	VMULPD     Y13, Y7, Y7
	VMULPD     Y12, Y8, Y8
	VADDPD     Y7, Y6, Y6
	VADDPD     Y8, Y6, Y6
	VMOVUPD    (BX), Y5
	VMASKMOVPD (R9)(DI*8), Y5, Y0
	VCMPPD     $0x1e, Y14, Y0, Y1
	VMULPD     Y6, Y0, Y0
	VMASKMOVPD Y0, Y1, (R8)(DI*8)

pfDone:
	VZEROUPPER
	RET

// Each block of four cells j..j+3 (DI = j): have |= need (the bools 0 or
// 1, four bytes at once); the need bytes widened to the lanes' mask (Y1,
// 0 < need), and where it is set r = v, out0 = in0·v, out1 = in1·v, the
// other lanes of r, out0 and out1 reloaded and stored as they were. The
// last len mod 4 cells gather their need bytes one by one (lane i from
// byte i, the lanes past them 0: no load or store of theirs).
//
// Registers: R8..R13 and SI the slices r, have, need, in0, in1, out0,
// out1; CX the first cell past the full blocks, AX the cells of the last
// block, DI the cell; Y15 v, Y14 0.

// func ratioTailAVX2(r []float64, have, need []bool, in0, in1, out0, out1 []float64, v float64)
TEXT ·ratioTailAVX2(SB), NOSPLIT, $0-176
	MOVQ         r_base+0(FP), R8
	MOVQ         have_base+24(FP), R9
	MOVQ         need_base+48(FP), R10
	MOVQ         need_len+56(FP), CX
	MOVQ         in0_base+72(FP), R11
	MOVQ         in1_base+96(FP), R12
	MOVQ         out0_base+120(FP), R13
	MOVQ         out1_base+144(FP), SI
	VBROADCASTSD v+168(FP), Y15
	VPXOR        Y14, Y14, Y14
	MOVQ         CX, AX
	ANDQ         $3, AX
	SUBQ         AX, CX
	XORQ         DI, DI

rtLoop:
	CMPQ      DI, CX
	JGE       rtLast
	MOVL      (R10)(DI*1), DX
	ORL       DX, (R9)(DI*1)
	VMOVQ     DX, X0
	VPMOVZXBQ X0, Y0
	VPCMPGTQ  Y14, Y0, Y1 // 0 < need
	VMOVUPD   (R8)(DI*8), Y2
	VBLENDVPD Y1, Y15, Y2, Y2
	VMOVUPD   Y2, (R8)(DI*8)
	VMULPD    (R11)(DI*8), Y15, Y3
	VMOVUPD   (R13)(DI*8), Y4
	VBLENDVPD Y1, Y3, Y4, Y4
	VMOVUPD   Y4, (R13)(DI*8)
	VMULPD    (R12)(DI*8), Y15, Y3
	VMOVUPD   (SI)(DI*8), Y4
	VBLENDVPD Y1, Y3, Y4, Y4
	VMOVUPD   Y4, (SI)(DI*8)
	ADDQ      $4, DI
	JMP       rtLoop

rtLast:
	TESTQ AX, AX
	JZ    rtDone
	LEAQ  (R10)(DI*1), R10
	LEAQ  (R9)(DI*1), R9
	XORQ  DX, DX

rtByte:
	DECQ    AX
	MOVBQZX (R10)(AX*1), CX
	ORB     CX, (R9)(AX*1)
	SHLQ    $8, DX
	ORQ     CX, DX
	TESTQ   AX, AX
	JNZ     rtByte
	VMOVQ      DX, X0
	VPMOVZXBQ  X0, Y0
	VPCMPGTQ   Y14, Y0, Y1
	VMASKMOVPD Y15, Y1, (R8)(DI*8)
	VMASKMOVPD (R11)(DI*8), Y1, Y3
	VMULPD     Y3, Y15, Y3
	VMASKMOVPD Y3, Y1, (R13)(DI*8)
	VMASKMOVPD (R12)(DI*8), Y1, Y3
	VMULPD     Y3, Y15, Y3
	VMASKMOVPD Y3, Y1, (SI)(DI*8)

rtDone:
	VZEROUPPER
	RET
