// The HTML template and its style sheet.

package htmlreport

import "html/template"

// trustedHTML marks the SVG that gonum/plot drew (its text escaped by
// the SVG writer) as HTML the template writes as it is.
func trustedHTML(s string) template.HTML { return template.HTML(s) }

// pageTemplate writes a page: A4, a page break before each section but
// the first, numbers right-aligned with tabular figures, system fonts
// only.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.4; color: #111; max-width: 17.5cm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 15pt; border-bottom: 1px solid #888; padding-bottom: 0.2em; }
h3 { font-size: 12pt; }
.subtitle { font-size: 12pt; color: #333; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 9pt; width: 100%; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; caption-side: top; }
th, td { border-bottom: 1px solid #ccc; padding: 0.15em 0.4em; vertical-align: top; }
th { border-bottom: 1.5px solid #444; text-align: left; font-weight: bold; vertical-align: bottom; }
th.num { white-space: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; max-height: 9.5cm; display: block; }
figcaption { font-size: 9pt; font-style: italic; margin-top: 0.2em; }
nav ol { columns: 2; }
footer { font-size: 8pt; color: #555; margin-top: 2em; }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{if .Scheme}}<p class="subtitle">{{.Scheme}}</p>{{end}}
<p class="subtitle">{{.Subtitle}}</p>
<nav aria-label="{{.Contents}}"><h2 style="border:none">{{.Contents}}</h2><ol>
{{range .Sections}}<li><a href="#{{.ID}}">{{.Title}}</a></li>
{{end}}</ol></nav>
</header>
<main>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{range .Items}}{{if .Para}}<p>{{.Para}}</p>
{{end}}{{if .Heading}}<h3>{{.Heading}}</h3>
{{end}}{{with .Table}}<table>
<caption>{{.Caption}}</caption>
<thead><tr>{{range .Head}}<th scope="col"{{if .Num}} class="num"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{if .Num}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{with .Figure}}<figure>
{{.SVG}}
<figcaption>{{.Caption}}</figcaption>
</figure>
{{end}}{{end}}</section>
{{end}}</main>
<footer><p>{{.Prepared}}</p></footer>
</body>
</html>
`))
