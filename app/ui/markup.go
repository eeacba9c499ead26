package ui

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/view"
)

// The content of the chunks of long lists and documents is written as HTML
// text and handed to the browser whole (innerHTML): one DOM call per chunk
// instead of several per element, which is what makes opening and editing a
// long document fast. Text and attribute values are escaped.

type markup struct{ strings.Builder }

func (m *markup) attr(name, value string) {
	m.WriteByte(' ')
	m.WriteString(name)
	m.WriteString(`="`)
	m.WriteString(html.EscapeString(value))
	m.WriteByte('"')
}

func (m *markup) intAttr(name string, v int) { m.attr(name, strconv.Itoa(v)) }

// text writes document or user text, escaped, with the characters the page
// cannot hold as they are made visible (view.Shown).
func (m *markup) text(s string) { m.WriteString(html.EscapeString(view.Shown(s))) }

// blockInnerHTML is the content of a shown block's element. Which span is
// selected or flashing is not part of it (see markSpans): a change of
// selection must not rewrite the text a user is selecting in.
func blockInnerHTML(b view.Block, spans []corpus.Span) string {
	var m markup
	for _, p := range b.Paras {
		m.para(p, spans)
	}
	return m.String()
}

// paraHTML is one paragraph of a block, exactly as blockInnerHTML writes it.
func paraHTML(p view.Paragraph, spans []corpus.Span) string {
	var m markup
	m.para(p, spans)
	return m.String()
}

func (m *markup) para(p view.Paragraph, spans []corpus.Span) {
	if p.More {
		m.WriteString(`<p class="para more"`) // a piece of a long line: no gap after it
	} else {
		m.WriteString(`<p class="para"`)
	}
	m.intAttr("data-start", p.Start)
	m.intAttr("data-end", p.End)
	m.WriteByte('>')
	segs := view.Segments(p, view.Overlapping(spans, p.Start, p.End))
	if len(segs) == 0 {
		m.WriteString("<br>")
	}
	for _, s := range segs {
		if s.Span == nil {
			m.WriteString("<span")
			m.intAttr("data-start", s.Start)
			m.intAttr("data-end", s.End)
			m.WriteByte('>')
			m.text(s.Text)
			m.WriteString("</span>")
			continue
		}
		m.WriteString("<mark")
		m.attr("class", "span")
		m.attr("id", "span-"+s.Span.ID)
		m.attr("data-id", s.Span.ID)
		m.attr("data-label", string(s.Span.Label))
		m.intAttr("data-start", s.Start)
		m.intAttr("data-end", s.End)
		m.attr("title", string(s.Span.Label))
		m.WriteByte('>')
		m.text(s.Text)
		m.WriteString("</mark>")
	}
	m.WriteString("</p>")
}

// spanRowsHTML writes the side-list rows of the spans starting in a block.
func spanRowsHTML(b view.Block, spans []corpus.Span, selected string) string {
	var m markup
	for _, sp := range spans {
		cls := "span-item"
		if sp.ID == selected {
			cls += " selected"
		}
		m.WriteString("<li")
		m.attr("class", cls)
		m.attr("data-testid", "span-item")
		m.attr("data-role", "span-item")
		m.attr("data-id", sp.ID)
		m.attr("tabindex", "-1")
		m.WriteString(`><span class="chip"`)
		m.attr("data-label", string(sp.Label))
		m.WriteByte('>')
		m.text(string(sp.Label))
		m.WriteString(`</span><span class="span-text" dir="rtl" lang="ar">`)
		m.text(spanText(b, sp))
		m.WriteString("</span></li>")
	}
	return m.String()
}

// spanText returns a span's text from the paragraphs of its block, line
// breaks shown as spaces.
func spanText(b view.Block, sp corpus.Span) string {
	var parts []string
	for _, p := range b.Paras {
		if sp.Start < p.End && p.Start < sp.End {
			parts = append(parts, view.Text(p.Text, p.Start, max(sp.Start, p.Start), min(sp.End, p.End)))
		}
	}
	return strings.Join(parts, " ")
}

// docItemsHTML writes a run of entries of the document list.
func docItemsHTML(p *locale.Printer, items []corpus.Summary, open string, checked []string, labels []corpus.LabelDef, cur map[string]corpus.CurationInfo) string {
	var m markup
	for _, sm := range items {
		cls := "doc-item"
		if sm.ID == open {
			cls += " open"
		}
		m.WriteString("<li")
		m.attr("class", cls)
		m.attr("data-testid", "doc")
		m.attr("data-role", "doc")
		m.attr("data-id", sm.ID)
		m.WriteString(`><input type="checkbox" class="doc-check" data-role="doc-check" data-testid="doc-check"`)
		m.attr("aria-label", p.T("Choose %s", sm.Title))
		if slices.Contains(checked, sm.ID) {
			m.WriteString(" checked")
		}
		m.WriteString(`><div class="doc-title" dir="auto">`)
		m.text(sm.Title)
		m.WriteString(`</div><div class="doc-meta"><span`)
		m.attr("class", "status "+string(sm.Status))
		m.WriteByte('>')
		m.text(statusName(p, sm.Status))
		m.WriteString(`</span><span class="count">`)
		m.text(p.T("%d spans", sm.Total()))
		m.WriteString(`</span>`)
		if c, ok := cur[sm.ID]; ok {
			curationChip(&m, p, c)
		}
		m.WriteString(`<span class="chips">`)
		for _, d := range labels {
			if n := sm.Counts[d.Name]; n > 0 {
				m.WriteString(`<span class="chip"`)
				m.attr("data-label", string(d.Name))
				m.attr("title", labelName(p, d))
				m.WriteByte('>')
				m.WriteString(p.N(n))
				m.WriteString("</span>")
			}
		}
		m.WriteString("</span></div></li>")
	}
	return m.String()
}
