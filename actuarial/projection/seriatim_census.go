// Active records laid out once for the seriatim valuations of many
// schemes or assumptions.

package projection

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/internal/vec"
)

// ActiveCensus is a census of active members laid out for [Seriatim]
// valuations: its records checked once, grouped by cell (group, sex, age
// and service) and each cell's salaries sorted, so that
// [Seriatim.TotalCensus] and [Seriatim.LiabilityCensus] find the records
// for which a limit binds by a search per limit instead of per record, and
// read only their salaries. What is laid out depends on the records alone,
// not on a scheme: a program that values one census under many schemes,
// assumptions or reforms loads it once ([ActiveCensus.Load]) and values it
// as often as it needs. The zero value is a census of no records. The
// valuations only read it, and may share it between goroutines; Load
// must not run alongside them.
type ActiveCensus struct {
	n      int          // the records
	groups []int        // the records' groups, increasing
	first  []int        // first[j]: the index of the first record of groups[j]
	cells  []censusCell // the populated cells, by group, sex, age and service
	sal    []float64    // the salaries by cell, each cell's increasing

	// The working space of Load: by record, its salary, its cell within
	// its group and its group's index in order of first appearance; the
	// records by cell within a group, then by group.
	pay                    []float64
	bits                   []uint64 // a cell's salaries as integers, to sort them
	key, gid, byKey, order []int32
	count                  []int32
	tmp                    []int
	seen                   map[int]int32 // by group: its index in order of first appearance
}

// censusCell is a populated cell of an [ActiveCensus].
type censusCell struct {
	g      int32   // index into ActiveCensus.groups
	k      int32   // (sex index·serAges + age)·serAges + service: see censusKeys
	lo, hi int32   // its salaries are sal[lo:hi]
	total  float64 // their sum, added in increasing order
}

// censusKeys is the number of cells of a group of an [ActiveCensus]: by
// sex, age and service (0..Age, not capped at a scheme's MaxService).
const censusKeys = actuarial.NumSexes * serAges * serAges

// Len returns the number of records loaded.
func (c *ActiveCensus) Len() int { return c.n }

// Load replaces the records of c by actives, reusing c's memory. A record
// is valid as [Seriatim.Value] would find it, but for its group, which
// must be ≥ 0 and is checked against a scheme's groups when c is valued.
// For a bad record it returns the error of the first (by index), wrapping
// a [*valuation.MemberError], and leaves c empty. Each cell's salaries are
// summed in increasing order, so that the values of a census do not depend
// on the order of its records.
func (c *ActiveCensus) Load(actives []ActiveRecord) error {
	c.n = 0
	c.groups, c.first, c.cells = c.groups[:0], c.first[:0], c.cells[:0]
	if len(actives) > math.MaxInt32 {
		return fmt.Errorf("actuarial: seriatim: %d active records, more than %d: %w", len(actives), math.MaxInt32, actuarial.ErrRange)
	}
	n := len(actives)
	c.key, c.gid, c.pay = vec.Grow(c.key, n), vec.Grow(c.gid, n), vec.Grow(c.pay, n)

	// The cell of each record within its group, and its group in order of
	// first appearance (first holds the groups' first records).
	if c.seen == nil {
		c.seen = make(map[int]int32)
	}
	clear(c.seen)
	last, lastID := 0, int32(-1)
	for i := range actives {
		r := &actives[i]
		if err := checkActive(r, math.MaxInt); err != nil {
			c.groups, c.first = c.groups[:0], c.first[:0]
			return indexedError("active", i, err)
		}
		c.key[i] = int32((r.Sex.Index()*serAges+r.Age)*serAges + r.Service)
		c.pay[i] = r.Salary // read in order, to be gathered by cell from an array 6 times smaller
		if lastID < 0 || r.Group != last {
			id, ok := c.seen[r.Group]
			if !ok {
				id = int32(len(c.groups))
				c.seen[r.Group] = id
				c.groups, c.first = append(c.groups, r.Group), append(c.first, i)
			}
			last, lastID = r.Group, id
		}
		c.gid[i] = lastID
	}
	// The groups in increasing order, and each record's group's rank.
	ng := len(c.groups)
	if ng > 1 {
		c.count, c.byKey = vec.Grow(c.count, ng), vec.Grow(c.byKey, n)
		rank, ids := c.count, c.byKey[:ng] // byKey is free until the records are sorted
		for j := range ids {
			ids[j] = int32(j)
		}
		slices.SortFunc(ids, func(x, y int32) int { return cmp.Compare(c.groups[x], c.groups[y]) })
		c.tmp = vec.Grow(c.tmp, 2*ng)
		groups, first := c.tmp[:ng], c.tmp[ng:]
		for r, id := range ids {
			rank[id] = int32(r)
			groups[r], first[r] = c.groups[id], c.first[id]
		}
		copy(c.groups, groups)
		copy(c.first, first)
		for i, id := range c.gid[:n] {
			c.gid[i] = rank[id]
		}
	}

	// The records by cell (a counting sort by cell within a group, then a
	// stable one by group).
	c.byKey, c.order = vec.Grow(c.byKey, n), vec.Grow(c.order, n)
	c.count = countingSort(c.byKey, nil, c.key[:n], censusKeys, c.count)
	order := c.byKey
	if ng > 1 {
		c.count = countingSort(c.order, c.byKey, c.gid[:n], ng, c.count)
		order = c.order
	}

	// The cells and their sorted salaries.
	c.sal, c.bits = vec.Grow(c.sal, n), vec.Grow(c.bits, n)
	for lo := 0; lo < n; {
		i := order[lo]
		g, k := c.gid[i], c.key[i]
		hi := lo + 1
		for hi < n && c.key[order[hi]] == k && c.gid[order[hi]] == g {
			hi++
		}
		// Sorted as integers: the bits of numbers ≥ 0 (+0 for a zero) are
		// in their order, and integers sort faster than floats.
		bits := c.bits[:hi-lo]
		for j, i := range order[lo:hi] {
			bits[j] = math.Float64bits(c.pay[i] + 0)
		}
		slices.Sort(bits)
		s := c.sal[lo:hi]
		var total float64
		for j, b := range bits {
			s[j] = math.Float64frombits(b)
			total += s[j]
		}
		c.cells = append(c.cells, censusCell{g: g, k: k, lo: int32(lo), hi: int32(hi), total: total})
		lo = hi
	}
	c.n = n
	return nil
}

// countingSort writes to dst the indices 0..len(keys)−1 (those of src, in
// their order, if src is not nil) stably sorted by keys, each in 0..nk−1,
// and returns count, a buffer of at least nk counts.
func countingSort(dst, src, keys []int32, nk int, count []int32) []int32 {
	count = vec.Grow(count, nk+1)
	clear(count)
	for _, k := range keys {
		count[k+1]++
	}
	for k := 1; k <= nk; k++ {
		count[k] += count[k-1]
	}
	if src == nil {
		for i, k := range keys {
			dst[count[k]] = int32(i)
			count[k]++
		}
		return count
	}
	for _, i := range src {
		k := keys[i]
		dst[count[k]] = i
		count[k]++
	}
	return count
}

// TotalCensus is [Seriatim.Total] of the records loaded into c: the present
// values of the flows of every active member of c and every pension in
// payment given. Within a start cell it adds the records' values in
// increasing order of salary instead of in the order given, so that it
// agrees with Total up to rounding, and, bit for bit, with itself for any
// order of the records and any number of workers. For a record of a group
// the scheme does not have it returns the error of the first (by index in
// c), then those of the pensions as Total does. It allocates nothing per
// record or per cell of c.
func (v *Seriatim) TotalCensus(c *ActiveCensus, pensions []PensionRecord) (FlowValues, error) {
	act, pen, err := v.sumCensus(serFlows, c, pensions)
	if err != nil {
		return FlowValues{}, err
	}
	for j := range act {
		act[j] += pen[j]
	}
	return flowValues(&act), nil
}

// LiabilityCensus is [Seriatim.Liability] of the records loaded into c,
// as TotalCensus is [Seriatim.Total] of them.
func (v *Seriatim) LiabilityCensus(c *ActiveCensus, pensions []PensionRecord) (Liability, error) {
	act, pen, err := v.sumCensus(serLiability, c, pensions)
	if err != nil {
		return Liability{}, err
	}
	return liability(&act, &pen), nil
}

// sumCensus is [Seriatim.sum] of the records of c: each cell of c is
// valued with the factors of mode of its start cell.
func (v *Seriatim) sumCensus(mode serMode, c *ActiveCensus, pensions []PensionRecord) (act, pen [serVec]float64, err error) {
	v.ready()
	if ng := len(c.groups); ng > 0 && c.groups[ng-1] >= v.nG {
		bad := ng - 1
		for j := ng - 2; j >= 0 && c.groups[j] >= v.nG; j-- {
			if c.first[j] < c.first[bad] {
				bad = j
			}
		}
		err := &valuation.MemberError{Field: "Group", Value: fmt.Sprint(c.groups[bad]), Err: actuarial.ErrRange}
		return act, pen, indexedError("active", c.first[bad], err)
	}
	sc := v.scratch.Swap(nil)
	if sc == nil {
		sc = new(serScratch)
	}
	defer v.scratch.Store(sc)
	cells := c.cells
	act, pen, err = v.sumUnits(mode, sc, len(cells), func(u int, out *[serVec]float64, h *serHist) {
		cc := &cells[u]
		sx, rest := int(cc.k)/(serAges*serAges), int(cc.k)%(serAges*serAges)
		age, sv := rest/serAges, rest%serAges
		i := c.groups[cc.g]*v.nA + (sx*serAges+age)*v.ns + min(sv, v.ms)
		v.cellAt(mode, i).sumSorted(c.sal[cc.lo:cc.hi], cc.total, out)
	}, pensions)
	return act, pen, err
}

// checkActive validates an active record of a valuation of ng groups.
func checkActive(r *ActiveRecord, ng int) error {
	switch {
	case r.Group < 0 || r.Group >= ng:
		return &valuation.MemberError{Field: "Group", Value: fmt.Sprint(r.Group), Err: actuarial.ErrRange}
	case !r.Sex.Valid():
		return &valuation.MemberError{Field: "Sex", Value: fmt.Sprint(r.Sex), Err: actuarial.ErrRange}
	case r.Age < 0 || r.Age > census.MaxCensusAge:
		return &valuation.MemberError{Field: "Age", Value: fmt.Sprint(r.Age), Err: actuarial.ErrRange}
	case r.Service < 0 || r.Service > r.Age:
		return &valuation.MemberError{Field: "Service", Value: fmt.Sprint(r.Service), Err: fmt.Errorf("want 0..Age (%d): %w", r.Age, actuarial.ErrRange)}
	}
	return checkAmount("Salary", r.Salary)
}
