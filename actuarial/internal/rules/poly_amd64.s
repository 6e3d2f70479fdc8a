//go:build amd64 && !purego

#include "textflag.h"

// polyLanes<>+32·i holds the lane numbers 4i..4i+3: a count r broadcast
// and compared with them (r > lane) gives the mask of the first r lanes
// (i = 0), and 3r those of a block's 3r coefficients in its three vectors.
DATA polyLanes<>+0(SB)/8, $0
DATA polyLanes<>+8(SB)/8, $1
DATA polyLanes<>+16(SB)/8, $2
DATA polyLanes<>+24(SB)/8, $3
DATA polyLanes<>+32(SB)/8, $4
DATA polyLanes<>+40(SB)/8, $5
DATA polyLanes<>+48(SB)/8, $6
DATA polyLanes<>+56(SB)/8, $7
DATA polyLanes<>+64(SB)/8, $8
DATA polyLanes<>+72(SB)/8, $9
DATA polyLanes<>+80(SB)/8, $10
DATA polyLanes<>+88(SB)/8, $11
GLOBL polyLanes<>(SB), RODATA|NOPTR, $96

// TAIL_BLOCK(o, f) sets the four cells at o to f·r (Y12) where 0 < f (Y13
// 0), the other lanes reloaded and stored as they were.
#define TAIL_BLOCK(o, f) \
	VMOVUPD   (f), Y0          \
	VCMPPD    $0x1e, Y13, Y0, Y1 \
	VMULPD    Y12, Y0, Y0      \
	VMOVUPD   (o), Y2          \
	VBLENDVPD Y1, Y0, Y2, Y0   \
	VMOVUPD   Y0, (o)

// TAIL_AT(o, f, i) is TAIL_BLOCK at the cells i..i+3 of o and f, so that
// a loop steps one index, not two pointers.
#define TAIL_AT(o, f, i) \
	VMOVUPD   (f)(i*8), Y0     \
	VCMPPD    $0x1e, Y13, Y0, Y1 \
	VMULPD    Y12, Y0, Y0      \
	VMOVUPD   (o)(i*8), Y2     \
	VBLENDVPD Y1, Y0, Y2, Y0   \
	VMOVUPD   Y0, (o)(i*8)

// TAIL_LAST(o, f, n) is TAIL_BLOCK for the first n (1 to 3) cells: the
// lanes past them load f = 0, which is not above 0, and store nothing.
#define TAIL_LAST(o, f, n) \
	VMOVQ        n, X6            \
	VPBROADCASTQ X6, Y6           \
	VPCMPGTQ     polyLanes<>(SB), Y6, Y5 \
	VMASKMOVPD   (f), Y5, Y0      \
	VCMPPD       $0x1e, Y13, Y0, Y1 \
	VMULPD       Y12, Y0, Y0      \
	VMASKMOVPD   Y0, Y1, (o)

// POLY3 sorts the coefficients of four cells, c0 c1 c2 of the first cell
// first, in Y0..Y2 into the vectors of each coefficient and computes the
// cells' ratios (c0 + c1·x1) + c2·x2 in Y6 (Y15 x1, Y14 x2):
//
//	Y0 = a0 b0 c0 a1   Y1 = b1 c1 a2 b2   Y2 = c2 a3 b3 c3
//	Y3 = a0 b0 a2 b2   Y4 = c0 a1 c2 a3   Y5 = b1 c1 b3 c3
//	Y6 = a0 a1 a2 a3   Y7 = b0 b1 b2 b3   Y8 = c0 c1 c2 c3
#define POLY3 \
	VBLENDPD   $0x0c, Y1, Y0, Y3 \
	VPERM2F128 $0x21, Y2, Y0, Y4 \
	VBLENDPD   $0x0c, Y2, Y1, Y5 \
	VBLENDPD   $0x0a, Y4, Y3, Y6 \
	VSHUFPD    $0x05, Y5, Y3, Y7 \
	VBLENDPD   $0x0a, Y5, Y4, Y8 \
	VMULPD     Y15, Y7, Y7       \
	VMULPD     Y14, Y8, Y8       \
	VADDPD     Y7, Y6, Y6        \
	VADDPD     Y8, Y6, Y6

// func factorTailAVX2(out, f []float64, r float64)
//
// Each block of four cells: TAIL_BLOCK; the last len mod 4 cells:
// TAIL_LAST. Registers: DI, SI the cells of out and f, CX the cells left.
TEXT ·factorTailAVX2(SB), NOSPLIT, $0-56
	MOVQ         out_base+0(FP), DI
	MOVQ         f_base+24(FP), SI
	MOVQ         f_len+32(FP), CX
	VBROADCASTSD r+48(FP), Y12
	VXORPD       Y13, Y13, Y13

ftLoop:
	CMPQ CX, $4
	JLT  ftLast
	TAIL_BLOCK(DI, SI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $4, CX
	JMP  ftLoop

ftLast:
	TESTQ CX, CX
	JZ    ftDone
	TAIL_LAST(DI, SI, CX)

ftDone:
	VZEROUPPER
	RET

// func polyRows3AVX2(out, f, d []float64, sLo, sHi, tLo, tHi, same []int, ns, lo, pos int, x1, x2 float64) (bad int)
//
// PolyFactorRows with k = 3, the rows lo..len(sLo)−1 (sHi, tLo, tHi as
// long as sLo, same nil or as long): in each row of cells age·ns + s, the
// services s0 = max(sLo[age], tLo[age]) to s1 = min(sHi[age], tHi[age])
// (none when s1 < s0); from u = max(s0, same[age]) on, if not past s1,
// the cells are out = f·r, r the ratio of cell u, (c0 + c1·x1) + c2·x2
// in scalars, by TAIL_AT and TAIL_LAST, or, when u ≥ pos (every factor
// from u on above 0), by a product and a store four cells at a time, the
// last under the mask of its cells (a row all in its tail, u = s0, of
// four cells or more: its last four cells, overlapping the block before,
// the same values again, no mask and no spill of s0 and u); the cells s0..u−1 before them
// out = f·((c0 + c1·x1) + c2·x2) where 0 < f, by POLY3, the last
// (u − s0) mod 4 cells' coefficients and factors loaded under masks (the
// lanes past them 0: f = 0 is not above 0, and stores nothing). Every
// row's indices are checked against the slices' lengths before it is
// written: bad is the first age out of them (−1: none).
//
// Registers: R8..R13 the slices out, f, d, sLo, sHi, same, R14 tLo; SI
// the age, DI its first cell (age·ns); in a row AX s0, BX s1, DX u, then
// the cells of out (CX), f (AX), d (BX) and the count left (DX, BX in the
// tail, DX the tail's cell); Y15 x1, Y14 x2, Y13 0, Y12 the tail's ratio.
// On the stack, s0 and u over the tail.
TEXT ·polyRows3AVX2(SB), NOSPLIT, $16-240
	MOVQ         out_base+0(FP), R8
	MOVQ         f_base+24(FP), R9
	MOVQ         d_base+48(FP), R10
	MOVQ         sLo_base+72(FP), R11
	MOVQ         sHi_base+96(FP), R12
	MOVQ         tLo_base+120(FP), R14
	MOVQ         same_base+168(FP), R13
	MOVQ         lo+200(FP), SI
	MOVQ         SI, DI
	IMULQ        ns+192(FP), DI
	VBROADCASTSD x1+216(FP), Y15
	VBROADCASTSD x2+224(FP), Y14
	VXORPD       Y13, Y13, Y13

prRow:
	CMPQ    SI, sLo_len+80(FP)
	JGE     prOK
	MOVQ    (R11)(SI*8), AX
	MOVQ    (R14)(SI*8), CX
	CMPQ    AX, CX
	CMOVQLT CX, AX // s0 = max(sLo, tLo)
	MOVQ    (R12)(SI*8), BX
	MOVQ    tHi_base+144(FP), CX
	MOVQ    (CX)(SI*8), CX
	CMPQ    BX, CX
	CMOVQGT CX, BX // s1 = min(sHi, tHi)
	CMPQ    BX, AX
	JLT     prNext
	CMPQ    AX, f_len+32(FP)
	JAE     prBad
	CMPQ    BX, f_len+32(FP)
	JAE     prBad
	LEAQ    1(DI)(BX*1), CX
	CMPQ    CX, out_len+8(FP)
	JA      prBad
	LEAQ    1(BX), DX // u = s1 + 1: no tail
	TESTQ   R13, R13
	JZ      prHead
	MOVQ    (R13)(SI*8), CX
	CMPQ    CX, BX
	JGT     prHead
	MOVQ    CX, DX
	CMPQ    DX, AX
	CMOVQLT AX, DX // u = max(s0, same[age])

	// The tail's ratio, of cell DI + u (CX = 3·cell + 3).
	LEAQ         (DI)(DX*1), CX
	LEAQ         3(CX)(CX*2), CX
	CMPQ         CX, d_len+56(FP)
	JA           prBad
	VMOVSD       -24(R10)(CX*8), X0
	VMULSD       -16(R10)(CX*8), X15, X1
	VMULSD       -8(R10)(CX*8), X14, X2
	VADDSD       X1, X0, X0
	VADDSD       X2, X0, X0
	VBROADCASTSD X0, Y12
	CMPQ         DX, pos+208(FP)
	JLT          prSpill
	CMPQ         DX, AX
	JNE          prSpill

	// The whole row in its tail, every factor above 0 (u = s0 ≥ pos):
	// out = f·r by the cells' index j = u..s1 in the row (CX its cells of
	// out), four at a time, the last block, if the row has four cells or
	// more, its last four (overlapping: the same values again), otherwise
	// under the mask of its cells (prFastLast).
	LEAQ (R8)(DI*8), CX
	INCQ BX        // the end, s1 + 1
	LEAQ -4(BX), AX // the last block's first cell
	CMPQ DX, AX
	JGT  prRowShort

prRowLoop:
	VMULPD  (R9)(DX*8), Y12, Y0
	VMOVUPD Y0, (CX)(DX*8)
	ADDQ    $4, DX
	CMPQ    DX, AX
	JLE     prRowLoop
	CMPQ    DX, BX
	JGE     prNext
	MOVQ    AX, DX
	JMP     prRowLoop

prRowShort:
	SUBQ DX, BX         // the row's 1 to 3 cells
	LEAQ (CX)(DX*8), CX
	LEAQ (R9)(DX*8), AX
	MOVQ DX, u-16(SP)
	MOVQ DX, s0-8(SP)   // (no head)
	XORQ DX, DX
	JMP  prFastMask

prSpill:
	MOVQ         AX, s0-8(SP)
	MOVQ         DX, u-16(SP)
	LEAQ         (DI)(DX*1), CX
	LEAQ         (R8)(CX*8), CX
	LEAQ         (R9)(DX*8), AX
	SUBQ         DX, BX
	INCQ         BX
	CMPQ         DX, pos+208(FP)
	JGE          prFast
	XORQ         DX, DX
	SUBQ         $4, BX
	JLT          prTailLast

prTail:
	TAIL_AT(CX, AX, DX)
	ADDQ $4, DX
	SUBQ $4, BX
	JGE  prTail

prTailLast:
	ADDQ $4, BX
	JZ   prTailDone
	LEAQ (CX)(DX*8), CX
	LEAQ (AX)(DX*8), AX
	TAIL_LAST(CX, AX, BX)

	JMP  prTailDone

prFast:
	// Every factor of the tail above 0: out = f·r, no test a cell.
	XORQ DX, DX
	SUBQ $4, BX
	JLT  prFastLast

prFastLoop:
	VMULPD  (AX)(DX*8), Y12, Y0
	VMOVUPD Y0, (CX)(DX*8)
	ADDQ    $4, DX
	SUBQ    $4, BX
	JGE     prFastLoop

prFastLast:
	ADDQ         $4, BX
	JZ           prTailDone

prFastMask:
	LEAQ         (CX)(DX*8), CX
	LEAQ         (AX)(DX*8), AX
	VMOVQ        BX, X6
	VPBROADCASTQ X6, Y6
	VPCMPGTQ     polyLanes<>(SB), Y6, Y5
	VMASKMOVPD   (AX), Y5, Y0
	VMULPD       Y12, Y0, Y0
	VMASKMOVPD   Y0, Y5, (CX)

prTailDone:
	MOVQ s0-8(SP), AX
	MOVQ u-16(SP), DX

prHead:
	// The cells s0..u−1: their coefficients to 3·(DI + u).
	CMPQ AX, DX
	JGE  prNext
	LEAQ (DI)(DX*1), CX
	LEAQ (CX)(CX*2), CX
	CMPQ CX, d_len+56(FP)
	JA   prBad
	SUBQ AX, DX
	LEAQ (DI)(AX*1), BX
	LEAQ (R8)(BX*8), CX
	LEAQ (BX)(BX*2), BX
	LEAQ (R10)(BX*8), BX
	LEAQ (R9)(AX*8), AX

prHeadLoop:
	CMPQ      DX, $4
	JLT       prHeadLast
	VMOVUPD   (BX), Y0
	VMOVUPD   32(BX), Y1
	VMOVUPD   64(BX), Y2
	POLY3
	VMOVUPD   (AX), Y0
	VCMPPD    $0x1e, Y13, Y0, Y1
	VMULPD    Y6, Y0, Y0
	VMOVUPD   (CX), Y2
	VBLENDVPD Y1, Y0, Y2, Y0
	VMOVUPD   Y0, (CX)
	ADDQ      $32, CX
	ADDQ      $32, AX
	ADDQ      $96, BX
	SUBQ      $4, DX
	JMP       prHeadLoop

prHeadLast:
	TESTQ        DX, DX
	JZ           prNext
	VMOVQ        DX, X9
	VPBROADCASTQ X9, Y9            // r
	VPADDQ       Y9, Y9, Y10
	VPADDQ       Y9, Y10, Y10      // 3r
	VPCMPGTQ     polyLanes<>(SB), Y10, Y5
	VMASKMOVPD   (BX), Y5, Y0
	VPCMPGTQ     polyLanes<>+32(SB), Y10, Y5
	VMASKMOVPD   32(BX), Y5, Y1
	VPCMPGTQ     polyLanes<>+64(SB), Y10, Y5
	VMASKMOVPD   64(BX), Y5, Y2
	POLY3
	VPCMPGTQ     polyLanes<>(SB), Y9, Y5
	VMASKMOVPD   (AX), Y5, Y0
	VCMPPD       $0x1e, Y13, Y0, Y1
	VMULPD       Y6, Y0, Y0
	VMASKMOVPD   Y0, Y1, (CX)

prNext:
	INCQ SI
	ADDQ ns+192(FP), DI
	JMP  prRow

prOK:
	MOVQ $-1, bad+232(FP)
	VZEROUPPER
	RET

prBad:
	MOVQ SI, bad+232(FP)
	VZEROUPPER
	RET

// RATIO_BLOCK(t, out1) is polyRatioTailAVX2's and polyRatioRowsAVX2's
// four cells DI..DI+3 of the tail's ratio Y15 (Y14 0): with need[c] (bytes
// at R10, gathered through the scratch register t) have[c] (R9) is set,
// and r[c] (R8), out0[c] = in0[c]·v (R13, R11) and out1[c] = in1[c]·v
// (out1, R12) are written; the cells without need keep their values.
#define RATIO_BLOCK(t, out1) \
	MOVL      (R10)(DI*1), t     \
	ORL       t, (R9)(DI*1)      \
	VMOVQ     t, X0              \
	VPMOVZXBQ X0, Y0             \
	VPCMPGTQ  Y14, Y0, Y1        \
	VMOVUPD   (R8)(DI*8), Y2     \
	VBLENDVPD Y1, Y15, Y2, Y2    \
	VMOVUPD   Y2, (R8)(DI*8)     \
	VMULPD    (R11)(DI*8), Y15, Y3 \
	VMOVUPD   (R13)(DI*8), Y4    \
	VBLENDVPD Y1, Y3, Y4, Y4     \
	VMOVUPD   Y4, (R13)(DI*8)    \
	VMULPD    (R12)(DI*8), Y15, Y3 \
	VMOVUPD   (out1)(DI*8), Y4   \
	VBLENDVPD Y1, Y3, Y4, Y4     \
	VMOVUPD   Y4, (out1)(DI*8)

// RATIO_FULL(out1) is RATIO_BLOCK for four cells that all need their
// ratio (their need bytes 1, have set by the caller): r = v, out0 = in0·v
// and out1 = in1·v stored whole, nothing reloaded.
#define RATIO_FULL(out1) \
	VMOVUPD Y15, (R8)(DI*8)      \
	VMULPD  (R11)(DI*8), Y15, Y3 \
	VMOVUPD Y3, (R13)(DI*8)      \
	VMULPD  (R12)(DI*8), Y15, Y3 \
	VMOVUPD Y3, (out1)(DI*8)

// RATIO_LAST(b, out1) is RATIO_BLOCK for the last cells from DI, whose
// need bytes are gathered in b (the lanes past them 0): loads and stores
// under the mask of need.
#define RATIO_LAST(b, out1) \
	VMOVQ      b, X0              \
	VPMOVZXBQ  X0, Y0             \
	VPCMPGTQ   Y14, Y0, Y1        \
	VMASKMOVPD Y15, Y1, (R8)(DI*8) \
	VMASKMOVPD (R11)(DI*8), Y1, Y3 \
	VMULPD     Y3, Y15, Y3        \
	VMASKMOVPD Y3, Y1, (R13)(DI*8) \
	VMASKMOVPD (R12)(DI*8), Y1, Y3 \
	VMULPD     Y3, Y15, Y3        \
	VMASKMOVPD Y3, Y1, (out1)(DI*8)

// func polyRatioTailAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64) (head int)
//
// PolyRatioFactors' tail of equal coefficients, from cell j0 = max(same,
// 0) on if it is in the row (head = j0; otherwise head = len(need) and
// nothing is done): their ratio v = PolyRatio(d[j0·k:(j0+1)·k], xp), in
// scalars, after checking the indices (head = −1 if they are out of d or
// xp, or k < 1, and nothing is done); then each block of four cells
// j..j+3 (DI = j): have |= need (the bools 0 or 1, four bytes at once);
// the need bytes widened to the lanes' mask (Y1, 0 < need), and where it
// is set r = v, out0 = in0·v, out1 = in1·v, the other lanes of r, out0
// and out1 reloaded and stored as they were. The last (len − j0) mod 4
// cells gather their need bytes one by one (lane i from byte i, the lanes
// past them 0: no load or store of theirs).
//
// Registers: R8..R13 and SI the slices r, have, need, in0, in1, out0,
// out1; CX the first cell past the full blocks, AX the cells of the last
// block, DI the cell; Y15 v, Y14 0. For the ratio: BX k, DX the
// coefficients, R8 xp, AX j.
TEXT ·polyRatioTailAVX2(SB), NOSPLIT, $0-240
	MOVQ    need_len+56(FP), CX
	MOVQ    same+128(FP), DI
	XORQ    AX, AX
	CMPQ    DI, AX
	CMOVQLT AX, DI // j0 = max(same, 0)
	MOVQ    DI, head+232(FP)
	CMPQ    DI, CX
	JLT     rtRatio
	MOVQ    CX, head+232(FP)
	RET

rtBad:
	MOVQ $-1, head+232(FP)
	RET

rtRatio:
	MOVQ   k+96(FP), BX
	CMPQ   BX, $1
	JLT    rtBad
	CMPQ   BX, xp_len+112(FP)
	JA     rtBad
	MOVQ   DI, AX
	IMULQ  BX, AX
	LEAQ   (AX)(BX*1), DX
	CMPQ   DX, d_len+80(FP)
	JA     rtBad
	MOVQ   d_base+72(FP), DX
	LEAQ   (DX)(AX*8), DX
	MOVQ   xp_base+104(FP), R8
	VMOVSD (DX), X15
	MOVQ   $1, AX

rtTerm:
	CMPQ   AX, BX
	JGE    rtStart
	VMOVSD (DX)(AX*8), X0
	VMULSD (R8)(AX*8), X0, X0
	VADDSD X0, X15, X15
	INCQ   AX
	JMP    rtTerm

rtStart:
	VBROADCASTSD X15, Y15
	MOVQ         r_base+0(FP), R8
	MOVQ         have_base+24(FP), R9
	MOVQ         need_base+48(FP), R10
	MOVQ         in0_base+136(FP), R11
	MOVQ         in1_base+160(FP), R12
	MOVQ         out0_base+184(FP), R13
	MOVQ         out1_base+208(FP), SI
	VPXOR        Y14, Y14, Y14
	MOVQ         CX, AX
	SUBQ         DI, AX
	ANDQ         $3, AX
	SUBQ         AX, CX

rtLoop:
	CMPQ      DI, CX
	JGE       rtLast
	RATIO_BLOCK(DX, SI)
	ADDQ      $4, DI
	JMP       rtLoop

rtLast:
	TESTQ AX, AX
	JZ    rtDone
	LEAQ  (R10)(DI*1), R10
	LEAQ  (R9)(DI*1), R9
	XORQ  DX, DX

rtByte:
	DECQ       AX
	MOVBQZX    (R10)(AX*1), CX
	ORB        CX, (R9)(AX*1)
	SHLQ       $8, DX
	ORQ        CX, DX
	TESTQ      AX, AX
	JNZ        rtByte
	RATIO_LAST(DX, SI)

rtDone:
	VZEROUPPER
	RET

// func polyRatioRowsAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same, aLo, aHi, bLo, bHi []int, in, out []float64, plane, ns, lo, hi int) (age int)
//
// PolyRatioFactorRows from the row lo on: in each row the services
// s0 = max(aLo, bLo) to s1 = min(aHi, bHi) (none when s1 < s0); a row
// with s0 or s1 out of 0..ns−1 (unsigned), or same[age] > s0 (cells before
// the tail of equal coefficients), ends the call (age = its age, for
// PolyRatioFactors); otherwise its cells c0 = age·ns + s0 on, n = s1 −
// s0 + 1 of them, get polyRatioTailAVX2's treatment: the ratio v of cell
// c0, d[c0·k] + d[c0·k+j]·xp[j] in order, in scalars; then each block of
// four cells have |= need and, where need is set, r = v, out0 = in0·v,
// out1 = in1·v (the other lanes reloaded and stored as they were; a block
// whose four cells all need theirs, RATIO_FULL, stores whole vectors), the
// last n mod 4 cells' need bytes gathered one by one. PolyRatioFactorRows
// checked that every row up to hi lies in the slices.
//
// Registers: R8..R13 and DX the slices r, have, need, in0 (in), in1 (in
// + plane), out0 (out) and out1 (out + plane), set once, a cell by its
// index; SI the age; in a row AX s0, BX s1, then the end of the row's
// cells, c1 = age·ns + s1 + 1, DI the cell from c0 = age·ns + s0, AX the
// last cell a block of four can start at (c1 − 4); for the ratio
// R14 the coefficients of c0, CX k, then xp; Y15 v, Y14 0.
TEXT ·polyRatioRowsAVX2(SB), NOSPLIT, $0-336
	MOVQ  r_base+0(FP), R8
	MOVQ  have_base+24(FP), R9
	MOVQ  need_base+48(FP), R10
	MOVQ  in_base+248(FP), R11
	MOVQ  out_base+272(FP), R13
	MOVQ  plane+296(FP), CX
	LEAQ  (R11)(CX*8), R12
	LEAQ  (R13)(CX*8), DX
	MOVQ  lo+312(FP), SI
	VPXOR Y14, Y14, Y14

rrRow:
	CMPQ    SI, hi+320(FP)
	JGT     rrDone
	MOVQ    aLo_base+152(FP), AX
	MOVQ    (AX)(SI*8), AX
	MOVQ    bLo_base+200(FP), CX
	MOVQ    (CX)(SI*8), CX
	CMPQ    AX, CX
	CMOVQLT CX, AX // s0 = max(aLo, bLo)
	MOVQ    aHi_base+176(FP), BX
	MOVQ    (BX)(SI*8), BX
	MOVQ    bHi_base+224(FP), CX
	MOVQ    (CX)(SI*8), CX
	CMPQ    BX, CX
	CMOVQGT CX, BX // s1 = min(aHi, bHi)
	CMPQ    BX, AX
	JLT     rrNext
	MOVQ    ns+304(FP), CX
	CMPQ    AX, CX
	JAE     rrLeave
	CMPQ    BX, CX
	JAE     rrLeave
	MOVQ    same_base+128(FP), DI
	CMPQ    (DI)(SI*8), AX
	JGT     rrLeave
	MOVQ    SI, DI
	IMULQ   CX, DI      // age·ns
	LEAQ    1(DI)(BX*1), BX // c1
	ADDQ    AX, DI      // c0

	// The ratio of cell c0.
	MOVQ   k+96(FP), CX
	MOVQ   DI, AX
	IMULQ  CX, AX
	MOVQ   d_base+72(FP), R14
	LEAQ   (R14)(AX*8), R14
	VMOVSD (R14), X15
	MOVQ   $1, AX
	CMPQ   AX, CX
	JGE    rrStart
	MOVQ   xp_base+104(FP), CX

rrTerm:
	VMOVSD (R14)(AX*8), X0
	VMULSD (CX)(AX*8), X0, X0
	VADDSD X0, X15, X15
	INCQ   AX
	CMPQ   AX, k+96(FP)
	JLT    rrTerm

rrStart:
	VBROADCASTSD X15, Y15
	LEAQ         -4(BX), AX
	CMPQ         DI, AX
	JGT          rrLast

rrLoop:
	MOVL      (R10)(DI*1), CX
	CMPL      CX, $0x01010101
	JNE       rrPart
	MOVL      CX, (R9)(DI*1) // have = need = true
	RATIO_FULL(DX)
	ADDQ      $4, DI
	CMPQ      DI, AX
	JLE       rrLoop
	JMP       rrLast

rrPart:
	RATIO_BLOCK(CX, DX)
	ADDQ      $4, DI
	CMPQ      DI, AX
	JLE       rrLoop

rrLast:
	// The cells DI..c1−1, 0 to 3 of them, their need bytes gathered from
	// the last (R14) down.
	LEAQ  -1(BX), R14
	CMPQ  R14, DI
	JLT   rrNext
	XORQ  BX, BX

rrByte:
	MOVBQZX    (R10)(R14*1), CX
	ORB        CX, (R9)(R14*1)
	SHLQ       $8, BX
	ORQ        CX, BX
	DECQ       R14
	CMPQ       R14, DI
	JGE        rrByte
	RATIO_LAST(BX, DX)

rrNext:
	INCQ SI
	JMP  rrRow

rrLeave:
rrDone:
	MOVQ SI, age+328(FP)
	VZEROUPPER
	RET
