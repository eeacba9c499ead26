// Package job defines the work the page hands to its background worker and
// what comes back: a Request, progress, and a Reply, each as JSON.
//
// The worker does what would hold the page's thread or memory for long:
// reading files in every import format, building exports of the whole
// corpus. It reads and writes the browser's store itself, so documents never
// cross between the two; only requests, messages, finished files and, for
// work done by several workers in turn, where the next one goes on (Resume,
// Plan) do.
package job

import (
	"encoding/json"

	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/propagation"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/training"
)

// Op names a kind of work.
type Op string

const (
	// Import imports the files handed over with the request, in the order of
	// Request.Files, and stores the documents not stored yet.
	Import Op = "import"
	// ExportJSONL writes the whole corpus as span JSONL.
	ExportJSONL Op = "export-jsonl"
	// ExportDataset writes the dataset zip (see package dataset).
	ExportDataset Op = "export-dataset"
	// Agree surveys the corpus's layers and measures the agreement of the
	// layers Request.Gold chooses (by default gold.DefaultChoice), when it
	// chooses two or more.
	Agree Op = "agree"
	// Score scores the second layer Request.Gold chooses (an extractor's)
	// against the first (the reference), as the score verb does.
	Score Op = "score"
	// Suggest proposes spans for the document handed over with the request
	// (Request.Doc), in a worker that stays for the next request and keeps
	// its engine; nothing is stored.
	Suggest Op = "suggest"
	// Train trains the learned tagger on the corpus's done and curated
	// documents, evaluates it on a held-back fifth of them and stores the
	// model with the record of its training (package training).
	Train Op = "train"
	// Propagate adds Request.Phrase to the corpus's propagated labels
	// (package propagation) and counts its mentions in the other documents.
	Propagate Op = "propagate"
	// SuggestLayer proposes spans for the documents of Request.Docs (every
	// one when empty) from their texts alone and stores them as each one's
	// system layer suggestion.LayerName (package worker says which are left
	// out); the reply counts them (Reply.Suggested).
	SuggestLayer Op = "suggest-layer"
	// Share computes a share of an agreement's bootstrap, the bytes handed
	// over as the request's one file (agreement.ComputeShare), in a worker
	// an Agree or a Score started; the reply's file holds its figures.
	Share Op = "share"
)

// Request is one piece of work.
type Request struct {
	Op        Op            `json:"op"`
	Schema    corpus.Schema `json:"schema"`
	Annotator string        `json:"annotator,omitempty"`
	// Locale is the language and digits the worker's messages are written in.
	Locale locale.Settings `json:"locale"`
	// Files names the files handed over with an Import, in order.
	Files []string `json:"files,omitempty"`
	// Layers says, for an Import, what each file of Files (by position;
	// a missing one is the zero Layer) becomes for documents stored already.
	Layers []Layer `json:"layers,omitempty"`
	// LabelMap maps labels outside the schema onto it, for an Import.
	LabelMap map[corpus.Label]corpus.Label `json:"label_map,omitempty"`
	// Dataset holds the settings of an ExportDataset.
	Dataset Dataset `json:"dataset"`
	// Gold chooses the layers and documents of an Agree or a Score.
	Gold *gold.Choice `json:"gold,omitempty"`
	// Memory says the page has no storage: an Import replies with the
	// documents it read as a span JSONL file instead of storing them, and an
	// export reads the corpus from the span JSONL file handed over with it.
	Memory bool `json:"memory,omitempty"`
	// Resume, for an Import, says where an earlier worker stopped.
	Resume *Resume `json:"resume,omitempty"`
	// Plan, for an ExportDataset, is the plan an earlier worker made
	// (dataset.Plan, as JSON): this one writes the zip from it.
	Plan json.RawMessage `json:"plan,omitempty"`
	// Doc is the document a Suggest proposes spans for, with its spans.
	Doc *corpus.Document `json:"doc,omitempty"`
	// Rev numbers a Suggest request; its reply carries it back, so that the
	// page drops a reply to a request it has made again since.
	Rev int `json:"rev,omitempty"`
	// Reload, for a Suggest, says the stored model or propagated labels
	// changed: the worker reads them again before it suggests.
	Reload bool `json:"reload,omitempty"`
	// Off, for a Suggest, names the sources the user switched off.
	Off []suggest.Source `json:"off,omitempty"`
	// Docs are the documents of a SuggestLayer; empty means every one.
	Docs []string `json:"docs,omitempty"`
	// Phrase is the text and label a Propagate propagates, and Doc the
	// document it was labelled in (its own mentions are not counted).
	Phrase *Phrase `json:"phrase,omitempty"`
}

// Phrase is a text labelled for every mention in the corpus.
type Phrase struct {
	propagation.Entry
	Doc string `json:"doc,omitempty"`
}

// Layer says what an imported file becomes for the documents whose texts
// are stored already: a layer of each of them, instead of a duplicate.
type Layer struct {
	// Name names the layer of a document whose line names no annotator
	// (meta.annotator, or one annotator on all its spans); empty means the
	// file's base name without its extension.
	Name string `json:"name,omitempty"`
	// System marks the file as an extractor's predictions: its layers are
	// system layers.
	System bool `json:"system,omitempty"`
	// Ask holds the file back, all of it, when a document of it would
	// become a layer with no name but the file's (no Name, no annotator in
	// its line): the reply's Held asks the user for one (Held.Unnamed).
	Ask bool `json:"ask,omitempty"`
}

// Resume is where an import goes on in a new worker. A worker that has
// stored a shift of a large file's documents stops and says where it got
// to, and the page starts a new worker there: what the browser keeps of the
// records a worker wrote, which it frees late, goes with the worker.
type Resume struct {
	// Unit is the unit going on, by its place among the units of the files
	// handed over (importer.Group); those before it are done.
	Unit int `json:"unit"`
	// Offset and Line are the bytes and lines of its file already stored.
	Offset int64 `json:"offset"`
	Line   int   `json:"line"`
	// Stored are the IDs of the unit's documents stored so far: should a
	// later run fail, they are removed, so that the unit is all or nothing.
	Stored  []string `json:"stored"`
	Skipped int      `json:"skipped"` // documents skipped as already present
	First   string   `json:"first,omitempty"`
	// Layered are the layers the unit put so far, and Replaced the layers
	// they replaced, as they were: should a later run fail, the first are
	// deleted and the second put back (RollbackLayers).
	Layered  []LayerRef       `json:"layered,omitempty"`
	Replaced []store.LayerPut `json:"replaced,omitempty"`
	// Layers counts the documents given each layer so far, by name.
	Layers []LayerCount `json:"layers,omitempty"`
}

// LayerRef names one layer of one document.
type LayerRef struct {
	Doc  string `json:"doc"`
	Name string `json:"name"`
}

// LayerCount is how many documents an import gave the layer Name, of kind Kind.
type LayerCount struct {
	Name string           `json:"name"`
	Kind corpus.LayerKind `json:"kind"`
	Docs int              `json:"docs"`
}

// Dataset holds the user's dataset export settings.
type Dataset struct {
	IncludeAll bool       `json:"include_all"`
	Seed       uint64     `json:"seed"`
	Ratios     [3]float64 `json:"ratios"`
	Units      bool       `json:"units"`
	Name       string     `json:"name"`
	Version    string     `json:"version,omitempty"`
	// Control is the share (0 to 1) of documents kept suggestion-free as a
	// control, chosen by Seed and each document's ID (suggestion.Control).
	Control float64 `json:"control,omitempty"`
	// Spans says where the spans come from: "" (gold when some document
	// has a curated gold layer, else own), "own" or "gold" (see
	// dataset.Settings.Spans).
	Spans string `json:"spans,omitempty"`
	// KeepOwn, with gold, keeps the documents without a curated gold
	// layer, with their own spans, instead of leaving them out.
	KeepOwn bool `json:"keep_own,omitempty"`
}

// Where a dataset export's spans come from (Dataset.Spans): the values of
// dataset.Settings.Spans.
const (
	SpansAuto = ""
	SpansOwn  = "own"
	SpansGold = "gold"
)

// DefaultDataset returns the default dataset export settings: documents
// marked done only, split 80/10/10 with the default seed (the same as
// dataset.DefaultSettings).
func DefaultDataset() Dataset {
	return Dataset{Seed: 20251007, Ratios: [3]float64{0.8, 0.1, 0.1}, Name: "raqim"}
}

// Message is something the user is told, of kind "info", "warn" or "error".
type Message struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Held is an imported file refused only for labels outside the schema, or
// held for the name of the layer it would become: the user may map the
// labels, or name the layer, and import it again.
type Held struct {
	// Name is the file's name for messages ("a.txt + a.ann" for a brat pair).
	Name string `json:"name"`
	// Files are the indices in Request.Files of the files it was read from.
	Files []int `json:"files"`
	// Labels are the labels outside the schema, most used first.
	Labels []Unknown `json:"labels"`
	// Unnamed says the file was held instead for a layer name (see
	// Layer.Ask); Layer is the name proposed, its file's base name.
	Unnamed bool   `json:"unnamed,omitempty"`
	Layer   string `json:"layer,omitempty"`
}

// Unknown is a label outside the schema found in a file.
type Unknown struct {
	Label corpus.Label `json:"label"`
	Spans int          `json:"spans"` // how many spans carry it
	Line  int          `json:"line"`  // the 1-based line it first occurs on
}

// Reply is what came of a Request.
type Reply struct {
	// Error is set when the work failed as a whole; nothing was changed.
	Error    string    `json:"error,omitempty"`
	Messages []Message `json:"messages,omitempty"`
	Held     []Held    `json:"held,omitempty"`
	// First is the ID of the first document imported (or found stored).
	First string `json:"first,omitempty"`
	// Stored is how many documents were added to the store.
	Stored int `json:"stored,omitempty"`
	// Layered is how many stored documents were given a layer.
	Layered int `json:"layered,omitempty"`
	// File names the file of an export; the file itself travels beside the reply.
	File string `json:"file,omitempty"`
	// Type is the export's media type.
	Type string `json:"type,omitempty"`
	// Resume is set when an import is not done: the page goes on with a
	// request whose Resume it is, in a new worker.
	Resume *Resume `json:"resume,omitempty"`
	// Plan is set when a dataset export has made its plan (its first pass):
	// the page goes on with a request whose Plan it is, in a new worker, so
	// that what the browser keeps of the first pass's reads goes with the
	// first.
	Plan json.RawMessage `json:"plan,omitempty"`
	// Layers are the corpus's layers, for an Agree (the own layer first,
	// named by Request.Annotator).
	Layers []gold.Summary `json:"layers,omitempty"`
	// Agreement and Disagreements are what an Agree measured, when it
	// was given two or more layers.
	Agreement     *agreement.Report            `json:"agreement,omitempty"`
	Disagreements []agreement.DocDisagreements `json:"disagreements,omitempty"`
	// DisagreementUnits counts the units on which the layers differ, of
	// which Disagreements holds the first MaxDisagreements.
	DisagreementUnits int `json:"disagreement_units,omitempty"`
	// Score is what a Score measured.
	Score *agreement.ScoreReport `json:"score,omitempty"`
	// Suggestions are a Suggest's spans, sorted, for the document Doc (its
	// ID) as the request of revision Rev held it.
	Suggestions Spans  `json:"suggestions,omitempty"`
	Doc         string `json:"doc,omitempty"`
	Rev         int    `json:"rev,omitempty"`
	// Training is the record of a Train.
	Training *training.Record `json:"training,omitempty"`
	// Mentions counts what a Propagate found in the other documents.
	Mentions *propagation.Count `json:"mentions,omitempty"`
	// Suggested counts what a SuggestLayer stored.
	Suggested *Suggested `json:"suggested,omitempty"`
}

// MaxDisagreements is how many units on which layers differ an Agree's
// reply lists at most: a corpus may hold hundreds of thousands.
const MaxDisagreements = 1000

// Extensions are the file extensions an Import reads, with their dots (a
// brat .ann goes with its .txt).
var Extensions = []string{".ann", ".bio", ".bioes", ".conll", ".iob", ".iob2", ".json", ".jsonl", ".txt", ".zip"}

// Merge appends what o says to r (First stays r's when set); o's file, if
// any, its Resume, its Plan, what an Agree measured, a Train's record and
// a Propagate's count replace r's.
func (r *Reply) Merge(o Reply) {
	if r.Error == "" {
		r.Error = o.Error
	}
	r.Messages = append(r.Messages, o.Messages...)
	r.Held = append(r.Held, o.Held...)
	if r.First == "" {
		r.First = o.First
	}
	r.Stored += o.Stored
	r.Layered += o.Layered
	if o.File != "" {
		r.File, r.Type = o.File, o.Type
	}
	r.Resume, r.Plan = o.Resume, o.Plan
	if o.Training != nil {
		r.Training = o.Training
	}
	if o.Mentions != nil {
		r.Mentions = o.Mentions
	}
	if o.Suggested != nil {
		r.Suggested = o.Suggested
	}
	if o.Layers != nil {
		r.Layers, r.Agreement, r.Disagreements, r.DisagreementUnits, r.Score = o.Layers, o.Agreement, o.Disagreements, o.DisagreementUnits, o.Score
	}
}

// Suggested counts what a SuggestLayer stored.
type Suggested struct {
	Docs  int `json:"docs"`  // documents given the layer
	Spans int `json:"spans"` // suggestions stored, over them
	// Labels counts the suggestions stored per label.
	Labels map[corpus.Label]int `json:"labels,omitempty"`
	// Control and Long count the documents chosen but left out: kept
	// suggestion-free as a control, or too long for suggestions.
	Control int `json:"control,omitempty"`
	Long    int `json:"long,omitempty"`
}

// Progress is how far the work is.
type Progress struct {
	// Text says it, for the user.
	Text string `json:"text"`
	// First is, once stored, the ID of the first document of an import that
	// goes on: the page may open it before the rest is stored.
	First string `json:"first,omitempty"`
	// Added are the IDs of the documents an import stored since its last
	// progress: should the worker die before it replies, the page removes
	// them, so that the import leaves storage as it found it.
	Added []string `json:"added,omitempty"`
}

// Imported is the message, in p's language, for an import of source that
// stored added documents and skipped others already present.
func Imported(p *locale.Printer, source string, added, skipped int) string {
	docs := locale.Text(p.T("%d documents", added))
	if skipped > 0 {
		return p.T("%s: imported %s, skipped %d already present.", source, docs, skipped)
	}
	return p.T("%s: imported %s.", source, docs)
}

// Spans are spans that cross between the page and a worker as one JSON
// string of span lines (store.AppendSpan), read back without reflection:
// decoding a Suggest's reply as a JSON array of spans took the page's
// thread about 20 ms for a document of 30,000 code points.
type Spans []corpus.Span

// MarshalJSON writes the spans as one string, a span's JSON a line.
func (s Spans) MarshalJSON() ([]byte, error) {
	return json.Marshal(string(store.AppendSpanLines(nil, s)))
}

// UnmarshalJSON reads spans as MarshalJSON writes them.
func (s *Spans) UnmarshalJSON(data []byte) error {
	var lines string
	if err := json.Unmarshal(data, &lines); err != nil {
		return err
	}
	spans, err := store.DecodeSpanLines(lines)
	if err != nil {
		return err
	}
	if len(spans) == 0 {
		spans = nil
	}
	*s = spans
	return nil
}
