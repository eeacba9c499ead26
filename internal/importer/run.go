package importer

import (
	"errors"
	"fmt"

	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/store"
)

// Run imports each unit into st, all or nothing per unit, skipping documents
// known already (and indexing those it adds in known). A unit refused only
// for labels outside opts.Schema is held, for the user to map; any other
// failure is reported and the next unit goes on.
func Run(st store.Store, known *store.Known, units []Unit, opts Options) job.Reply {
	var r job.Reply
	for _, u := range units {
		res, err := Import(u, opts)
		var unknown *jsonl.UnknownLabelsError
		if errors.As(err, &unknown) {
			h := job.Held{Name: u.Name, Files: u.Index}
			for _, l := range unknown.Names() {
				h.Labels = append(h.Labels, job.Unknown{Label: l, Spans: unknown.Labels[l], Line: unknown.FirstLine[l]})
			}
			r.Held = append(r.Held, h)
			continue
		}
		if err != nil {
			r.Messages = append(r.Messages, job.Message{Kind: "error", Text: err.Error() + " — nothing of this file was imported."})
			continue
		}
		for _, n := range res.Notes {
			r.Messages = append(r.Messages, job.Message{Kind: "info", Text: u.Name + ": " + n})
		}
		added, skipped, first, err := known.Add(st, res.Docs)
		if err != nil {
			r.Messages = append(r.Messages, job.Message{Kind: "error", Text: fmt.Sprintf("%s: nothing of this file was imported: %v", u.Name, err)})
			continue
		}
		if r.First == "" {
			r.First = first
		}
		r.Stored += added
		r.Messages = append(r.Messages, job.Message{Kind: "info", Text: job.Imported(u.Name, added, skipped)})
	}
	return r
}
