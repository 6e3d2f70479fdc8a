//go:build amd64 && !purego

#include "go_asm.h"
#include "textflag.h"

// LT_OQ: less than, ordered (false if either is NaN), quiet.
#define LT_OQ $0x11

// func stepRowsAVX2(k *stepKernel, hi, lo int) int
//
// The rows, from age hi down to lo (k's plane, rows and state: see
// stepKernel), each as follows. Registers, in a row: DI k; AX n, BX s, DX
// ac, SI fd, R8 nxN, R9 nxS (at the row's first populated cell, the
// survivors' first cell), at R10, the group's first cell in bytes; CX dv
// (D), R11 D + 2·plane (W), R12 D + 4·plane (F), moving with the group,
// R13 plane in bytes (I, E and FM one plane on); R14 the last group's
// R10. Sums by lane: Y0 bill, Y1 withdrawn, Y2 wd, Y3 dis, Y4 the year's
// disabilities (every cell's), Y5 disAmt, Y6 deaths, Y7 the year's deaths,
// Y8 deathAmt, Y9 survivors; Y10–Y15 the cells' values. The frame holds
// the last cells' buffers: n, s, ac, fd at 0, 32, 64, 96, the survivors
// and their salaries at 128, 160; the row's n, s, nxN, nxS at 192–216;
// the last cells' number (in bytes) at 224, 0 before them; the age at 232.
TEXT ·stepRowsAVX2(SB), NOSPLIT, $240-32
	MOVQ k+0(FP), DI
	MOVQ hi+8(FP), R10

row:
	CMPQ R10, lo+16(FP)
	JLT  stop
	MOVQ R10, 232(SP)
	MOVQ stepKernel_svLo(DI), R11
	MOVQ stepKernel_svHi(DI), R12
	MOVQ (R11)(R10*8), AX         // sLo
	MOVQ (R12)(R10*8), BX         // sHi
	MOVQ stepKernel_ms(DI), R13
	LEAQ 1(R13), R14              // ns
	MOVQ R14, (R11)(R10*8)        // the row empties: its survivors move on
	MOVQ $-1, (R12)(R10*8)
	CMPQ BX, AX
	JLT  empty
	MOVQ AX, stepKernel_sLo(DI)
	MOVQ BX, stepKernel_sHi(DI)
	TESTQ AX, AX                  // services out of range: Go's
	JLT  stop
	CMPQ BX, R13
	JGT  stop
	SUBQ AX, BX                   // cells − 1

	// The row's first populated cell, age·ns + sLo, in CX; its survivors'
	// (in bytes), row + ns + 1 in the plane or, at the last two ages, sLo
	// + 1 in the scratch rows.
	MOVQ  R10, CX
	IMULQ R14, CX
	ADDQ  AX, CX
	CMPQ  R10, $const_lastRowAge
	JGE   scratch
	LEAQ  1(CX)(R14*1), R8
	SHLQ  $3, R8
	MOVQ  R8, R9
	ADDQ  stepKernel_n(DI), R8
	ADDQ  stepKernel_s(DI), R9
	JMP   bases

scratch:
	LEAQ 1(AX), R8
	SHLQ $3, R8
	MOVQ R8, R9
	ADDQ stepKernel_scratchN(DI), R8
	ADDQ stepKernel_scratchS(DI), R9

bases:
	MOVQ BX, R14
	SHLQ $3, CX
	MOVQ CX, AX
	ADDQ stepKernel_n(DI), AX
	MOVQ CX, BX
	ADDQ stepKernel_s(DI), BX
	MOVQ CX, DX
	ADDQ stepKernel_acc(DI), DX
	MOVQ CX, SI
	ADDQ stepKernel_fd(DI), SI
	ADDQ stepKernel_dv(DI), CX
	MOVQ stepKernel_plane(DI), R13

	VXORPD  Y0, Y0, Y0
	VXORPD  Y1, Y1, Y1
	VXORPD  Y2, Y2, Y2
	VXORPD  Y3, Y3, Y3
	VXORPD  Y4, Y4, Y4
	VXORPD  Y5, Y5, Y5
	VXORPD  Y6, Y6, Y6
	VXORPD  Y7, Y7, Y7
	VXORPD  Y8, Y8, Y8
	VXORPD  Y9, Y9, Y9
	VMOVUPD Y0, stepKernel_top(DI)
	MOVQ    $0, 224(SP)
	XORQ    R10, R10
	SHLQ    $3, R14
	SUBQ    $24, R14
	SHLQ    $3, R13
	LEAQ    (CX)(R13*2), R11
	LEAQ    (R11)(R13*2), R12
	CMPQ    R10, R14
	JGT     rest

cells:
	VMOVUPD (CX), Y14          // D
	VMOVUPD (CX)(R13*1), Y13   // I
	VMOVUPD (R11), Y12         // W
	VMOVUPD (R11)(R13*1), Y10  // E
	VMOVUPD (AX)(R10*1), Y11   // nj

	// bill += sal·e
	VMULPD (BX)(R10*1), Y10, Y15
	VADDPD Y15, Y0, Y0

	// The ceiling, rare: sal > nj·ceiling.
	VMULPD  stepKernel_ceiling(DI), Y11, Y15
	VCMPPD  LT_OQ, (BX)(R10*1), Y15, Y15
	VTESTPD Y15, Y15
	JNE     ceiling
	VMULPD  (BX)(R10*1), Y12, Y15 // dw·cb, cb = sal

refunds:
	// withdrawn += dw·cb·(ac + halfRate); wd += nj·dw
	VMOVUPD (DX)(R10*1), Y10
	VADDPD  stepKernel_halfRate(DI), Y10, Y10
	VMULPD  Y10, Y15, Y15
	VADDPD  Y15, Y1, Y1
	VMULPD  Y12, Y11, Y12
	VADDPD  Y12, Y2, Y2

	// The year's deaths and disabilities take every cell's nj·di and
	// nj·dd; the age's those of the cells with fd > 0 (Y15).
	VXORPD Y15, Y15, Y15
	VCMPPD LT_OQ, (SI)(R10*1), Y15, Y15 // 0 < fd
	VMULPD Y13, Y11, Y10                // nj·di
	VADDPD Y10, Y4, Y4
	VANDPD Y10, Y15, Y10
	VADDPD Y10, Y3, Y3
	VMULPD Y14, Y11, Y10                // nj·dd
	VADDPD Y10, Y7, Y7
	VANDPD Y10, Y15, Y10
	VADDPD Y10, Y6, Y6

	// own = fd·sal, capped where own > nj·disCap (rare; with a cap only).
	VMOVUPD (SI)(R10*1), Y10
	VMULPD  (BX)(R10*1), Y10, Y10
	CMPB    stepKernel_capped(DI), $0
	JNE     capped

floored:
	// amt = own, or the floor where own < nj·disFloor (with fd > 0), rare.
	VMULPD  stepKernel_disFloor(DI), Y11, Y12
	VCMPPD  LT_OQ, Y12, Y10, Y12
	VTESTPD Y15, Y12
	JNE     floor

amounts:
	// disAmt += di·amt; deathAmt += dd·amt (fd > 0; amt 0 where not)
	VANDPD Y15, Y10, Y10
	VMULPD Y10, Y13, Y12
	VADDPD Y12, Y5, Y5
	VMULPD Y10, Y14, Y12
	VADDPD Y12, Y8, Y8

	// The survivors nj·F and their salaries sal·FM·wage; n, s 0.
	VMULPD  (R12), Y11, Y14 // nj·F
	VADDPD  Y14, Y9, Y9
	VMOVUPD (R12)(R13*1), Y12 // FM
	VMULPD  (BX)(R10*1), Y12, Y12
	VMULPD  stepKernel_wage(DI), Y12, Y12
	VMOVUPD Y14, (R8)(R10*1)
	VMOVUPD Y12, (R9)(R10*1)
	VXORPD  Y10, Y10, Y10
	VMOVUPD Y10, (AX)(R10*1)
	VMOVUPD Y10, (BX)(R10*1)

	ADDQ $32, R10
	ADDQ $32, CX
	ADDQ $32, R11
	ADDQ $32, R12
	CMPQ R10, R14
	JLE  cells

rest:
	// After the last cells, their survivors out of the buffers; before
	// them, when there are some (1–3), they go through the buffers.
	CMPQ 224(SP), $0
	JNE  untail
	ADDQ $32, R14
	SUBQ R10, R14   // the last cells, in bytes
	JEQ  sums
	MOVQ R14, 224(SP)

	// n, s, ac and fd into the buffers, 0 in the lanes past the row
	// (empty cells: every term 0, their decrements being the next cells',
	// finite, or past the last plane decV's padding, read into FM only,
	// whose lanes are not stored); the bases moved so that base + R10 is
	// the buffer; the body once (R14 = R10).
	SHLQ       $2, R14
	LEAQ       ·laneMask(SB), R11
	VMOVUPD    (R11)(R14*1), Y15
	LEAQ       (CX)(R13*2), R11
	VMASKMOVPD (AX)(R10*1), Y15, Y10
	VMOVUPD    Y10, 0(SP)
	VMASKMOVPD (BX)(R10*1), Y15, Y10
	VMOVUPD    Y10, 32(SP)
	VMASKMOVPD (DX)(R10*1), Y15, Y10
	VMOVUPD    Y10, 64(SP)
	VMASKMOVPD (SI)(R10*1), Y15, Y10
	VMOVUPD    Y10, 96(SP)
	MOVQ       AX, 192(SP)
	MOVQ       BX, 200(SP)
	MOVQ       R8, 208(SP)
	MOVQ       R9, 216(SP)
	LEAQ       0(SP), AX
	SUBQ       R10, AX
	LEAQ       32(SP), BX
	SUBQ       R10, BX
	LEAQ       64(SP), DX
	SUBQ       R10, DX
	LEAQ       96(SP), SI
	SUBQ       R10, SI
	LEAQ       128(SP), R8
	SUBQ       R10, R8
	LEAQ       160(SP), R9
	SUBQ       R10, R9
	MOVQ       R10, R14
	JMP        cells

untail:
	MOVQ 224(SP), R14 // the last cells, in bytes
	SUBQ $32, R10     // their first
	MOVQ 192(SP), AX
	MOVQ 200(SP), BX
	MOVQ 208(SP), R8
	MOVQ 216(SP), R9
	ADDQ R10, AX
	ADDQ R10, BX
	ADDQ R10, R8
	ADDQ R10, R9
	XORQ R11, R11

untail1:
	MOVQ 128(SP)(R11*1), R12
	MOVQ R12, (R8)(R11*1)
	MOVQ 160(SP)(R11*1), R12
	MOVQ R12, (R9)(R11*1)
	MOVQ $0, (AX)(R11*1)
	MOVQ $0, (BX)(R11*1)
	ADDQ $8, R11
	CMPQ R11, R14
	JLT  untail1

sums:
	// The year's sums by lane; the row's reduced into ds[age], the
	// survivors into k.surv.
	VADDPD  stepKernel_bill(DI), Y0, Y0
	VMOVUPD Y0, stepKernel_bill(DI)
	VADDPD  stepKernel_withdrawn(DI), Y1, Y1
	VMOVUPD Y1, stepKernel_withdrawn(DI)
	VADDPD  stepKernel_wd(DI), Y2, Y2
	VMOVUPD Y2, stepKernel_wd(DI)
	VADDPD  stepKernel_yDis(DI), Y4, Y4
	VMOVUPD Y4, stepKernel_yDis(DI)
	VADDPD  stepKernel_yDeaths(DI), Y7, Y7
	VMOVUPD Y7, stepKernel_yDeaths(DI)
	MOVQ    232(SP), R10
	IMUL3Q  $disSums__size, R10, R11
	ADDQ    stepKernel_ds(DI), R11

	// The row's sums, each the sum of its lanes, (l0 + l2) + (l1 + l3),
	// two at a time (the halves' sums, then VHADDPD's adjacent lanes):
	// dis, disAmt, deaths and deathAmt into ds[age] at once; the
	// survivors into X13, the top-up into X10; disOwn = disAmt − the
	// top-up.
	VPERM2F128 $0x20, Y6, Y3, Y11 // dis, deaths: l0 l1 of each
	VPERM2F128 $0x31, Y6, Y3, Y12 // l2 l3
	VADDPD     Y12, Y11, Y11
	VPERM2F128 $0x20, Y8, Y5, Y13 // disAmt, deathAmt
	VPERM2F128 $0x31, Y8, Y5, Y12
	VADDPD     Y12, Y13, Y13
	VHADDPD    Y13, Y11, Y11      // dis, disAmt, deaths, deathAmt
	VMOVUPD    Y11, disSums_dis(R11)
	VMOVUPD    stepKernel_top(DI), Y10
	VPERM2F128 $0x20, Y10, Y9, Y13 // survivors, top-up
	VPERM2F128 $0x31, Y10, Y9, Y12
	VADDPD     Y12, Y13, Y13
	VHADDPD    Y13, Y13, Y13      // survivors twice, the top-up twice
	VMOVSD     X13, stepKernel_surv(DI)
	VEXTRACTF128 $1, Y13, X10
	VUNPCKHPD  X11, X11, X12      // disAmt
	VSUBSD     X10, X12, X12
	VMOVSD     X12, disSums_disOwn(R11)

	// A row at MaxService or at the last two ages: Go's, for its
	// survivors.
	MOVQ stepKernel_sHi(DI), BX
	CMPQ BX, stepKernel_ms(DI)
	JEQ  stop
	CMPQ R10, $const_lastRowAge
	JGE  stop

	// Survivors (ordered: not NaN): they reached services sLo+1 … sHi+1
	// (below ms) of the next age, whose row was empty.
	VXORPD   X15, X15, X15
	VUCOMISD X15, X13
	JLS      next
	MOVQ     stepKernel_sLo(DI), AX
	INCQ     AX
	MOVQ     stepKernel_svLo(DI), R11
	MOVQ     AX, 8(R11)(R10*8)
	INCQ     BX
	MOVQ     stepKernel_svHi(DI), R12
	MOVQ     BX, 8(R12)(R10*8)
	VADDSD   stepKernel_survivors(DI), X13, X13
	VMOVSD   X13, stepKernel_survivors(DI)
	LEAQ     1(R10), AX
	MOVQ     AX, stepKernel_newLo(DI)
	CMPQ     AX, stepKernel_newHi(DI)
	JLE      next
	MOVQ     AX, stepKernel_newHi(DI)

next:
	DECQ R10
	JMP  row

empty:
	// ds[age] = disSums{}
	IMUL3Q  $disSums__size, R10, R11
	ADDQ    stepKernel_ds(DI), R11
	VXORPD  X15, X15, X15
	VMOVUPD Y15, (R11)
	VMOVSD  X15, 32(R11)
	DECQ    R10
	JMP     row

stop:
	// The age stopped at (lo − 1 when done).
	MOVQ R10, ret+24(FP)
	VZEROUPPER
	RET

ceiling:
	// cb = nj·ceiling where sal is above it; cut += (sal − cb)·e there.
	VMOVUPD   Y9, stepKernel_spill(DI)
	VMOVUPD   Y8, stepKernel_spill+32(DI)
	VMULPD    stepKernel_ceiling(DI), Y11, Y15
	VMOVUPD   (BX)(R10*1), Y9
	VCMPPD    LT_OQ, Y9, Y15, Y8
	VBLENDVPD Y8, Y15, Y9, Y15 // cb
	VSUBPD    Y15, Y9, Y9
	VMULPD    Y10, Y9, Y9
	VANDPD    Y8, Y9, Y9
	VADDPD    stepKernel_cut(DI), Y9, Y9
	VMOVUPD   Y9, stepKernel_cut(DI)
	VMULPD    Y15, Y12, Y15    // dw·cb
	VMOVUPD   stepKernel_spill(DI), Y9
	VMOVUPD   stepKernel_spill+32(DI), Y8
	JMP       refunds

capped:
	VMULPD  stepKernel_disCap(DI), Y11, Y12
	VCMPPD  LT_OQ, Y10, Y12, Y12
	VTESTPD Y12, Y12
	JEQ     floored

	// own = nj·disCap where own is above it.
	VMOVUPD   Y9, stepKernel_spill(DI)
	VMULPD    stepKernel_disCap(DI), Y11, Y12
	VCMPPD    LT_OQ, Y10, Y12, Y9
	VBLENDVPD Y9, Y12, Y10, Y10
	VMOVUPD   stepKernel_spill(DI), Y9
	JMP       floored

floor:
	// amt = fl = nj·disFloor where own < fl (fd > 0); top += di·(fl − own)
	// there.
	VMOVUPD   Y9, stepKernel_spill(DI)
	VMOVUPD   Y8, stepKernel_spill+32(DI)
	VANDPD    Y15, Y12, Y9
	VMULPD    stepKernel_disFloor(DI), Y11, Y8
	VSUBPD    Y10, Y8, Y12
	VMULPD    Y12, Y13, Y12
	VANDPD    Y9, Y12, Y12
	VADDPD    stepKernel_top(DI), Y12, Y12
	VMOVUPD   Y12, stepKernel_top(DI)
	VBLENDVPD Y9, Y8, Y10, Y10
	VMOVUPD   stepKernel_spill(DI), Y9
	VMOVUPD   stepKernel_spill+32(DI), Y8
	JMP       amounts
