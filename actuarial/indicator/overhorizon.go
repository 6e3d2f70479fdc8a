// The indicators of a Flows over a Horizon: GAP, summarized rates,
// actuarial balance and deficit transfers.

package indicator

// GAP returns the general average premium over the horizon h: the level
// contribution rate, as a fraction of the insurable salary bill, which,
// paid on the salary bill of every year of the horizon, together with the
// initial reserve R(0) = f.ReserveStart[0] (0 without reserves), finances
// the expenditure of the horizon and leaves the target reserve at its end
// (Plamondon et al., Actuarial practice in social security, ILO/ISSA, 2002;
// Iyer, Actuarial mathematics of social security pensions, ILO/ISSA, 1999):
//
//	GAP = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1)) − R(0)) / PV(S),
//
// PV the present value at time 0 over the first n years on the basis of h
// (flows at t + τ, mid-year by default), B the benefits, E the
// administration costs (nil: none), S the salary bill, k = h.TargetRatio.
// By construction, contributions GAP·S(t) with no other income roll the
// reserve forward (see [Horizon]) from R(0) to exactly the target at time
// n. Without the initial reserve it is [SummarizedCostRate]. With a
// constant salary bill and expenditure and no reserve it is the PAYG cost
// rate at any interest rate. It can be negative when the reserve exceeds
// what the horizon needs.
func GAP(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	g, err := gap(f.SalaryBill, f.Benefits, f.Costs, f.initialReserve(), h)
	return g, f.dated(err)
}

// SummarizedCostRate returns the summarized cost rate over the horizon h,
// in the manner of the US Social Security Trustees' actuarial balance:
//
//	cost rate = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// the present value of the expenditure plus that of the target reserve at
// the end, over the present value of the salary bill; it equals the [GAP]
// without the initial reserve. See [GAP] for the symbols.
func SummarizedCostRate(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	c, err := summarizedCostRate(f.SalaryBill, f.Benefits, f.Costs, h)
	return c, f.dated(err)
}

// SummarizedIncomeRate returns the summarized income rate over the horizon
// h:
//
//	income rate = (R(0) + PV(C + T)) / PV(S),
//
// the initial reserve plus the present value of the non-investment income,
// contributions C and state transfers T (either may be nil: none), over
// the present value of the salary bill S. Investment income is left out:
// discounting at the fund's rate of return accounts for it.
func SummarizedIncomeRate(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	r, err := summarizedIncomeRate(f.SalaryBill, f.Contributions, f.Transfers, f.initialReserve(), h)
	return r, f.dated(err)
}

// ActuarialBalance returns the actuarial balance over the horizon h, as the
// US Social Security Trustees define it (Annual Report of the Board of
// Trustees of the OASDI Trust Funds, glossary): the summarized income rate
// less the summarized cost rate,
//
//	AB = (R(0) + PV(C + T) − PV(B + E) − v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// as a fraction of the salary bill (the Trustees quote it in per cent of
// taxable payroll, and take k = 1). A negative balance is the level
// increase in the contribution rate, from t = 0 over the whole horizon,
// that would leave the target reserve at its end; if contributions are a
// level rate c of the salary bill and there are no transfers, AB = c − GAP.
func ActuarialBalance(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	b, err := actuarialBalance(f.SalaryBill, f.Contributions, f.Transfers, f.Benefits, f.Costs, f.initialReserve(), h)
	return b, f.dated(err)
}

// DeficitTransfers writes into dst the transfers D(t) the state would have
// to make in each of the first n years of the horizon h to keep the reserve
// at the end of every year at or above h.Floor, and returns them with their
// present value PV(D) at time 0.
//
// The reserve rolls forward from R(0) = f.ReserveStart[0] with the net cash
// flows of f (see [NetCashFlow] and [Horizon]); the transfer of year t is
// paid with the year's flows, at t + τ (mid-year by default), and is the
// least that brings the reserve at the end of the year back to the floor:
//
//	R'(t+1) = R(t)·(1 + i_t) + N(t)·(1 + i_t)^(1−τ)
//	D(t)    = max(0, (Floor − R'(t+1)) / (1 + i_t)^(1−τ))
//	R(t+1)  = R'(t+1) + D(t)·(1 + i_t)^(1−τ)
//
// Its present value is the deficit of the scheme on the projection's basis:
// the value today of what the state would have to pay. With no reserve and
// a constant deficit N(t) = −D from year 0, D(t) = D and PV(D) = D·ä_n·v^½ at
// mid-year timing. The reserve is tested only at the end of each year:
// within a year it may dip below the floor. dst has the horizon's length.
func DeficitTransfers(dst []float64, f *Flows, h Horizon) (transfers []float64, pv float64, err error) {
	if h, err = h.resolve(f); err != nil {
		return nil, 0, err
	}
	net, err := netCashFlow(nil, f.Contributions, f.Transfers, f.Benefits, f.Costs)
	if err != nil {
		return nil, 0, f.dated(err)
	}
	dst, pv, err = deficitTransfers(dst, f.initialReserve(), net, h)
	return dst, pv, f.dated(err)
}
