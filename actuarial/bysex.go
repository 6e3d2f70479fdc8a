// Helpers for the per-sex arrays of the scheme model.

package actuarial

// SameForBoth returns the per-sex array holding v for both sexes: the rules
// or assumptions of a scheme that does not distinguish men from women.
// Per-sex arrays are indexed by [Sex.Index] (0 for Male, 1 for Female), never
// by a Sex value itself.
func SameForBoth[T any](v T) [NumSexes]T { return [NumSexes]T{v, v} }

// BySex returns the per-sex array holding male for men and female for women,
// in the order [Sex.Index] gives.
func BySex[T any](male, female T) [NumSexes]T {
	var a [NumSexes]T
	a[Male.Index()], a[Female.Index()] = male, female
	return a
}
