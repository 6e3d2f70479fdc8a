package asmcheck

import (
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

// wideOperand matches an operand naming a YMM or ZMM register.
var wideOperand = regexp.MustCompile(`\b[YZ][0-9]{1,2}\b`)

// instruction returns the mnemonic and operands of a line of Go assembly,
// or "" and "" for a line that holds none: a comment, a blank, a label
// alone, a directive (#define, #include). A label before an instruction
// and a macro's line continuation are dropped.
func instruction(line string) (mnemonic, operands string) {
	if i := strings.Index(line, "//"); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), `\`))
	if line == "" || strings.HasPrefix(line, "#") || strings.HasSuffix(line, ":") {
		return "", ""
	}
	if i := strings.Index(line, ":"); i >= 0 && !strings.ContainsAny(line[:i], " \t") {
		line = strings.TrimSpace(line[i+1:]) // label: instruction
	}
	mnemonic, operands, _ = strings.Cut(strings.Replace(line, "\t", " ", 1), " ")
	return mnemonic, operands
}

// legacySSE returns the mnemonic of an instruction line of Go assembly that
// has a vector register operand but is not VEX- or EVEX-encoded (its
// mnemonic does not start with V), or "" if the line is no such
// instruction. Comments, labels, directives and a macro's line
// continuations are skipped.
func legacySSE(line string) string {
	mnemonic, operands := instruction(line)
	switch {
	case mnemonic == "":
		return ""
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
	for path, lines := range asmFiles(t) {
		for i, line := range lines {
			if m := legacySSE(line); m != "" {
				t.Errorf("%s:%d: legacy SSE instruction %s among AVX code; use its VEX form (V%s)", path, i+1, m, m)
			}
		}
	}
}

// vzeroupperMissing returns the lines (1-based) of the RETs in an assembly
// file's lines that follow a use of a YMM or ZMM register in their
// function (textually: a register Yn or Zn, or a macro whose body names
// one) without a VZEROUPPER just before them.
func vzeroupperMissing(lines []string) []int {
	vectorMacros := map[string]bool{} // macros whose bodies name a YMM or ZMM register
	var missing []int
	var macro string // the macro being defined, if any
	used := false    // a YMM or ZMM register used in the current function so far
	prev := ""       // the last instruction's mnemonic
	for i, raw := range lines {
		line := raw
		if j := strings.Index(line, "//"); j >= 0 {
			line = line[:j]
		}
		trimmed := strings.TrimSpace(line)
		cont := strings.HasSuffix(trimmed, `\`)
		if strings.HasPrefix(trimmed, "#define") {
			f := strings.Fields(strings.TrimPrefix(trimmed, "#define"))
			if len(f) > 0 {
				macro, _, _ = strings.Cut(f[0], "(")
			}
		}
		if macro != "" {
			if wideOperand.MatchString(trimmed) {
				vectorMacros[macro] = true
			}
			if !cont {
				macro = ""
			}
			continue
		}
		mnemonic, operands := instruction(line)
		switch {
		case mnemonic == "TEXT":
			used, prev = false, ""
			continue
		case mnemonic == "":
			continue
		}
		name, _, _ := strings.Cut(mnemonic, "(")
		if wideOperand.MatchString(mnemonic+" "+operands) || vectorMacros[name] {
			used = true
		}
		if mnemonic == "RET" && used && prev != "VZEROUPPER" {
			missing = append(missing, i+1)
		}
		prev = mnemonic
	}
	return missing
}

// TestVZEROUPPER checks that every kernel returns with the upper halves
// of the vector registers clean: each RET after a use of a YMM or ZMM
// register (directly or through a macro) follows a VZEROUPPER, so that the
// Go code after it, whose scalar floating point is legacy SSE, pays no
// transition. It checks the detector first, on a function that must fail.
func TestVZEROUPPER(t *testing.T) {
	bad := []string{
		"#define SUM \\",
		"\tVADDPD Y1, Y0, Y0",
		"TEXT ·f(SB), NOSPLIT, $0-8",
		"\tMOVQ x+0(FP), AX",
		"\tJZ done",
		"\tRET", // before any YMM register: fine
		"done:",
		"\tSUM",
		"\tRET", // after SUM: missing
		"TEXT ·g(SB), NOSPLIT, $0-8",
		"\tVXORPD Y0, Y0, Y0",
		"\tVZEROUPPER",
		"\tRET",
	}
	if got := vzeroupperMissing(bad); len(got) != 1 || got[0] != 9 {
		t.Fatalf("vzeroupperMissing(example) = %v, want [9]", got)
	}
	for path, lines := range asmFiles(t) {
		for _, n := range vzeroupperMissing(lines) {
			t.Errorf("%s:%d: RET after YMM or ZMM registers without VZEROUPPER before it", path, n)
		}
	}
}

// asmFiles returns the lines of every amd64 assembly file of the module,
// by path; it fails the test if there is none.
func asmFiles(t *testing.T) map[string][]string {
	t.Helper()
	files := map[string][]string{}
	root := filepath.Join("..", "..")
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
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = strings.Split(string(b), "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no *_amd64.s file found under the module root")
	}
	return files
}
