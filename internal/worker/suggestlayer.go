package worker

import (
	"strings"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/suggestion"
)

// suggestChunk is how many documents suggestLayer reads at a time.
const suggestChunk = 64

// suggestLayer does a SuggestLayer: it proposes spans for each document of
// req.Docs (every stored one when empty) from its text and metadata alone,
// as an extractor would, with the sources req.Off leaves on, and stores
// them as the document's system layer suggestion.LayerName, replacing the
// one it had, all or none. Documents kept suggestion-free as a control
// (req.Dataset's seed and share) and documents too long for suggestions
// are left out and counted. A document whose layer of that name is not a
// system layer makes it fail, naming the document.
func suggestLayer(st store.Store, req job.Request, p *locale.Printer, progress func(job.Progress)) job.Reply {
	fail := func(err error) job.Reply { return job.Reply{Error: p.Error(err)} }
	sums, err := st.List()
	if err != nil {
		return fail(err)
	}
	byID := make(map[string]corpus.Summary, len(sums))
	for _, sm := range sums {
		byID[sm.ID] = sm
	}
	ids := req.Docs
	if len(ids) == 0 {
		ids = make([]string, len(sums))
		for i, sm := range sums {
			ids[i] = sm.ID
		}
	}
	index, err := st.LayerIndex()
	if err != nil {
		return fail(err)
	}
	var r job.Suggested
	chosen := make([]string, 0, len(ids))
	for _, id := range ids {
		sm, ok := byID[id]
		if !ok {
			return job.Reply{Error: p.T("document %q is not stored", id)}
		}
		for _, l := range index[id] {
			if l.Name == suggestion.LayerName && l.Kind != corpus.LayerSystem {
				return job.Reply{Error: p.T("document «%s» has a layer named %s that is not a system layer: suggestions are stored as a system layer of that name", sm.Title, suggestion.LayerName)}
			}
		}
		switch {
		case suggestion.Control(id, req.Dataset.Seed, req.Dataset.Control):
			r.Control++
		case !suggestion.Offered(sm.Length):
			r.Long++
		default:
			chosen = append(chosen, id)
		}
	}
	opts, err := engineOptions(st)
	if err != nil {
		return fail(err)
	}
	opts.Off = req.Off
	engine := suggest.New(opts)
	on := make([]string, 0, len(suggest.Sources))
	for _, s := range engine.On() {
		on = append(on, string(s))
	}
	source := "suggestions: " + strings.Join(on, ", ")
	now := time.Now().UTC()
	step := percent(progress, p, p.T("Suggesting…"))
	puts := make([]store.LayerPut, 0, len(chosen))
	r.Labels = map[corpus.Label]int{}
	for at := 0; at < len(chosen); at += suggestChunk {
		step(at, len(chosen))
		docs, err := st.Read(chosen[at:min(at+suggestChunk, len(chosen))])
		if err != nil {
			return fail(err)
		}
		for i := range docs {
			d := &docs[i]
			d.Spans = nil
			spans := engine.Suggest(d)
			for j := range spans {
				spans[j].Annotator, spans[j].Created = suggestion.LayerName, now
				r.Labels[spans[j].Label]++
			}
			r.Spans += len(spans)
			puts = append(puts, store.LayerPut{Doc: d.ID, Layer: corpus.Layer{Name: suggestion.LayerName, Kind: corpus.LayerSystem, Source: source, Spans: spans}})
		}
	}
	step(len(chosen), len(chosen))
	if len(puts) > 0 {
		if err := st.PutLayers(puts); err != nil {
			return fail(err)
		}
	}
	r.Docs = len(puts)
	return job.Reply{Suggested: &r}
}
