// The Spanish (es-MX) texts of the report: the assumptions and the law's
// rules as informe.html shows them.

package main

import (
	"fmt"
	"strings"

	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform/htmlreport"
)

// supuestoES is the Spanish name, value and source of each assumption, by
// its English name; an assumption missing here is shown in English.
func supuestosES() map[string][3]string {
	pct := func(v float64) string {
		return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", 100*v), "0"), ".") + " %"
	}
	return map[string][3]string{
		"Employer (state) contribution rate": {"Aportación patronal (del Estado)", pct(isstey.EmployerRate) + " del salario, en todos los regímenes",
			"no figura en fuentes públicas; calibrada: las aportaciones de 2022 más el pago extraordinario de 350 M pagan las prestaciones de 2022"},
		"Reserve on 1 January 2022": {"Reserva al 1 de enero de 2022", fmt.Sprintf("%.1f mil M de pesos (fideicomiso de Ucú), con el rendimiento supuesto", isstey.TrustReserve/1e9),
			"no publicada; calibrada: se agota en 2027 con la ley de 1976 (prensa: fines de 2026 / inicios de 2027)"},
		"State transfers": {"Transferencias del Estado", "350 M de pesos en 2022, ninguna después",
			"el pago extraordinario publicado de 2022; los déficits posteriores aparecen como transferencias"},
		"Census shape": {"Forma del padrón", "padrón sintético al 1 de enero de 2022: 31,000 activos, 7,318 pensiones",
			"no hay padrón público; calibrado a los conteos, la pensión media y las jubilaciones publicados"},
		"Salaries":                     {"Salarios", "10,000 pesos al mes al ingreso en 2022; mérito de 2 %, 1.5 % y 1 % por año de servicio", "no publicados"},
		"Membership":                   {"Afiliación", "55 % mujeres; ingreso a los 18–45 años; 31,000 activos constantes", "no publicada"},
		"Pensions in payment":          {"Pensiones en curso", "vejez 75 %, anticipada 7 %, invalidez 5 %, sobrevivencia 13 %", "no se publica el desglose"},
		"Pension increases of 2020–22": {"Incrementos de pensiones 2020–22", "5 % anual", "el último incremento publicado (2019)"},
		"Retirement": {"Jubilación", "80 % anual de quienes tienen derecho a pensión completa; reducida 8 % (55–59), 15 % (60–64), 30 % (65–69)",
			"juicio: una pensión completa de 1976 paga el 100 % del último salario"},
		"Disability and withdrawal": {"Invalidez y separación", "invalidez 0.03 % a los 20 años, +8 % por año de edad; separación 5 % el primer año de servicio, decreciente", "juicio"},
		"Family":                    {"Familia", "cónyuges: hombres 80 %, mujeres 60 %, esposos 3 años mayores; sin pensiones de orfandad", "juicio"},
		"Mortality":                 {"Mortalidad (primera edición)", "EMSSA-09 para todos los estados, sin mejora", "la EMSSI-IMSS-RCS-12 no es pública completa"},
		"Economy": {"Economía", fmt.Sprintf("salarios %s, precios %s, salario mínimo %s, rendimiento %s anual",
			pct(isstey.WageGrowth), pct(isstey.Inflation), pct(isstey.UnitGrowth), pct(isstey.Return)), "juicio"},
		"Reduced-pension tables": {"Tablas de pensión reducida", "lineales: 50 % a 15 años hasta 100 % a 30 (1976), a 35 (2022), a 28 (2025)", "no se encontraron las tablas de las leyes"},
		"Survivors":              {"Sobrevivientes", "100 % de la pensión (1976, 2025); 65 % constante (ley de 2022)", "el recorte de 2022 a 50 % tras 6 años, valuado para una viuda de 65"},
		"Unchanged by the 2022 law and the 2025 reform": {"Sin cambio en 2022 ni 2025", "aportación patronal, tope, indexación, devolución del 50 %, aguinaldo de 40 días, invalidez", "las fuentes no señalan cambios"},
		"Worker's rate after 2030":                      {"Aportación del trabajador después de 2030", "11 %", "la reforma congela el 11 % hasta 2030; nada se dice después"},
		"Dates":                                         {"Fechas", "ley de 2022 desde 2023, resolución de la Corte desde 2025, reforma de 2025 desde 2026", "las reglas cambian el 1 de enero"},
		"Mortality of actives and pensioners":           {"Mortalidad de activos y pensionados", "EMSSA-09, hombres y mujeres", "CNSF, EMSSA-09"},
		"Mortality improvement":                         {"Mejora de la mortalidad", fmt.Sprintf("%s anual en todas las edades desde %d", pct(improvementRate), emssaBaseYear), "no hay escala publicada para México"},
		"Mortality of the disabled":                     {"Mortalidad de inválidos", "ley de Makeham ajustada a los puntos publicados de la EMSSI-IMSS-RCS-12 (q60–q90)", "CNSF, CUSF anexo 14.2.6-d; la tabla completa no es pública"},
		"2025 reform's reduced scale":                   {"Escala reducida de la reforma de 2025", "por sexo, lineal: 50 % a 15 años hasta 100 % a 30 (hombres) o 28 (mujeres)", "no se encontró la tabla de la reforma"},
		"New hires' rate from 2026":                     {"Aportación de nuevos ingresos desde 2026", "11 %, como todos", "el 15 % de la ley de 2022: no se halló texto que lo mantenga"},
		"Lower return (sensitivity)":                    {"Rendimiento menor (sensibilidad)", fmt.Sprintf("%s desde 2026", pct(lowReturn)), "la restricción de inversiones de la reforma de 2025"},
		"Stochastic economy": {"Economía estocástica", fmt.Sprintf("desv. est. del log del rendimiento %s, de la inflación %s, correlación %.1f, semilla %d",
			pct(returnSD), pct(inflationSD), returnInflationCorr, riskSeed), ""},
		"Package weights": {"Pesos del paquete", "un punto de aportación patronal y un punto de la escala de pensión cuestan igual", ""},
		"Target of the ways": {"Meta de las vías", fmt.Sprintf("balance actuarial de %d–%d en cero, con un año de gasto en reserva al final", isstey.CensusYear, balanceLast),
			"la medida a 75 años de los Trustees de EE. UU.; determinista: cada prueba del solucionador es una proyección"},
		"Way 2's fixed measures": {"Medidas fijas de la vía 2", fmt.Sprintf("salario de referencia de %d años, %d años como mínimo, pensiones sin incremento; la escala resuelta", referenceYears, way2MinAge),
			"con incremento según precios, ninguna escala equilibra las reglas de 2025"},
	}
}

// assumptionListES returns assumptionList in Spanish.
func assumptionListES() []htmlreport.Assumption {
	es := supuestosES()
	as := assumptionList()
	for i, a := range as {
		if t, ok := es[a.Name]; ok {
			as[i].Name, as[i].Value, as[i].Source = t[0], t[1], t[2]
		}
	}
	return as
}

// lawRulesES returns lawRules in Spanish.
func lawRulesES() []htmlreport.Rule {
	const l76, l22, r25 = "Decreto 68 (ley de 1976)", "Decreto 532/2022 (ley de 2022)", "reforma de 2025, aprobada el 24 de octubre de 2025"
	return []htmlreport.Rule{
		{Name: "aportación del trabajador, ley de 1976", Provision: "8 % del salario base", Source: l76},
		{Name: "pensión completa, ley de 1976", Provision: "30 años de servicio, cualquier edad, 100 % del promedio de los últimos 2 años", Source: l76},
		{Name: "pensión reducida, ley de 1976", Provision: "55 años de edad y 15 de servicio: 50 %, hasta 100 % a los 30 años", Source: l76},
		{Name: "tope e indexación, ley de 1976", Provision: "8 salarios mínimos; pensiones indexadas al salario mínimo", Source: l76},
		{Name: "aportación del trabajador, ley de 2022", Provision: "15 % nuevos ingresos; de 8 % a 11 % en 2025 los demás", Source: l22},
		{Name: "pensión completa, ley de 2022", Provision: "35 años de cotización; 85 % (90 %) del promedio de 20 años", Source: l22 + "; invalidada, SCJN 118/2022 y 121/2022"},
		{Name: "aportación del trabajador, reforma de 2025", Provision: "11 %, congelada hasta 2030", Source: r25},
		{Name: "pensión completa, reforma de 2025", Provision: "30 años (hombres), 28 (mujeres), cualquier edad, promedio de los últimos 2 años", Source: r25},
	}
}
