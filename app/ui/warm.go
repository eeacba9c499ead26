package ui

import (
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/view"
)

// warmText is the scratch document warmEdits edits: two paragraphs, the
// second with a proclitic.
const warmText = "هجوم على قرية في ولاية كاي.\nوالفيلق الإفريقي في المنطقة."

// warmEdits makes, on a scratch document, the edits a key makes, with the
// code of the key handler (the editor, the layout, a paragraph's HTML), and
// draws nothing. The browser compiles WebAssembly code on its first call:
// the first edit of a page took twice as long in the key handler as the
// next ones (3.1 against 1.5 ms, at 3k and 150k characters alike). The
// shell runs it once, when the browser is idle after the first document
// is shown. It returns how many edits it made.
func warmEdits(schema *corpus.Schema) (made int) {
	if schema == nil || len(schema.Labels) < 2 {
		return 0
	}
	ed := editor.New(corpus.Document{ID: "warm", Text: warmText}, history.Log{}, schema, "", time.Now)
	doc := ed.Doc()
	lay := view.NewLayout(0, doc.Text, doc.Spans)
	edit := func(e store.Edit, sp corpus.Span, err error) {
		if err != nil {
			return
		}
		made++
		doc = ed.Doc()
		touched := lay.BlocksOf(lay.Update(e, ed.Last().Removed, doc.Spans))
		for _, i := range touched {
			b := lay.Blocks[i]
			if cur, ok := ed.Span(sp.ID); ok {
				_ = view.BlockAt(lay.Blocks, cur.Start) == i // the selected span's block, as paintNow finds it
			}
			for _, p := range b.Paras {
				_ = paraHTML(p, lay.BlockSpans[i], nil)
			}
			_ = blockInnerHTML(b, lay.BlockSpans[i], nil)
		}
		lay.RefitGroups(touched, doc.Spans)
	}
	first, second := schema.Labels[0].Name, schema.Labels[1].Name
	e, sp, err := ed.Label(0, 4, first) // هجوم
	edit(e, sp, err)
	if err != nil {
		return made
	}
	e, err = ed.Relabel(sp.ID, second)
	edit(e, sp, err)
	e, sp, err = ed.Label(28, 35, first) // والفيلق, and its proclitic
	edit(e, sp, err)
	e, sp, err = ed.ToggleProclitic(sp.ID)
	edit(e, sp, err)
	e, err = ed.Remove(sp.ID)
	edit(e, sp, err)
	if e, ok := ed.Undo(); ok {
		edit(e, sp, nil)
	}
	if e, ok := ed.Redo(); ok {
		edit(e, sp, nil)
	}
	return made
}
