package asmcheck

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// vectorOperand matches an operand naming an X, Y or Z register (X0–X31,
// Y0–Y31, Z0–Z31); a macro's parameters (X, Y) carry no digit.
var vectorOperand = regexp.MustCompile(`\b[XYZ][0-9]{1,2}\b`)

// legacySSE returns the mnemonic of an instruction line of Go assembly that
// has a vector register operand but is not VEX- or EVEX-encoded (its
// mnemonic does not start with V), or "" if the line is no such
// instruction. Comments, labels, directives and a macro's line
// continuations are skipped.
func legacySSE(line string) string {
	if i := strings.Index(line, "//"); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), `\`))
	if line == "" || strings.HasPrefix(line, "#") || strings.HasSuffix(line, ":") {
		return ""
	}
	if i := strings.Index(line, ":"); i >= 0 && !strings.ContainsAny(line[:i], " \t") {
		line = strings.TrimSpace(line[i+1:]) // label: instruction
	}
	mnemonic, operands, _ := strings.Cut(strings.Replace(line, "\t", " ", 1), " ")
	switch {
	case strings.Contains(mnemonic, "("): // a macro's invocation; its body is checked where it is defined
		return ""
	case strings.HasPrefix(mnemonic, "V"), strings.HasPrefix(mnemonic, "TEXT"),
		strings.HasPrefix(mnemonic, "DATA"), strings.HasPrefix(mnemonic, "GLOBL"):
		return ""
	case vectorOperand.MatchString(operands):
		return mnemonic
	}
	return ""
}

// TestLegacySSE checks the detector on lines of each kind.
func TestLegacySSE(t *testing.T) {
	for line, want := range map[string]string{
		"\tMOVQ         AX, X0":                    "MOVQ",
		"\tVMOVQ        AX, X0":                    "",
		"\tMOVSD X1, ret+8(FP)":                    "MOVSD",
		"loop:\tADDPD X2, X3":                      "ADDPD",
		"\tVADDPD Y1, Y2, Y3 \\":                   "",
		"\tMOVQ n_base+0(FP), R8":                  "",
		"\tVEXTRACTF128 $1, Y, X0  \\":             "",
		"\tPXOR X15, X15 // zero":                  "PXOR",
		"// MOVQ AX, X0 in a comment":              "",
		"#define LOAD(X) \\":                       "",
		"DATA mask<>+0(SB)/8, $0xffffffffffffffff": "",
		"\tMOVQ AX, XAX_not_a_register":            "",
		"\tREDUCE(Y7, X7, in+0(FP), out+8(FP))":    "",
	} {
		if got := legacySSE(line); got != want {
			t.Errorf("legacySSE(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestNoLegacySSEInKernels reads every amd64 assembly file of the module
// and fails on any legacy SSE instruction (see the package doc), naming its
// file and line.
func TestNoLegacySSEInKernels(t *testing.T) {
	root := filepath.Join("..", "..")
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_amd64.s") {
			return nil
		}
		files++
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if m := legacySSE(sc.Text()); m != "" {
				t.Errorf("%s:%d: legacy SSE instruction %s among AVX code; use its VEX form (V%s)", path, n, m, m)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("no *_amd64.s file found under the module root")
	}
}
