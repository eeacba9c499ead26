package ui

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggestion"
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

// blockInnerHTML is the content of a shown block's element: its text, its
// spans and the suggestions sugs (which overlap no span; drawn apart from
// spans, and without data-label, which marks a span). Which span is
// selected or flashing, and which suggestion is chosen, is not part of it
// (see markSpans): a change of selection must not rewrite the text a user
// is selecting in.
func blockInnerHTML(b view.Block, spans, sugs []corpus.Span) string {
	var m markup
	all := withSuggestions(spans, sugs)
	for _, p := range b.Paras {
		m.para(p, all)
	}
	return m.String()
}

// paraHTML is one paragraph of a block, exactly as blockInnerHTML writes it.
func paraHTML(p view.Paragraph, spans, sugs []corpus.Span) string {
	var m markup
	m.para(p, withSuggestions(view.Overlapping(spans, p.Start, p.End), view.Overlapping(sugs, p.Start, p.End)))
	return m.String()
}

// withSuggestions returns spans and sugs in one sorted slice, the
// suggestions told apart by having no ID (every span of the open document
// has one); spans itself when there are no suggestions.
func withSuggestions(spans, sugs []corpus.Span) []corpus.Span {
	if len(sugs) == 0 {
		return spans
	}
	all := make([]corpus.Span, 0, len(spans)+len(sugs))
	all = append(append(all, spans...), sugs...)
	for i := len(spans); i < len(all); i++ {
		all[i].ID = ""
	}
	corpus.SortSpans(all)
	return all
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
		if s.Span.ID == "" {
			m.suggestion(s)
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

// suggestion writes a segment of a suggestion: a mark the app tells by
// data-suggest (its label) and data-key (suggestion.Key), with its
// source in the title.
func (m *markup) suggestion(s view.Segment) {
	m.WriteString("<mark")
	m.attr("class", "suggestion")
	m.attr("id", sugElementID(*s.Span))
	m.attr("data-suggest", string(s.Span.Label))
	m.attr("data-key", suggestion.Key(*s.Span))
	m.attr("data-testid", "suggestion")
	m.attr("data-source", s.Span.Attrs[suggestion.SourceAttr])
	m.intAttr("data-start", s.Start)
	m.intAttr("data-end", s.End)
	m.attr("title", string(s.Span.Label)+" · "+s.Span.Attrs[suggestion.SourceAttr])
	m.WriteByte('>')
	m.text(s.Text)
	m.WriteString("</mark>")
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
		m.WriteString("</span>")
		m.values(sp)
		m.WriteString("</li>")
	}
	return m.String()
}

// values writes the values of a span's label that it has, and its source,
// as a line of key=value pairs.
func (m *markup) values(sp corpus.Span) {
	var parts []string
	for _, k := range suggestion.ValueKeys(sp.Label) {
		if v, ok := sp.Attrs[k]; ok {
			parts = append(parts, k+"="+v)
		}
	}
	if src := sp.Attrs[suggestion.SourceAttr]; src != "" {
		parts = append(parts, suggestion.SourceAttr+"="+src)
	}
	if len(parts) == 0 {
		return
	}
	m.WriteString(`<span class="span-values" data-testid="span-values" dir="ltr">`)
	m.text(strings.Join(parts, " · "))
	m.WriteString("</span>")
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
