package importer

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// placement is what becomes of a run of a unit's documents: the ones to
// add (Known.Add skips those stored already) and the layers to put on
// stored documents.
type placement struct {
	fresh []corpus.Document
	puts  []store.LayerPut
	// first is the stored document the run's first document became a
	// layer of, or "".
	first string
	// unnamed says a document would become a layer named by nothing but
	// its file, and the unit asks for a name instead (job.Layer.Ask).
	unnamed bool
}

// errUnnamed holds a unit back for the name of the layer it would become.
var errUnnamed = errors.New("the layer needs a name")

// place decides what becomes of docs, read from u with no annotator set
// on their spans (unstamped): a document whose text is stored already,
// not by this import (mine), and whose spans are some and not the stored
// document's own (by start, end and label) becomes a layer of it, its
// spans without an annotator given the layer's name; any other document
// is to be added, its spans without an annotator given the line's
// meta.annotator or else opts.Annotator. See LayerName for the layer's name.
func place(st store.Store, known *store.Known, docs []corpus.Document, u Unit, opts Options, mine map[string]bool) (placement, error) {
	var pl placement
	kind := corpus.LayerHuman
	if u.Layer.System {
		kind = corpus.LayerSystem
	}
	now := time.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	// The stored documents some of docs may become layers of.
	var ids []string
	target := make([]string, len(docs))
	for i, d := range docs {
		id, ok := known.Stored(corpus.DigestOf(d.Text))
		if !ok || mine[id] || len(d.Spans) == 0 || slices.Contains(ids, id) {
			continue
		}
		target[i] = id
		ids = append(ids, id)
	}
	var stored []corpus.Document
	if len(ids) > 0 {
		var err error
		if stored, err = st.Read(ids); err != nil {
			return pl, err
		}
	}
	own := make(map[string][]corpus.Span, len(stored))
	for _, d := range stored {
		own[d.ID] = d.Spans
	}
	for i, d := range docs {
		if id := target[i]; id != "" && !sameSpans(d.Spans, own[id]) {
			name, given := layerName(d, u)
			if !given && u.Layer.Ask {
				pl.unnamed = true
			}
			stamp(d.Spans, name)
			pl.puts = append(pl.puts, store.LayerPut{Doc: id, Layer: corpus.Layer{Name: name, Kind: kind, Imported: now, Source: u.Name, Spans: d.Spans}})
			if i == 0 {
				pl.first = id
			}
			continue
		}
		if a := metaAnnotator(d); a != "" {
			stamp(d.Spans, a)
		}
		stamp(d.Spans, opts.Annotator)
		pl.fresh = append(pl.fresh, d)
	}
	return pl, nil
}

// LayerName returns the name of the layer that document d, read from u,
// becomes of a stored document: the line's meta.annotator, else the one
// annotator all its spans name, else u.Layer.Name, else u's first file's
// base name without its extension.
func LayerName(d corpus.Document, u Unit) string {
	name, _ := layerName(d, u)
	return name
}

// layerName is LayerName, saying whether the name was given (by the line
// or u.Layer) rather than taken from the file's name.
func layerName(d corpus.Document, u Unit) (string, bool) {
	if a := metaAnnotator(d); a != "" {
		return a, true
	}
	one := ""
	for i, sp := range d.Spans {
		if sp.Annotator == "" || (i > 0 && sp.Annotator != one) {
			one = ""
			break
		}
		one = sp.Annotator
	}
	if one != "" {
		return one, true
	}
	if name := strings.TrimSpace(u.Layer.Name); name != "" {
		return name, true
	}
	return fileLayerName(u), false
}

// fileLayerName returns the name u's file gives a layer: its first file's
// base name without its extension.
func fileLayerName(u Unit) string {
	base := baseName(u.Files[0].Name)
	return base[:len(base)-len(format.Ext(base))]
}

// metaAnnotator returns d's meta.annotator, trimmed, when it is a string.
func metaAnnotator(d corpus.Document) string {
	var a string
	if v, ok := d.Meta["annotator"]; !ok || json.Unmarshal(v, &a) != nil {
		return ""
	}
	return strings.TrimSpace(a)
}

// stamp gives the spans without an annotator name.
func stamp(spans []corpus.Span, name string) {
	for i := range spans {
		if spans[i].Annotator == "" {
			spans[i].Annotator = name
		}
	}
}

// sameSpans reports whether a and b, sorted, hold the same extents and labels.
func sameSpans(a, b []corpus.Span) bool {
	return slices.EqualFunc(a, b, func(x, y corpus.Span) bool {
		return x.Start == y.Start && x.End == y.End && x.Label == y.Label
	})
}

// unstamped returns opts setting no annotator on the spans read: place
// does, once it knows what each document becomes.
func unstamped(opts Options) Options {
	opts.Annotator = ""
	return opts
}

// count adds puts to counts, by layer name in the order first met.
func count(counts []job.LayerCount, puts []store.LayerPut) []job.LayerCount {
	for _, p := range puts {
		i := slices.IndexFunc(counts, func(c job.LayerCount) bool { return c.Name == p.Layer.Name })
		if i < 0 {
			counts = append(counts, job.LayerCount{Name: p.Layer.Name, Kind: p.Layer.Kind})
			i = len(counts) - 1
		}
		counts[i].Docs++
	}
	return counts
}

// previous returns the layers that puts would replace, as they are.
func previous(st store.Store, puts []store.LayerPut) ([]store.LayerPut, error) {
	var out []store.LayerPut
	for _, p := range puts {
		infos, err := st.Layers(p.Doc)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(infos, func(i corpus.LayerInfo) bool { return i.Name == p.Layer.Name }) {
			continue
		}
		l, err := st.Layer(p.Doc, p.Layer.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, store.LayerPut{Doc: p.Doc, Layer: l})
	}
	return out, nil
}

// refs returns the documents and names of puts.
func refs(puts []store.LayerPut) []job.LayerRef {
	out := make([]job.LayerRef, len(puts))
	for i, p := range puts {
		out[i] = job.LayerRef{Doc: p.Doc, Name: p.Layer.Name}
	}
	return out
}

// layeredMessage is the message, in p's language, saying that docs
// documents stored already were given the layer c of source.
func layeredMessage(p *locale.Printer, source string, c job.LayerCount) string {
	docs := locale.Text(p.T("%d documents", c.Docs))
	if c.Kind == corpus.LayerSystem {
		return p.T("%s: %s stored already now have the system layer «%s» (predictions).", source, docs, c.Name)
	}
	return p.T("%s: %s stored already now have the layer «%s».", source, docs, c.Name)
}
