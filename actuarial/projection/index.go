package projection

// The per-type indexes of the pension kinds ([census.PensionType.Index]),
// as constants for the engines' loops.
const (
	idxOldAge     = 0 // census.PensionOldAge
	idxEarly      = 1 // census.PensionEarly
	idxDisability = 2 // census.PensionDisability
	idxSurvivor   = 3 // census.PensionSurvivor
	idxOrphan     = 4 // census.PensionOrphan
	idxWorkDis    = 5 // census.PensionWorkDisability
	idxWorkSurv   = 6 // census.PensionWorkSurvivor
)
