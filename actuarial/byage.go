package actuarial

// ByAge is a quantity that depends on age: Values[i] is its value at age
// MinAge+i. Below MinAge it is 0; above the last age it keeps the last
// value. The zero value (no values) is 0 at every age.
type ByAge struct {
	MinAge int       // the age of Values[0], ≥ 0
	Values []float64 // values from age MinAge on; nil: 0 at every age
}

// At returns the value at age.
func (b ByAge) At(age int) float64 {
	if len(b.Values) == 0 || age < b.MinAge {
		return 0
	}
	return b.Values[min(age-b.MinAge, len(b.Values)-1)]
}
