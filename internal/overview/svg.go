package overview

import (
	"fmt"
	"html"
	"strings"
)

// Bars draws counts as a horizontal bar chart in SVG, one row per count,
// named title for screen readers, numbers written by num; every string in
// it is escaped.
func Bars(title string, counts []Count, num func(int) string) string {
	const row, nameW, barW, numW = 22, 110, 150, 40
	top := 0
	for _, c := range counts {
		top = max(top, c.N)
	}
	var b strings.Builder
	h := row * max(len(counts), 1)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bars" viewBox="0 0 %d %d" width="100%%"><title>%s</title>`,
		nameW+barW+numW, h, html.EscapeString(title))
	for i, c := range counts {
		y := i * row
		w := 0
		if top > 0 {
			w = c.N * barW / top
		}
		if c.N > 0 {
			w = max(w, 2)
		}
		color := c.Color
		if color == "" || strings.ContainsAny(color, `"<>&'`) {
			color = "#5b7083"
		}
		fmt.Fprintf(&b, `<g data-key="%s" data-n="%d"><text x="0" y="%d" class="name" dir="auto">%s</text>`,
			html.EscapeString(c.Key), c.N, y+15, html.EscapeString(clip(c.Name, 16)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="14" rx="3" fill="%s"></rect>`, nameW, y+4, w, html.EscapeString(color))
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="n">%s</text></g>`, nameW+w+6, y+15, html.EscapeString(num(c.N)))
	}
	b.WriteString("</svg>")
	return b.String()
}

// Stacked draws each document's spans per label as one stacked bar, the
// longest the width, numbers written by num; every string in it is escaped.
func Stacked(title string, docs []Doc, num func(int) string) string {
	const row, nameW, barW, numW = 22, 120, 140, 40
	top := 0
	for _, d := range docs {
		top = max(top, d.Total)
	}
	var b strings.Builder
	h := row * max(len(docs), 1)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bars" viewBox="0 0 %d %d" width="100%%"><title>%s</title>`,
		nameW+barW+numW, h, html.EscapeString(title))
	for i, d := range docs {
		y := i * row
		fmt.Fprintf(&b, `<g data-key="%s" data-n="%d"><text x="0" y="%d" class="name" dir="auto">%s</text>`,
			html.EscapeString(d.ID), d.Total, y+15, html.EscapeString(clip(d.Title, 18)))
		x := nameW
		for _, c := range d.Counts {
			if c.N == 0 || top == 0 {
				continue
			}
			w := max(c.N*barW/top, 1)
			color := c.Color
			if color == "" || strings.ContainsAny(color, `"<>&'`) {
				color = "#5b7083"
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="14" fill="%s"><title>%s: %s</title></rect>`, x, y+4, w, html.EscapeString(color), html.EscapeString(c.Name), html.EscapeString(num(c.N)))
			x += w
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="n">%s</text></g>`, x+6, y+15, html.EscapeString(num(d.Total)))
	}
	b.WriteString("</svg>")
	return b.String()
}

// clip shortens s to n code points, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
