package modelworker_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/modelworker"
)

// The six standard model workers under the reference scheme's rules.
func ExampleEvaluate() {
	s := actuarialtest.ReferenceScheme(nil, 0)
	outs, err := modelworker.Evaluate(s, modelworker.Config{AverageSalary: 120000}, modelworker.Standard())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range outs {
		fmt.Printf("%-20s retires %d at %d after %2d years: replacement %.1f%%, real after 20 years %.0f, money's worth %.2f\n",
			o.Worker.Name, o.Year, o.Age, o.Service, 100*o.Replacement, o.Real[1], o.MoneysWorth)
	}
	// Output:
	// low earner, man      retires 2060 at 60 after 35 years: replacement 92.6%, real after 20 years 252969, money's worth 2.98
	// high earner, man     retires 2060 at 60 after 35 years: replacement 92.6%, real after 20 years 843230, money's worth 2.98
	// low earner, woman    retires 2060 at 60 after 35 years: replacement 92.6%, real after 20 years 252969, money's worth 3.42
	// high earner, woman   retires 2060 at 60 after 35 years: replacement 92.6%, real after 20 years 843230, money's worth 3.42
	// short career, woman  retires 2055 at 65 after 25 years: replacement 69.4%, real after 20 years 259903, money's worth 3.16
	// long career, man     retires 2065 at 60 after 40 years: replacement 92.6%, real after 20 years 512959, money's worth 2.58
}
