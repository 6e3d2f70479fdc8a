//go:build amd64 && !purego

#include "textflag.h"

// laneMask+32·r is the mask of the lanes 0..r−1 (r = 0 … 3), each lane all
// ones or zero: the AVX2 kernels (pastrows_amd64.s, decrements_amd64.s)
// load and store a row's last r cells under it.
DATA ·laneMask+0(SB)/8, $0
DATA ·laneMask+8(SB)/8, $0
DATA ·laneMask+16(SB)/8, $0
DATA ·laneMask+24(SB)/8, $0
DATA ·laneMask+32(SB)/8, $-1
DATA ·laneMask+40(SB)/8, $0
DATA ·laneMask+48(SB)/8, $0
DATA ·laneMask+56(SB)/8, $0
DATA ·laneMask+64(SB)/8, $-1
DATA ·laneMask+72(SB)/8, $-1
DATA ·laneMask+80(SB)/8, $0
DATA ·laneMask+88(SB)/8, $0
DATA ·laneMask+96(SB)/8, $-1
DATA ·laneMask+104(SB)/8, $-1
DATA ·laneMask+112(SB)/8, $-1
DATA ·laneMask+120(SB)/8, $0
GLOBL ·laneMask(SB), RODATA|NOPTR, $128
