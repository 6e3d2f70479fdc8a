package actuarial

// Temporary: replaced by the census branch's Sex at merge.
type Sex int

const (
	Male Sex = iota
	Female
	NumSex
)
