package projection

// FullFactors makes p recompute a group's factors in full whenever its
// exits or the wage growth change, without the shortcuts of
// [Projector.factors] (a set of factors kept from before, the cells that
// change from one year's exits to the next, the ratios kept by period):
// the reference the tests check the shortcuts against.
func FullFactors(p *Projector) { p.fullFactors = true }
