//go:build amd64 && !purego

#include "textflag.h"

// Each block of four cells (DI its byte offset), as joinRow:
//	pn += wn; pa += wa·ix; po += wo·ix; wn, wa, wo = 0
// the last len mod 4 under a mask. An empty cell of wn (no amounts) adds
// zeros.
//
// Registers: R8..R13 the slices pn, pa, po, wn, wa, wo; CX the byte
// offset of the end, DI of the cell; Y15 ix, Y14 0.

// func joinRowAVX2(pn, pa, po, wn, wa, wo []float64, ix float64)
TEXT ·joinRowAVX2(SB), NOSPLIT, $0-152
	MOVQ pn_base+0(FP), R8
	MOVQ pa_base+24(FP), R9
	MOVQ po_base+48(FP), R10
	MOVQ wn_base+72(FP), R11
	MOVQ wn_len+80(FP), CX
	MOVQ wa_base+96(FP), R12
	MOVQ wo_base+120(FP), R13
	VBROADCASTSD ix+144(FP), Y15
	VXORPD Y14, Y14, Y14
	MOVQ CX, AX
	ANDQ $3, AX // r, the cells of the last block
	SUBQ AX, CX
	SHLQ $3, CX // the end of the full blocks
	XORQ DI, DI

loop:
	CMPQ DI, CX
	JGE  last
	VMOVUPD (R11)(DI*1), Y0
	VADDPD  (R8)(DI*1), Y0, Y0
	VMOVUPD Y0, (R8)(DI*1)
	VMOVUPD (R12)(DI*1), Y1
	VMULPD  Y15, Y1, Y1
	VADDPD  (R9)(DI*1), Y1, Y1
	VMOVUPD Y1, (R9)(DI*1)
	VMOVUPD (R13)(DI*1), Y2
	VMULPD  Y15, Y2, Y2
	VADDPD  (R10)(DI*1), Y2, Y2
	VMOVUPD Y2, (R10)(DI*1)
	VMOVUPD Y14, (R11)(DI*1)
	VMOVUPD Y14, (R12)(DI*1)
	VMOVUPD Y14, (R13)(DI*1)
	ADDQ    $32, DI
	JMP     loop

last:
	TESTQ AX, AX
	JZ    done
	SHLQ  $5, AX
	LEAQ  ·laneMask(SB), BX
	VMOVUPD    (BX)(AX*1), Y5
	VMASKMOVPD (R11)(DI*1), Y5, Y0
	VMASKMOVPD (R8)(DI*1), Y5, Y3
	VADDPD     Y3, Y0, Y0
	VMASKMOVPD Y0, Y5, (R8)(DI*1)
	VMASKMOVPD (R12)(DI*1), Y5, Y1
	VMULPD     Y15, Y1, Y1
	VMASKMOVPD (R9)(DI*1), Y5, Y3
	VADDPD     Y3, Y1, Y1
	VMASKMOVPD Y1, Y5, (R9)(DI*1)
	VMASKMOVPD (R13)(DI*1), Y5, Y2
	VMULPD     Y15, Y2, Y2
	VMASKMOVPD (R10)(DI*1), Y5, Y3
	VADDPD     Y3, Y2, Y2
	VMASKMOVPD Y2, Y5, (R10)(DI*1)
	VMASKMOVPD Y14, Y5, (R11)(DI*1)
	VMASKMOVPD Y14, Y5, (R12)(DI*1)
	VMASKMOVPD Y14, Y5, (R13)(DI*1)

done:
	VZEROUPPER
	RET
