package actuarial

// Temporary: replaced by the census branch's Sex at merge.
type Sex uint8

const (
	SexUnknown Sex = iota
	Male
	Female

	NumSexes = 2
)

func (s Sex) Index() int { return int(s) - 1 }
