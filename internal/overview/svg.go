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

// Heat draws a table of figures between 0 and 1 as coloured cells, rows
// by cols, each cell's figure written in it by num (a nil cell is drawn
// empty, written "–"); every string in it is escaped.
func Heat(title string, rows, cols []string, cells [][]*float64, num func(float64) string) string {
	const nameW, cellW, cellH, headH = 90, 92, 26, 26
	var b strings.Builder
	w, h := nameW+cellW*max(len(cols), 1), headH+cellH*max(len(rows), 1)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="heat" viewBox="0 0 %d %d" width="%d" height="%d"><title>%s</title>`,
		w, h, w, h, html.EscapeString(title))
	for j, c := range cols {
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="col" text-anchor="middle" dir="auto">%s</text>`, nameW+j*cellW+cellW/2, headH-8, html.EscapeString(clip(c, 14)))
	}
	for i, r := range rows {
		y := headH + i*cellH
		fmt.Fprintf(&b, `<text x="0" y="%d" class="name" dir="auto">%s</text>`, y+17, html.EscapeString(clip(r, 12)))
		for j := range cols {
			x := nameW + j*cellW
			var v *float64
			if i < len(cells) && j < len(cells[i]) {
				v = cells[i][j]
			}
			if v == nil {
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#eeeeee"></rect><text x="%d" y="%d" class="n" text-anchor="middle">–</text>`,
					x+1, y+1, cellW-2, cellH-2, x+cellW/2, y+17)
				continue
			}
			fmt.Fprintf(&b, `<g data-row="%s" data-col="%s" data-value="%g"><rect x="%d" y="%d" width="%d" height="%d" fill="%s"></rect><text x="%d" y="%d" class="n%s" text-anchor="middle">%s</text></g>`,
				html.EscapeString(r), html.EscapeString(cols[j]), *v, x+1, y+1, cellW-2, cellH-2, heatColor(*v), x+cellW/2, y+17, heatInk(*v), html.EscapeString(num(*v)))
		}
	}
	b.WriteString("</svg>")
	return b.String()
}

// heatColor is the fill of a figure v in [0, 1]: pale for 0, deep blue
// for 1 (clamped outside).
func heatColor(v float64) string {
	v = min(max(v, 0), 1)
	mix := func(a, b int) int { return a + int(float64(b-a)*v+0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(0xf4, 0x1d), mix(0xf1, 0x4e), mix(0xe8, 0x89))
}

// heatInk is the class that writes a figure on a fill of heatColor(v) with
// enough contrast: light ink on the deep half.
func heatInk(v float64) string {
	if v > 0.55 {
		return " light"
	}
	return ""
}
